import type { OrphanedUpdate, UpdateClaim, UpdateClaimRequest } from '../seen-updates.js'
import type { Pool } from './pool.js'

/**
 * Claims a Telegram update for `holder`: 'claimed' when the id is new or its claimer died before
 * finishing it, 'done' when it was handled, 'held' while a live process handles it (SQLite's rules).
 */
export async function claimUpdate(pool: Pool, r: UpdateClaimRequest): Promise<UpdateClaim> {
  // One statement, so two replicas claiming the same id at once cannot both win (the row lock decides).
  const { rowCount } = await pool.query(
    `INSERT INTO seen_updates (update_id, chat_id, seen_at, claimed_by, payload) VALUES ($1, $2, $3, $4, $6)
     ON CONFLICT (update_id) DO UPDATE SET seen_at = excluded.seen_at, claimed_by = excluded.claimed_by,
       payload = coalesce(excluded.payload, seen_updates.payload)
     WHERE seen_updates.done_at IS NULL AND seen_updates.replying_at IS NULL AND (
       (seen_updates.claimed_by IS NULL AND seen_updates.seen_at < $3::bigint - $5::bigint)
       OR seen_updates.claimed_by NOT IN (SELECT id FROM holders WHERE heartbeat_at > $3::bigint - $5::bigint))`,
    [r.updateId, r.chatId, r.now, r.holder, r.leaseMs, r.payload ?? null],
  )
  if ((rowCount ?? 0) > 0) return 'claimed'
  const { rows } = await pool.query<{ done: boolean }>(
    'SELECT done_at IS NOT NULL OR replying_at IS NOT NULL AS done FROM seen_updates WHERE update_id = $1',
    [r.updateId],
  )
  return rows[0]?.done ? 'done' : 'held'
}

/**
 * True when the chat has an update numbered before `updateId` that is claimed, unfinished and was
 * claimed within `waitMs`: a process is answering it (or will, after a resend), so this one waits.
 */
export async function hasEarlierUnfinished(pool: Pool, chatId: number, updateId: number, now: number, waitMs: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    `SELECT 1 FROM seen_updates
     WHERE chat_id = $1 AND update_id < $2 AND done_at IS NULL AND seen_at >= $3::bigint - $4::bigint LIMIT 1`,
    [chatId, updateId, now, waitMs],
  )
  return (rowCount ?? 0) > 0
}

/** Marks a claimed update handled, so no resend of it is ever claimed again. */
export async function finishUpdate(pool: Pool, updateId: number, now: number): Promise<void> {
  await pool.query('UPDATE seen_updates SET done_at = $2, payload = NULL WHERE update_id = $1', [updateId, now])
}

/** Records that the reply to a claimed update is about to go out (SQLite's rules). */
export async function markReplying(pool: Pool, updateId: number, now: number): Promise<void> {
  await pool.query('UPDATE seen_updates SET replying_at = $2 WHERE update_id = $1 AND replying_at IS NULL', [updateId, now])
}

/** Finishes the updates whose holder died after their reply had started going out (SQLite's rules). */
export async function finishInterruptedReplies(pool: Pool, now: number, leaseMs: number): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE seen_updates SET done_at = $1, payload = NULL
     WHERE done_at IS NULL AND replying_at IS NOT NULL
       AND claimed_by NOT IN (SELECT id FROM holders WHERE heartbeat_at > $1::bigint - $2::bigint)`,
    [now, leaseMs],
  )
  return rowCount ?? 0
}

/** Unfinished updates, oldest first, whose holder has not beaten within `leaseMs` and whose reply had not started (SQLite's rules). */
export async function listOrphanedUpdates(pool: Pool, now: number, leaseMs: number, limit: number): Promise<OrphanedUpdate[]> {
  const { rows } = await pool.query<{ update_id: string; payload: string }>(
    `SELECT update_id, payload FROM seen_updates WHERE done_at IS NULL AND replying_at IS NULL AND payload IS NOT NULL
       AND claimed_by NOT IN (SELECT id FROM holders WHERE heartbeat_at > $1::bigint - $2::bigint)
     ORDER BY update_id LIMIT $3`,
    [now, leaseMs, limit],
  )
  return rows.map((r) => ({ updateId: Number(r.update_id), payload: r.payload }))
}

/** Forgets updates seen before `before` (epoch ms); returns how many. */
export async function pruneSeenUpdates(pool: Pool, before: number): Promise<number> {
  return (await pool.query('DELETE FROM seen_updates WHERE seen_at < $1', [before])).rowCount ?? 0
}
