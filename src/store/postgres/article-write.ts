import type pg from 'pg'
import type { IndexedArticle } from '../article-write.js'
import { toArticleParams } from '../article-write.js'
import type { ExtractNames } from '../learned-names.js'
import { buildTsvector } from './lexemes.js'

type Client = pg.PoolClient
type Outcome = 'added' | 'updated' | 'unchanged'

type Params = ReturnType<typeof toArticleParams>

// Each column with the parameter that fills it; an update rewrites every column but added_at.
const COLUMNS: [string, (p: Params) => unknown][] = [
  ['id', (p) => p.id], ['paper', (p) => p.paper], ['paper_inferred', (p) => p.paperInferred], ['issue_date', (p) => p.issueDate],
  ['date_inferred', (p) => p.dateInferred], ['page', (p) => p.page], ['title', (p) => p.title], ['subtitle', (p) => p.subtitle],
  ['intro_title', (p) => p.introTitle], ['section', (p) => p.section], ['dateline', (p) => p.dateline], ['byline', (p) => p.byline],
  ['reporters', (p) => p.reporters], ['correspondents', (p) => p.correspondents], ['text', (p) => p.text], ['url', (p) => p.url],
  ['content_hash', (p) => p.contentHash], ['source_path', (p) => p.sourcePath], ['source_order', (p) => p.sourceOrder],
  ['added_at', (p) => p.now], ['updated_at', (p) => p.now], ['event_date', (p) => p.eventDate], ['uncertain', (p) => p.uncertain],
  ['region', (p) => p.region],
]
const UPDATED = COLUMNS.filter(([name]) => name !== 'added_at')

const UPDATE = `UPDATE articles SET ${UPDATED.map(([c], i) => `${c} = $${i + 1}`).join(', ')} WHERE pk = $${UPDATED.length + 1}`

interface StoredRow {
  pk: number
  content_hash: string
  source_path: string
  title: string
  subtitle: string | null
  text: string
}

/**
 * Index entries and learned-name counts a file's articles change, written a batch at a time: the term
 * statistics' triggers and the name counts then update each shared row once per batch, not once per
 * article (in one transaction, every update of the same row lengthens the chain of its versions that
 * the next update has to walk: a 68k-article file took tens of minutes article by article).
 */
export interface IndexWrites {
  /** Articles whose old index entry goes before the new ones are written. */
  dropped: number[]
  added: { pk: number; tsv: string; tokens: number }[]
  /** Each name with how many more (or fewer) articles it counts towards. */
  names: Map<string, number>
}

export function newIndexWrites(): IndexWrites {
  return { dropped: [], added: [], names: new Map() }
}

/** Writes what the batch holds (old entries out, new ones in, name counts) and empties it. */
export async function flushIndexWrites(client: Client, w: IndexWrites): Promise<void> {
  if (w.dropped.length) await client.query('DELETE FROM article_index WHERE article_pk = ANY($1::int[])', [w.dropped])
  if (w.added.length) {
    await client.query('INSERT INTO article_index (article_pk, tsv, tokens) SELECT * FROM unnest($1::int[], $2::tsvector[], $3::int[])', [
      w.added.map((a) => a.pk), w.added.map((a) => a.tsv), w.added.map((a) => a.tokens),
    ])
  }
  // Names in sorted order, so two writers lock the same rows in the same order.
  const names = [...w.names].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (names.length) {
    await client.query(
      `INSERT INTO learned_names (name, articles) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (name) DO UPDATE SET articles = learned_names.articles + excluded.articles`,
      [names.map(([n]) => n), names.map(([, d]) => d)],
    )
    await client.query('DELETE FROM learned_names WHERE name = ANY($1::text[]) AND articles <= 0', [names.map(([n]) => n)])
  }
  Object.assign(w, newIndexWrites())
}

/** An article of a source file with its place in the file (1-based, as SQLite's source_order). */
export interface FileArticle {
  article: IndexedArticle
  order: number
}

// New articles in one statement: json_populate_recordset types each JSON row as an articles row, and
// the identity column is left to its default.
const INSERT_MANY = `INSERT INTO articles (${COLUMNS.map(([c]) => c).join(', ')})
  SELECT ${COLUMNS.map(([c]) => c).join(', ')} FROM json_populate_recordset(NULL::articles, $1::json) RETURNING pk, id`

/**
 * Writes articles of one source file inside the caller's transaction, as SQLite's beginSourceWrite
 * does for each: unchanged (maybe moved to this file), rewritten with a fresh index entry, or added.
 * A batch is a handful of statements whatever its size (one article at a time, the round trips took
 * most of an ingest). Index entries and names go into `writes`, for flushIndexWrites.
 */
export async function putArticles(
  client: Client, writes: IndexWrites, batch: FileArticle[], sourcePath: string, now: string, namesOf: ExtractNames,
): Promise<Outcome[]> {
  if (batch.length === 0) return []
  const { rows } = await client.query<StoredRow & { id: string }>(
    'SELECT pk, id, content_hash, source_path, title, subtitle, text FROM articles WHERE id = ANY($1::text[]) ORDER BY pk FOR UPDATE',
    [batch.map((b) => b.article.id)],
  )
  const stored = new Map(rows.map((r) => [r.id, r]))
  const outcomes: Outcome[] = []
  const moved: { pk: number; order: number }[] = []
  const rewritten: { old: StoredRow; item: FileArticle }[] = []
  const added: FileArticle[] = []
  for (const item of batch) {
    const old = stored.get(item.article.id)
    if (old && old.content_hash === item.article.contentHash) {
      if (old.source_path !== sourcePath) moved.push({ pk: old.pk, order: item.order })
      outcomes.push('unchanged')
    } else if (old) {
      rewritten.push({ old, item })
      outcomes.push('updated')
    } else {
      added.push(item)
      outcomes.push('added')
    }
  }
  if (moved.length) {
    await client.query(
      'UPDATE articles a SET source_path = $1, source_order = m.ord FROM unnest($2::int[], $3::int[]) AS m (pk, ord) WHERE a.pk = m.pk',
      [sourcePath, moved.map((m) => m.pk), moved.map((m) => m.order)],
    )
  }
  const pks = new Map<FileArticle, number>()
  if (rewritten.length) {
    await client.query('DELETE FROM passages WHERE article_pk = ANY($1::int[])', [rewritten.map((r) => r.old.pk)])
    for (const { old, item } of rewritten) {
      countNames(writes, namesOf(old), -1)
      writes.dropped.push(old.pk)
      const params = toArticleParams(item.article, sourcePath, item.order, now)
      await client.query(UPDATE, [...UPDATED.map(([, value]) => value(params)), old.pk])
      pks.set(item, old.pk)
    }
  }
  if (added.length) {
    const json = added.map((item) => {
      const params = toArticleParams(item.article, sourcePath, item.order, now)
      return Object.fromEntries(COLUMNS.map(([c, value]) => [c, value(params)]))
    })
    const inserted = await client.query<{ pk: number; id: string }>(INSERT_MANY, [JSON.stringify(json)])
    const byId = new Map(inserted.rows.map((r) => [r.id, r.pk]))
    for (const item of added) pks.set(item, byId.get(item.article.id)!)
  }
  const written = [...rewritten.map((r) => r.item), ...added]
  const passages = written.flatMap((item) => item.article.passages.map((p, seq) => ({ pk: pks.get(item)!, seq, p })))
  if (passages.length) {
    await client.query('INSERT INTO passages (article_pk, seq, start, "end") SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[])', [
      passages.map((x) => x.pk), passages.map((x) => x.seq), passages.map((x) => x.p.start), passages.map((x) => x.p.end),
    ])
  }
  for (const item of written) {
    const entry = item.article.index()
    writes.added.push({ pk: pks.get(item)!, ...buildTsvector(entry.titleTokens, entry.bodyTokens) })
    countNames(writes, entry.names, 1)
  }
  return outcomes
}

/** Removes the file's articles that were not written again (their names into `writes`); returns how many. */
export async function removeUnseen(client: Client, writes: IndexWrites, sourcePath: string, seen: Set<string>, namesOf: ExtractNames): Promise<number> {
  const { rows } = await client.query<StoredRow & { id: string }>(
    'SELECT pk, id, content_hash, source_path, title, subtitle, text FROM articles WHERE source_path = $1', [sourcePath],
  )
  const gone = rows.filter((r) => !seen.has(r.id))
  for (const r of gone) countNames(writes, namesOf(r), -1)
  if (gone.length) await client.query('DELETE FROM articles WHERE pk = ANY($1::int[])', [gone.map((r) => r.pk)])
  return gone.length
}

/** An article counts once towards each of its names. */
export function countNames(writes: IndexWrites, names: string[], delta: 1 | -1): void {
  for (const n of new Set(names)) writes.names.set(n, (writes.names.get(n) ?? 0) + delta)
}
