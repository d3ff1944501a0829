import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { listMigrations, migrate, openDb } from '../../src/store/index.js'

describe('migrate', () => {
  it('brings a new database to the latest version with numbered migrations in order', () => {
    const db = openDb(':memory:')
    const versions = listMigrations().map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(db.pragma('user_version', { simple: true })).toBe(versions.at(-1))
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['articles', 'passages', 'sources', 'articles_fts']))
  })

  it('is a no-op on a database that is already current', () => {
    const db = openDb(':memory:')
    const before = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()
    migrate(db)
    expect(db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(before)
  })

  it('refuses a database written by a newer newsbot', () => {
    const db = new Database(':memory:')
    db.pragma('user_version = 999')
    expect(() => migrate(db)).toThrow(InputError)
    expect(() => migrate(db)).toThrow(/999/)
  })

  it('applies only the migrations a database lacks', () => {
    const db = new Database(':memory:')
    const all = listMigrations()
    migrate(db, all.slice(0, 1))
    expect(db.pragma('user_version', { simple: true })).toBe(all[0]!.version)
    migrate(db, all)
    expect(db.pragma('user_version', { simple: true })).toBe(all.at(-1)!.version)
  })
})
