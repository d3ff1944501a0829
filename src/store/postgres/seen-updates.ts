import type { Pool } from './pool.js'

/**
 * Claims a Telegram update for this process: true when the id is new, or when it was claimed more
 * than `leaseMs` ago and never finished (its claimer died); false when another process has it.
 */
export async function claimUpdate(pool: Pool, updateId: number, chatId: number | null, now: number, leaseMs: number): Promise<boolean> {
  // One statement, so two replicas claiming the same id at once cannot both win (the row lock decides).
  const { rowCount } = await pool.query(
    `INSERT INTO seen_updates (update_id, chat_id, seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (update_id) DO UPDATE SET seen_at = excluded.seen_at
     WHERE seen_updates.done_at IS NULL AND seen_updates.seen_at < excluded.seen_at - $4`,
    [updateId, chatId, now, leaseMs],
  )
  return (rowCount ?? 0) > 0
}

/**
 * True when the chat has an update numbered before `updateId` that is claimed, unfinished and within
 * its lease: a replica is answering it, so this one should wait to keep the chat's replies in order.
 */
export async function hasEarlierUnfinished(pool: Pool, chatId: number, updateId: number, now: number, leaseMs: number): Promise<boolean> {
  // A claim whose lease ran out is not waited for: its replica died, and the chat must not wait for it forever.
  const { rowCount } = await pool.query(
    `SELECT 1 FROM seen_updates
     WHERE chat_id = $1 AND update_id < $2 AND done_at IS NULL AND seen_at >= $3::bigint - $4::bigint LIMIT 1`,
    [chatId, updateId, now, leaseMs],
  )
  return (rowCount ?? 0) > 0
}

/** Marks a claimed update handled, so no resend of it is ever claimed again. */
export async function finishUpdate(pool: Pool, updateId: number, now: number): Promise<void> {
  await pool.query('UPDATE seen_updates SET done_at = $2 WHERE update_id = $1', [updateId, now])
}
