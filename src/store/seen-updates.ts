import { statementCache, type Db } from './db.js'

/** What a claim found: the update is now this process's, another process finished it, or a live one is handling it. */
export type UpdateClaim = 'claimed' | 'done' | 'held'

/** Who claims which update when: `now` is the wall clock the holders' heartbeats are written with. */
export interface UpdateClaimRequest {
  updateId: number
  chatId: number | null
  holder: string
  now: number
  /** A holder silent this long is dead, and its unfinished claims are taken over. */
  leaseMs: number
  /** The update as Telegram sent it (JSON), kept until finished so another process can answer it. */
  payload?: string
}

/** An unfinished update whose holder died: what a live process answers without waiting for a resend. */
export interface OrphanedUpdate {
  updateId: number
  payload: string
}

const statements = statementCache((db) => ({
  // One statement, so two processes claiming the same id at once cannot both win: a new id is
  // inserted; a taken one is re-claimed only when unfinished and its holder stopped beating (or,
  // for a claim taken before holders were recorded, when it is older than the lease).
  claim: db.prepare<{ id: number; chat: number | null; holder: string; now: number; lease: number; payload: string | null }>(`INSERT INTO seen_updates
    (update_id, chat_id, seen_at, claimed_by, payload) VALUES (@id, @chat, @now, @holder, @payload)
    ON CONFLICT (update_id) DO UPDATE SET seen_at = excluded.seen_at, claimed_by = excluded.claimed_by,
      payload = coalesce(excluded.payload, seen_updates.payload)
    WHERE seen_updates.done_at IS NULL AND seen_updates.replying_at IS NULL AND (
      (seen_updates.claimed_by IS NULL AND seen_updates.seen_at < @now - @lease)
      OR seen_updates.claimed_by NOT IN (SELECT id FROM holders WHERE heartbeat_at > @now - @lease))`),
  // A reply already going out counts as done: a resend has nothing left to do.
  done: db.prepare<[number], { done: 0 | 1 }>('SELECT done_at IS NOT NULL OR replying_at IS NOT NULL AS done FROM seen_updates WHERE update_id = ?'),
  // A claim older than the wait is not waited for: nobody resent it, and the chat must not wait forever.
  earlierUnfinished: db.prepare<[number, number, number, number], { found: 1 }>(`SELECT 1 AS found FROM seen_updates
    WHERE chat_id = ? AND update_id < ? AND done_at IS NULL AND seen_at >= ? - ? LIMIT 1`),
  // The payload is only needed while the update may have to be answered by another process.
  finish: db.prepare<[number, number]>('UPDATE seen_updates SET done_at = ?, payload = NULL WHERE update_id = ?'),
  replying: db.prepare<[number, number]>('UPDATE seen_updates SET replying_at = ? WHERE update_id = ? AND replying_at IS NULL'),
  orphaned: db.prepare<{ now: number; lease: number; limit: number }, { update_id: number; payload: string }>(`SELECT update_id, payload
    FROM seen_updates WHERE done_at IS NULL AND replying_at IS NULL AND payload IS NOT NULL
      AND claimed_by NOT IN (SELECT id FROM holders WHERE heartbeat_at > @now - @lease)
    ORDER BY update_id LIMIT @limit`),
  interruptedReplies: db.prepare<{ now: number; lease: number }>(`UPDATE seen_updates SET done_at = @now, payload = NULL
    WHERE done_at IS NULL AND replying_at IS NOT NULL
      AND claimed_by NOT IN (SELECT id FROM holders WHERE heartbeat_at > @now - @lease)`),
  prune: db.prepare<[number]>('DELETE FROM seen_updates WHERE seen_at < ?'),
}))

/**
 * Claims a Telegram update for `holder`: 'claimed' when the id is new or its claimer died (no
 * heartbeat within the lease) before finishing it; 'done' when it was handled; 'held' while a live
 * process handles it.
 */
export function claimUpdate(db: Db, r: UpdateClaimRequest): UpdateClaim {
  const s = statements(db)
  if (s.claim.run({ id: r.updateId, chat: r.chatId, holder: r.holder, now: r.now, lease: r.leaseMs, payload: r.payload ?? null }).changes > 0) return 'claimed'
  return s.done.get(r.updateId)?.done ? 'done' : 'held'
}

/**
 * True when the chat has an update numbered before `updateId` that is claimed, unfinished and was
 * claimed within `waitMs`: a process is answering it (or will, after a resend), so this one waits.
 */
export function hasEarlierUnfinished(db: Db, chatId: number, updateId: number, now: number, waitMs: number): boolean {
  return statements(db).earlierUnfinished.get(chatId, updateId, now, waitMs) !== undefined
}

/** Marks a claimed update handled, so no resend of it is ever claimed again. */
export function finishUpdate(db: Db, updateId: number, now: number): void {
  statements(db).finish.run(now, updateId)
}

/**
 * Records that the reply to a claimed update is about to go out: from now on the update is never
 * answered again, even if this process dies before `finishUpdate` (at most once, not twice).
 */
export function markReplying(db: Db, updateId: number, now: number): void {
  statements(db).replying.run(now, updateId)
}

/**
 * Finishes the updates whose holder died (no heartbeat within `leaseMs`) after their reply had started
 * going out, so the chat's later updates stop waiting for them; returns how many.
 */
export function finishInterruptedReplies(db: Db, now: number, leaseMs: number): number {
  return statements(db).interruptedReplies.run({ now, lease: leaseMs }).changes
}

/**
 * Unfinished updates, oldest first, whose holder has not beaten within `leaseMs` and whose reply had
 * not started: their process died while answering, maybe after Telegram had its 200. Claiming one
 * (`claimUpdate`) takes it over.
 */
export function listOrphanedUpdates(db: Db, now: number, leaseMs: number, limit: number): OrphanedUpdate[] {
  return statements(db).orphaned.all({ now, lease: leaseMs, limit }).map((r) => ({ updateId: r.update_id, payload: r.payload }))
}

/** Forgets update ids seen before `before` (epoch ms); Telegram stops resending an update after a day. */
export function pruneSeenUpdates(db: Db, before: number): number {
  return statements(db).prune.run(before).changes
}
