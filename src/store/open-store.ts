import { openDb, type OpenDbOptions } from './db.js'
import { isPostgresUrl, openPostgresStore } from './postgres/index.js'
import { createSqliteStore } from './sqlite-store.js'
import type { Store } from './store.js'

/** Opens the store a --db value or NEWSBOT_DATABASE_URL names: postgres://… is PostgreSQL, anything else a SQLite file. */
export async function openStore(location: string, opts: OpenDbOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return openPostgresStore(location)
  return createSqliteStore(openDb(location, opts))
}
