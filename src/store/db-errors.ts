import { InputError, NewsbotError } from '../errors.js'

/** SQLite's result codes (better-sqlite3's SqliteError.code) that a user can act on, as one Chinese sentence each. */
const SENTENCES: Record<string, (path: string) => string> = {
  SQLITE_NOTADB: (p) => `${p} 不是 newsbot 的数据库（不是 SQLite 文件）；请检查 --db 或 NEWSBOT_DB 的路径`,
  SQLITE_CORRUPT: (p) => `数据库 ${p} 已损坏；请从备份恢复，或换一个新文件重新导入`,
  SQLITE_CANTOPEN: (p) => `无法打开数据库 ${p}：路径是文件夹、没有权限，或所在文件夹不可写`,
  SQLITE_READONLY_DIRECTORY: (p) => `数据库 ${p} 所在的文件夹不可写，SQLite 无法读它的 WAL 日志；请把文件复制到可写的文件夹，再用 --db 指定`,
  SQLITE_READONLY: (p) => `数据库 ${p} 是只读的，无法写入；请检查文件权限`,
  SQLITE_BUSY: (p) => `数据库 ${p} 正被另一个程序写入，等待超时；请稍后再试`,
  SQLITE_FULL: (p) => `磁盘已满，无法写入数据库 ${p}`,
  SQLITE_IOERR: (p) => `读写数据库 ${p} 时出错（磁盘或文件系统故障）`,
  SQLITE_PERM: (p) => `没有权限访问数据库 ${p}`,
}

/** The SQLite result code of an error (SQLITE_READONLY_DBMOVED counts as SQLITE_READONLY), if it is one. */
export function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined
  return /^SQLITE_[A-Z]+/.exec(code)![0]
}

/** True when SQLite refused because another connection holds the write lock. */
export function isBusy(err: unknown): boolean {
  const code = sqliteCode(err)
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}

/**
 * Converts a SQLite error into a NewsbotError whose message is one Chinese sentence (keeping the
 * original as `cause`); other errors come back unchanged.
 */
export function toDbError(err: unknown, path: string): unknown {
  if (err instanceof NewsbotError) return err
  const code = sqliteCode(err)
  if (!code) return err
  const full = (err as { code: string }).code
  const say = SENTENCES[full] ?? SENTENCES[code === 'SQLITE_LOCKED' ? 'SQLITE_BUSY' : code]
  return new InputError(say ? say(path) : `数据库 ${path} 出错（${code}）`, { cause: err })
}
