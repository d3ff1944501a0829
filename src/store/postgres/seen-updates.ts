import type { Pool } from './pool.js'

/** Records a Telegram update id; true when it was new, false when some process had already taken it. */
export async function markUpdateSeen(pool: Pool, updateId: number, now: number): Promise<boolean> {
  const { rowCount } = await pool.query('INSERT INTO seen_updates (update_id, seen_at) VALUES ($1, $2) ON CONFLICT (update_id) DO NOTHING', [updateId, now])
  return (rowCount ?? 0) > 0
}
