import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { errorMessage, InputError } from '../errors.js'
import { toDbError } from './db-errors.js'
import { checkKnownVersion, listMigrations, migrate, schemaVersion } from './migrate.js'

export type Db = Database.Database

export interface OpenDbOptions {
  /** Only reads: opens without write access and writes nothing (an older schema is upgraded only when the file is writable). */
  readonly?: boolean
  /** May create the file and any missing folders (ingest, tests, scripts). Default: true unless readonly. */
  create?: boolean
  /** busy_timeout in ms: how long a write waits for another connection's transaction (default 5000). */
  busyTimeoutMs?: number
}

/**
 * Opens the database and brings its schema up to date; ':memory:' gives a private test database.
 * Without `create`, a missing file or folder is an InputError that names the path, never a new empty file.
 */
export function openDb(path: string, opts: OpenDbOptions = {}): Db {
  const readonly = opts.readonly ?? false
  const create = opts.create ?? !readonly
  if (path !== ':memory:') checkPath(path, create)
  try {
    if (readonly) return openForReading(path, opts)
    return openForWriting(path, opts)
  } catch (err) {
    throw toDbError(err, path)
  }
}

function checkPath(path: string, create: boolean): void {
  if (existsSync(path)) return
  const dir = dirname(resolve(path))
  if (create) {
    mkdirSync(dir, { recursive: true })
    createPrivate(path)
    return
  }
  if (!existsSync(dir)) throw new InputError(`数据库 ${path} 所在的文件夹 ${dirname(path)} 不存在；请检查 --db 或 NEWSBOT_DB 的路径`)
  throw new InputError(`数据库 ${path} 不存在：先用 newsbot ingest 导入文章（或运行 npm run demo 看示例）`)
}

function openForWriting(path: string, opts: OpenDbOptions): Db {
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    configure(db, opts)
    migrate(db)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

// A reader takes no write access at all: a file the user may only read is still readable.
function openForReading(path: string, opts: OpenDbOptions): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  let current: number
  try {
    configure(db, opts)
    current = schemaVersion(db)
  } catch (err) {
    db.close()
    throw err
  }
  const latest = listMigrations().at(-1)?.version ?? 0
  if (current >= latest) {
    try {
      checkKnownVersion(current, latest)
    } catch (err) {
      db.close()
      throw err
    }
    return db
  }
  db.close()
  upgradeSchema(path, current, latest, opts)
  return openForReading(path, opts)
}

/** An older schema is migrated once with write access; a file that cannot be written says how to fix it. */
function upgradeSchema(path: string, current: number, latest: number, opts: OpenDbOptions): void {
  let db: Db
  try {
    // SQLite silently opens a file it may not write read-only; ask the file system first.
    accessSync(path, constants.W_OK)
    db = openForWriting(path, opts)
  } catch (err) {
    const code = (err as { code?: string }).code ?? ''
    if (!/^(SQLITE_(READONLY|CANTOPEN|PERM)|EACCES|EPERM|EROFS)/.test(code)) throw err
    throw new InputError(
      `数据库 ${path} 的结构是旧版（第 ${current} 版，本程序需要第 ${latest} 版），升级需要写入，但文件是只读的；` +
        '请用有写权限的账户运行一次 newsbot stats，或复制一份可写的文件再用 --db 指定',
      { cause: err },
    )
  }
  db.close()
}

function configure(db: Db, opts: OpenDbOptions): void {
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`)
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
