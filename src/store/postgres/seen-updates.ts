import type { UpdateClaim, UpdateClaimRequest } from '../seen-updates.js'
import type { Pool } from './pool.js'

/**
 * Claims a Telegram update for `holder`: 'claimed' when the id is new or its claimer died before
 * finishing it, 'done' when it was handled, 'held' while a live process handles it (SQLite's rules).
 */
export async function claimUpdate(pool: Pool, r: UpdateClaimRequest): Promise<UpdateClaim> {
  // One statement, so two replicas claiming the same id at once cannot both win (the row lock decides).
  const { rowCount } = await pool.query(
    `INSERT INTO seen_updates (update_id, chat_id, seen_at, claimed_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (update_id) DO UPDATE SET seen_at = excluded.seen_at, claimed_by = excluded.claimed_by
     WHERE seen_updates.done_at IS NULL AND (
       (seen_updates.claimed_by IS NULL AND seen_updates.seen_at < $3::bigint - $5::bigint)
       OR seen_updates.claimed_by NOT IN (SELECT id FROM holders WHERE heartbeat_at > $3::bigint - $5::bigint))`,
    [r.updateId, r.chatId, r.now, r.holder, r.leaseMs],
  )
  if ((rowCount ?? 0) > 0) return 'claimed'
  const { rows } = await pool.query<{ done_at: string | null }>('SELECT done_at FROM seen_updates WHERE update_id = $1', [r.updateId])
  return rows[0]?.done_at == null ? 'held' : 'done'
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
  await pool.query('UPDATE seen_updates SET done_at = $2 WHERE update_id = $1', [updateId, now])
}
