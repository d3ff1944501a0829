import { statementCache, type Db } from './db.js'

const statements = statementCache((db) => ({
  mark: db.prepare<[number, number]>('INSERT INTO seen_updates (update_id, seen_at) VALUES (?, ?) ON CONFLICT (update_id) DO NOTHING'),
  prune: db.prepare<[number]>('DELETE FROM seen_updates WHERE seen_at < ?'),
}))

/** Records a Telegram update id; true when it was new, false when some process had already taken it. */
export function markUpdateSeen(db: Db, updateId: number, now: number): boolean {
  return statements(db).mark.run(updateId, now).changes > 0
}

/** Forgets update ids seen before `before` (epoch ms); Telegram stops resending an update after a day. */
export function pruneSeenUpdates(db: Db, before: number): number {
  return statements(db).prune.run(before).changes
}
