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

const INSERT = `INSERT INTO articles (${COLUMNS.map(([c]) => c).join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING pk`
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

/**
 * Writes one article of a source file inside the caller's transaction, as SQLite's beginSourceWrite
 * does: unchanged (maybe moved to this file), rewritten with a fresh index entry, or added. Its index
 * entry and names go into `writes`, for flushIndexWrites.
 */
export async function putArticle(
  client: Client, writes: IndexWrites, article: IndexedArticle, sourcePath: string, order: number, now: string, namesOf: ExtractNames,
): Promise<Outcome> {
  const { rows } = await client.query<StoredRow>(
    'SELECT pk, content_hash, source_path, title, subtitle, text FROM articles WHERE id = $1 FOR UPDATE', [article.id],
  )
  const old = rows[0]
  if (old && old.content_hash === article.contentHash) {
    if (old.source_path !== sourcePath) await client.query('UPDATE articles SET source_path = $1, source_order = $2 WHERE pk = $3', [sourcePath, order, old.pk])
    return 'unchanged'
  }
  const params = toArticleParams(article, sourcePath, order, now)
  const entry = article.index()
  let pk: number
  if (old) {
    countNames(writes, namesOf(old), -1)
    await client.query('DELETE FROM passages WHERE article_pk = $1', [old.pk])
    writes.dropped.push(old.pk)
    await client.query(UPDATE, [...UPDATED.map(([, value]) => value(params)), old.pk])
    pk = old.pk
  } else {
    pk = (await client.query<{ pk: number }>(INSERT, COLUMNS.map(([, value]) => value(params)))).rows[0]!.pk
  }
  await client.query(
    'INSERT INTO passages (article_pk, seq, start, "end") SELECT $1, s.seq - 1, s.start, s.fin FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS s(start, fin, seq)',
    [pk, article.passages.map((p) => p.start), article.passages.map((p) => p.end)],
  )
  writes.added.push({ pk, ...buildTsvector(entry.titleTokens, entry.bodyTokens) })
  countNames(writes, entry.names, 1)
  return old ? 'updated' : 'added'
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
function countNames(writes: IndexWrites, names: string[], delta: 1 | -1): void {
  for (const n of new Set(names)) writes.names.set(n, (writes.names.get(n) ?? 0) + delta)
}
