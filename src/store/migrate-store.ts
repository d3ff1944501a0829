import { NewsbotError } from '../errors.js'
import { openDb } from './db.js'
import { compareCounts, copySqliteToPostgres, type IndexTokensOf, type TableCount } from './postgres/copy.js'
import { createPool, toPgError } from './postgres/pool.js'
import { migratePostgres } from './postgres/migrate.js'

export type { IndexTokensOf, TableCount } from './postgres/copy.js'

/** Row counts that differ between the two stores after a copy: a named error listing them. */
export class CountMismatch extends NewsbotError {
  override name = 'CountMismatch'
}

/** The tables whose counts differ, as one sentence; null when every count matches. */
export function describeMismatch(counts: TableCount[]): string | null {
  const wrong = counts.filter((c) => c.sqlite !== c.postgres)
  if (wrong.length === 0) return null
  return `复制后行数不一致：${wrong.map((c) => `${c.table}（SQLite ${c.sqlite}，PostgreSQL ${c.postgres}）`).join('，')}`
}

/**
 * Copies a SQLite store (`from`, a file) into an empty PostgreSQL database (`to`, a postgres:// URL),
 * then counts each table on both sides. The counts are returned whatever they are; the caller
 * reports a mismatch (see describeMismatch).
 */
export async function migrateStore(from: string, to: string, indexOf: IndexTokensOf): Promise<TableCount[]> {
  const db = openDb(from, { readonly: true })
  const pool = createPool(to, 2)
  try {
    await migratePostgres(pool)
    await copySqliteToPostgres(db, pool, indexOf)
    // Fresh statistics, so the planner uses the GIN index from the first search on.
    await pool.query('ANALYZE')
    return await compareCounts(db, pool)
  } catch (err) {
    throw toPgError(err, to)
  } finally {
    db.close()
    await pool.end()
  }
}
