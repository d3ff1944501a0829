import type { Pool } from './pool.js'

/** Records that the process `holder` is alive at `now` (wall clock); see SQLite's `beatHolder`. */
export async function beatHolder(pool: Pool, holder: string, now: number): Promise<void> {
  await pool.query(
    'INSERT INTO holders (id, heartbeat_at) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at',
    [holder, now],
  )
}

/** A process that stopped cleanly stops beating at once. */
export async function endHolder(pool: Pool, holder: string): Promise<void> {
  await pool.query('DELETE FROM holders WHERE id = $1', [holder])
}
