import { fileURLToPath } from 'node:url'
import { InputError } from '../../errors.js'
import { listMigrations } from '../migrate.js'
import { inTransaction, type Pool } from './pool.js'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

// Two processes starting at once must not both apply a migration: the first holds this lock.
const MIGRATION_LOCK = 0x6e657773

/** Applies the pending numbered migrations in order, in one transaction (DDL is transactional here), recording each in schema_migrations. */
export async function migratePostgres(pool: Pool, migrations = listMigrations(MIGRATIONS_DIR)): Promise<number> {
  await pool.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`)
  const latest = migrations.at(-1)?.version ?? 0
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
    const current = rows[0]?.v ?? 0
    if (current > latest) {
      throw new InputError(`PostgreSQL 数据库的结构版本 ${current} 比本程序支持的版本 ${latest} 新，请升级 newsbot 或换用其他数据库。`)
    }
    for (const m of migrations.filter((x) => x.version > current)) {
      await client.query(m.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
    }
    return latest
  })
}
