import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { InputError, errorMessage } from '../errors.js'
import { migrate } from './migrate.js'

export type Db = Database.Database

/** Opens (creating if needed) and migrates the database; ':memory:' gives a private test database. */
export function openDb(path: string, opts: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
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

/** Prepared statements made once per connection (house rule: never prepare inside loops). */
export function statementCache<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>()
  return (db) => {
    let s = cache.get(db)
    if (!s) cache.set(db, (s = build(db)))
    return s
  }
}
