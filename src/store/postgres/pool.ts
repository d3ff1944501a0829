import pg from 'pg'
import { UpstreamError } from '../../errors.js'

export type Pool = pg.Pool
export type Queryable = pg.Pool | pg.PoolClient

// BIGINT (chat ids, epoch ms, counts) as numbers: every value newsbot stores fits in 2^53.
const INT8_OID = 20
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

/** A connection pool for a postgres:// URL; nothing connects until the first query. */
export function createPool(url: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 })
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  return pool
}

// Connection-level failures: the server is down, unreachable, refuses us, or the database is missing.
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', '28P01', '28000', '3D000', '57P03'])

/** A PostgreSQL failure as one clear sentence naming the server (never the password). */
export function toPgError(err: unknown, url: string): unknown {
  const code = (err as { code?: string }).code ?? ''
  const timedOut = err instanceof Error && /timeout/i.test(err.message)
  if (!CONNECT_CODES.has(code) && !timedOut) return err
  return new UpstreamError(`无法连接 PostgreSQL 数据库 ${describeUrl(url)}（${(err as Error).message}）；请检查 NEWSBOT_DATABASE_URL 或 --db 的地址、账户和数据库名`, {
    cause: err,
    retryable: code !== '28P01' && code !== '3D000',
  })
}

/** host:port/database of a URL, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || 5432}${u.pathname}`
  } catch {
    return 'postgres://…'
  }
}

/** Runs `work` in one transaction on one pooled client. */
export async function inTransaction<T>(pool: Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
