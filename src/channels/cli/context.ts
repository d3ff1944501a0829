import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { loadConfig, type Config } from '../../config.js'
import { InputError } from '../../errors.js'
import { createQuestionIndex, type QuestionIndex } from '../../retrieve/index.js'
import { createSqliteStore, isPostgresUrl, openDb, openStore, type Db, type Store } from '../../store/index.js'

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

/** What a command that works through the store needs: the SQLite file or the PostgreSQL database it names. */
export interface StoreContext {
  config: Config
  store: Store
  /** The --db value, else NEWSBOT_DATABASE_URL, else NEWSBOT_DB (a postgres:// URL is never printed with its password). */
  location: string
  /** The SQLite database under `store`, when it is one (dense vectors and their embedding at ingest read it). */
  db: Db | null
  /** What `create` access made of a SQLite file (see CliContext); always null on PostgreSQL. */
  created: CliContext['created']
}

/** Where the store is: --db wins; NEWSBOT_DATABASE_URL selects PostgreSQL when no --db is given; else NEWSBOT_DB. */
export function storeLocation(opts: GlobalOptions, config: Config): string {
  return opts.db ?? config.databaseUrl ?? config.db
}

/** Opens the store a command works through: PostgreSQL for a postgres:// location, else the SQLite file as openContext does. */
export async function openStoreContext(opts: GlobalOptions, access: DbAccess, busyTimeoutMs?: number): Promise<StoreContext> {
  const config = loadConfig()
  const location = storeLocation(opts, config)
  if (isPostgresUrl(location)) return { config, store: await openStore(location), location, db: null, created: null }
  const { db, created } = openContext({ ...opts, db: location }, access, busyTimeoutMs)
  return { config, store: createSqliteStore(db), location, db, created }
}

/** A store opened for questions, with its question index (dense retrieval when vectors are stored). */
export async function openQuestionContext(opts: GlobalOptions): Promise<StoreContext & { index: QuestionIndex }> {
  const context = await openStoreContext(opts, 'read')
  return { ...context, index: createQuestionIndex(context.store) }
}

/** Questions need articles: an empty store says how to fill it instead of answering from nothing. */
export async function requireStoreArticles(store: Store, location: string): Promise<void> {
  if ((await store.countArticles()) > 0) return
  const where = isPostgresUrl(location) ? 'PostgreSQL 数据库' : `数据库 ${location} `
  throw new InputError(`${where}里还没有文章：先用 newsbot ingest 导入报纸（运行 npm run demo 可看示例）`)
}
