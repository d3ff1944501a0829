import { statementCache, type Db } from './db.js'

const statements = statementCache((db) => ({
  // One statement, so two processes claiming the same id at once cannot both win: a new id is
  // inserted; a taken one is re-claimed only when its claimer never finished and its lease ran out.
  claim: db.prepare<[number, number | null, number, number]>(`INSERT INTO seen_updates (update_id, chat_id, seen_at) VALUES (?, ?, ?)
    ON CONFLICT (update_id) DO UPDATE SET seen_at = excluded.seen_at
    WHERE seen_updates.done_at IS NULL AND seen_updates.seen_at < excluded.seen_at - ?`),
  // A claim whose lease ran out is not waited for: its replica died, and the chat must not wait for it forever.
  earlierUnfinished: db.prepare<[number, number, number, number], { found: 1 }>(`SELECT 1 AS found FROM seen_updates
    WHERE chat_id = ? AND update_id < ? AND done_at IS NULL AND seen_at >= ? - ? LIMIT 1`),
  finish: db.prepare<[number, number]>('UPDATE seen_updates SET done_at = ? WHERE update_id = ?'),
  prune: db.prepare<[number]>('DELETE FROM seen_updates WHERE seen_at < ?'),
}))

/**
 * Claims a Telegram update for this process: true when the id is new, or when it was claimed more
 * than `leaseMs` ago and never finished (its claimer died); false when another process has it.
 */
export function claimUpdate(db: Db, updateId: number, chatId: number | null, now: number, leaseMs: number): boolean {
  return statements(db).claim.run(updateId, chatId, now, leaseMs).changes > 0
}

/**
 * True when the chat has an update numbered before `updateId` that is claimed, unfinished and within
 * its lease: a replica is answering it, so this one should wait to keep the chat's replies in order.
 */
export function hasEarlierUnfinished(db: Db, chatId: number, updateId: number, now: number, leaseMs: number): boolean {
  return statements(db).earlierUnfinished.get(chatId, updateId, now, leaseMs) !== undefined
}

/** Marks a claimed update handled, so no resend of it is ever claimed again. */
export function finishUpdate(db: Db, updateId: number, now: number): void {
  statements(db).finish.run(now, updateId)
}

/** Forgets update ids seen before `before` (epoch ms); Telegram stops resending an update after a day. */
export function pruneSeenUpdates(db: Db, before: number): number {
  return statements(db).prune.run(before).changes
}
