import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { loadConfig, type Config } from '../../config.js'
import { InputError } from '../../errors.js'
import { countArticles, openDb, type Db } from '../../store/index.js'

/** Options every command accepts (set on the program, readable after the subcommand). */
export interface GlobalOptions {
  db?: string
  verbose?: boolean
}

export interface CliContext {
  config: Config
  db: Db
  /** The database path used (--db, else NEWSBOT_DB, else the default). */
  dbPath: string
  /** What this command created (only `create` access does): the database file, and its folder too. */
  created: 'file' | 'folder' | null
}

/**
 * How a command uses the database: `read` never writes (a read-only file works), `write` needs an
 * existing database, `create` (ingest only) may make the file and its folders.
 */
export type DbAccess = 'read' | 'write' | 'create'

/** Builds what a command needs: config from the environment, then the database (--db wins over NEWSBOT_DB). */
export function openContext(opts: GlobalOptions, access: DbAccess, busyTimeoutMs?: number): CliContext {
  const config = loadConfig()
  const dbPath = opts.db ?? config.db
  const existed = dbPath === ':memory:' || existsSync(dbPath)
  const folderExisted = existed || existsSync(dirname(resolve(dbPath)))
  const db = openDb(dbPath, { readonly: access === 'read', create: access === 'create', busyTimeoutMs })
  return { config, db, dbPath, created: existed ? null : folderExisted ? 'file' : 'folder' }
}

/** Questions need articles: an empty database says how to fill it instead of answering from nothing. */
export function requireArticles(db: Db, dbPath: string): void {
  if (countArticles(db) > 0) return
  throw new InputError(`数据库 ${dbPath} 里还没有文章：先用 newsbot ingest 导入报纸（运行 npm run demo 可看示例）`)
}
