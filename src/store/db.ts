import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { InputError, errorMessage } from '../errors.js'
import { migrate } from './migrate.js'

export type Db = Database.Database

/** Opens (creating if needed) and migrates the database; ':memory:' gives a private test database. */
export function openDb(path: string, opts: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  if (path !== ':memory:' && !opts.readonly) createPrivate(path)
  let db: Db
  try {
    db = new Database(path, { readonly: opts.readonly ?? false })
    db.pragma('journal_mode = WAL')
  } catch (err) {
    throw new InputError(`无法打开数据库 ${path}: ${errorMessage(err)}`, { cause: err })
  }
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  try {
    migrate(db)
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

/**
 * Creates a missing database file readable by its owner only (0600): it holds what readers asked.
 * SQLite gives the -wal and -shm files the same mode. An existing file keeps its mode.
 */
function createPrivate(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new InputError(`无法创建数据库 ${path}: ${errorMessage(err)}`, { cause: err })
  }
}

/** Prepared statements made once per connection (house rule: never prepare inside loops). */
export function statementCache<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>()
  return (db) => {
    let s = cache.get(db)
    if (!s) cache.set(db, (s = build(db)))
    return s
  }
}
