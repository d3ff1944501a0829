import type { Db } from '../db.js'
import { InputError } from '../../errors.js'
import { buildTsvector } from './lexemes.js'
import { inTransaction, type Pool } from './pool.js'

/** What the index holds for an article (retrieve's tokens); the copy rebuilds the lexical index from it. */
export type IndexTokensOf = (article: { title: string; subtitle: string | null; text: string }) => { titleTokens: string; bodyTokens: string }

/** One table's rows in the SQLite file and in PostgreSQL after the copy. */
export interface TableCount {
  table: string
  sqlite: number
  postgres: number
}

// Parents before children (foreign keys); the same names and columns on both sides.
const TABLES = [
  'sources', 'articles', 'passages', 'passage_embeddings', 'embedding_versions', 'learned_names',
  'chat_turns', 'question_log', 'subscriptions', 'digest_sends', 'fetched_pages', 'seen_updates',
] as const
// Identity columns whose sequences must continue after the copied keys.
const IDENTITIES = [['articles', 'pk'], ['passages', 'pk'], ['chat_turns', 'id'], ['question_log', 'id']] as const
// Rows per INSERT: json_populate_recordset turns a JSON array into typed rows in one statement.
const CHUNK = 500

type Row = Record<string, unknown>

/**
 * Copies every table of a SQLite store into an empty PostgreSQL store in one transaction, rebuilding
 * the lexical index (SQLite's FTS5 table keeps no tokens to copy) from `indexOf`. Refuses a target
 * that already holds rows.
 */
export async function copySqliteToPostgres(db: Db, pool: Pool, indexOf: IndexTokensOf): Promise<void> {
  const held = (await countPostgres(pool)).filter((t) => t.count > 0)
  if (held.length > 0) {
    throw new InputError(`目标 PostgreSQL 数据库不是空的（${held.map((t) => `${t.table} ${t.count} 行`).join('，')}）；请换一个新建的空数据库`)
  }
  await inTransaction(pool, async (client) => {
    for (const table of TABLES) {
      // embedding_versions is copied as it is, so the vectors' version triggers stay off while they go in.
      if (table === 'passage_embeddings') await client.query('ALTER TABLE passage_embeddings DISABLE TRIGGER USER')
      for (const chunk of chunks(readRows(db, table), CHUNK)) {
        await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(chunk)])
      }
      if (table === 'passage_embeddings') await client.query('ALTER TABLE passage_embeddings ENABLE TRIGGER USER')
      if (table === 'articles') {
        await client.query('ALTER TABLE article_index DISABLE TRIGGER USER')
        await copyIndex(db, client.query.bind(client), indexOf)
        await client.query('ALTER TABLE article_index ENABLE TRIGGER USER')
        await client.query('SELECT article_index_recount()')
      }
    }
    for (const [table, column] of IDENTITIES) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', '${column}'), coalesce(max(${column}), 0) + 1, false) FROM ${table}`)
    }
  })
}

/** Each table's row count on both sides, the lexical index against the articles it indexes. */
export async function compareCounts(db: Db, pool: Pool): Promise<TableCount[]> {
  const target = new Map((await countPostgres(pool)).map((t) => [t.table, t.count]))
  const count = (table: string) => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0
  return [
    ...TABLES.map((table) => ({ table, sqlite: count(table), postgres: target.get(table) ?? 0 })),
    { table: 'article_index', sqlite: count('articles'), postgres: target.get('article_index') ?? 0 },
  ]
}

async function countPostgres(pool: Pool): Promise<{ table: string; count: number }[]> {
  const tables = [...TABLES, 'article_index']
  const { rows } = await pool.query<Record<string, number>>(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`)
  return tables.map((table) => ({ table, count: rows[0]![table]! }))
}

function* readRows(db: Db, table: string): Generator<Row> {
  for (const row of db.prepare<[], Row>(`SELECT * FROM ${table}`).iterate()) {
    // Vectors are little-endian Float32 BLOBs in SQLite, real[] here.
    if (table === 'passage_embeddings') yield { ...row, vector: [...new Float32Array(toArrayBuffer(row.vector as Buffer))] }
    else yield row
  }
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
}

async function copyIndex(db: Db, query: (sql: string, values: unknown[]) => Promise<unknown>, indexOf: IndexTokensOf): Promise<void> {
  const rows = db.prepare<[], { pk: number; title: string; subtitle: string | null; text: string }>('SELECT pk, title, subtitle, text FROM articles').iterate()
  for (const chunk of chunks(rows, CHUNK)) {
    const entries = chunk.map((a) => {
      const { titleTokens, bodyTokens } = indexOf(a)
      return { article_pk: a.pk, ...buildTsvector(titleTokens, bodyTokens) }
    })
    await query('INSERT INTO article_index SELECT * FROM json_populate_recordset(NULL::article_index, $1::json)', [JSON.stringify(entries)])
  }
}

function* chunks<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = []
  for (const row of rows) {
    chunk.push(row)
    if (chunk.length === size) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length) yield chunk
}
