import { statementCache, type Db } from './db.js'

const statements = statementCache((db) => ({
  beat: db.prepare<[string, number]>(
    'INSERT INTO holders (id, heartbeat_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at',
  ),
  leave: db.prepare<[string]>('DELETE FROM holders WHERE id = ?'),
}))

/**
 * Records that the process `holder` (one id per process start) is alive at `now` (wall clock): the
 * digest sends and webhook updates it claimed are its own while it beats.
 */
export function beatHolder(db: Db, holder: string, now: number): void {
  statements(db).beat.run(holder, now)
}

/** A process that stopped cleanly (its work settled) stops beating at once. */
export function endHolder(db: Db, holder: string): void {
  statements(db).leave.run(holder)
}
