import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'
import { InputError } from '../errors.js'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

interface Migration {
  version: number
  name: string
  sql: string
}

/** The numbered plain-SQL migrations shipped with the code, in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-.+\.sql$/.test(f))
    .map((name) => ({ version: Number.parseInt(name, 10), name, sql: readFileSync(dir + name, 'utf8') }))
    .sort((a, b) => a.version - b.version)
}

/** Applies each pending migration in its own transaction and records it in user_version. */
export function migrate(db: Database.Database, migrations = listMigrations()): number {
  const current = schemaVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  checkKnownVersion(current, latest)
  for (const m of migrations.filter((x) => x.version > current)) {
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return latest
}

/** The schema version the database records (user_version). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Refuses a database written by a newer newsbot, whose schema this code does not know. */
export function checkKnownVersion(current: number, latest: number): void {
  if (current > latest) {
    throw new InputError(`数据库版本 ${current} 比本程序支持的版本 ${latest} 新，请升级 newsbot 或换用其他数据库文件。`)
  }
}
