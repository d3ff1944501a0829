import type pg from 'pg'
import type { IndexedArticle } from '../article-write.js'
import { toArticleParams } from '../article-write.js'
import type { ExtractNames } from '../learned-names.js'
import { buildTsvector } from './lexemes.js'

type Client = pg.PoolClient
type Outcome = 'added' | 'updated' | 'unchanged'

const COLUMNS = [
  'id', 'paper', 'paper_inferred', 'issue_date', 'date_inferred', 'page', 'title', 'subtitle', 'intro_title', 'section',
  'dateline', 'byline', 'reporters', 'correspondents', 'text', 'url', 'content_hash', 'source_path', 'source_order',
  'added_at', 'updated_at', 'event_date', 'uncertain', 'region',
] as const

function values(p: ReturnType<typeof toArticleParams>): unknown[] {
  return [
    p.id, p.paper, p.paperInferred, p.issueDate, p.dateInferred, p.page, p.title, p.subtitle, p.introTitle, p.section,
    p.dateline, p.byline, p.reporters, p.correspondents, p.text, p.url, p.contentHash, p.sourcePath, p.sourceOrder,
    p.now, p.now, p.eventDate, p.uncertain, p.region,
  ]
}

const INSERT = `INSERT INTO articles (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING pk`
// An update keeps added_at ($20): every other column is rewritten.
const UPDATE = `UPDATE articles SET ${COLUMNS.map((c, i) => (c === 'added_at' ? null : `${c} = $${i + 1}`)).filter(Boolean).join(', ')}
  WHERE pk = $${COLUMNS.length + 1}`

interface StoredRow {
  pk: number
  content_hash: string
  source_path: string
  title: string
  subtitle: string | null
  text: string
}

/**
 * Writes one article of a source file inside the caller's transaction, as SQLite's beginSourceWrite
 * does: unchanged (maybe moved to this file), rewritten with a fresh index entry, or added.
 */
export async function putArticle(client: Client, article: IndexedArticle, sourcePath: string, order: number, now: string, namesOf: ExtractNames): Promise<Outcome> {
  const { rows } = await client.query<StoredRow>(
    'SELECT pk, content_hash, source_path, title, subtitle, text FROM articles WHERE id = $1 FOR UPDATE', [article.id],
  )
  const old = rows[0]
  if (old && old.content_hash === article.contentHash) {
    if (old.source_path !== sourcePath) await client.query('UPDATE articles SET source_path = $1, source_order = $2 WHERE pk = $3', [sourcePath, order, old.pk])
    return 'unchanged'
  }
  const params = values(toArticleParams(article, sourcePath, order, now))
  const entry = article.index()
  let pk: number
  if (old) {
    await forgetNames(client, namesOf(old))
    await client.query('DELETE FROM passages WHERE article_pk = $1', [old.pk])
    await client.query('DELETE FROM article_index WHERE article_pk = $1', [old.pk])
    await client.query(UPDATE, [...params, old.pk])
    pk = old.pk
  } else {
    pk = (await client.query<{ pk: number }>(INSERT, params)).rows[0]!.pk
  }
  await client.query(
    'INSERT INTO passages (article_pk, seq, start, "end") SELECT $1, s.seq - 1, s.start, s.fin FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS s(start, fin, seq)',
    [pk, article.passages.map((p) => p.start), article.passages.map((p) => p.end)],
  )
  const { tsv, tokens } = buildTsvector(entry.titleTokens, entry.bodyTokens)
  await client.query('INSERT INTO article_index (article_pk, tsv, tokens) VALUES ($1, $2::tsvector, $3)', [pk, tsv, tokens])
  await learnNames(client, entry.names)
  return old ? 'updated' : 'added'
}

/** Removes the file's articles that were not written again; returns how many. */
export async function removeUnseen(client: Client, sourcePath: string, seen: Set<string>, namesOf: ExtractNames): Promise<number> {
  const { rows } = await client.query<StoredRow & { id: string }>(
    'SELECT pk, id, content_hash, source_path, title, subtitle, text FROM articles WHERE source_path = $1', [sourcePath],
  )
  const gone = rows.filter((r) => !seen.has(r.id))
  for (const r of gone) await forgetNames(client, namesOf(r))
  if (gone.length) await client.query('DELETE FROM articles WHERE pk = ANY($1::int[])', [gone.map((r) => r.pk)])
  return gone.length
}

// Names in sorted order, so two writers lock the same rows in the same order.
async function learnNames(client: Client, names: string[]): Promise<void> {
  const unique = [...new Set(names)].sort()
  if (unique.length === 0) return
  await client.query(
    `INSERT INTO learned_names (name, articles) SELECT unnest($1::text[]), 1
     ON CONFLICT (name) DO UPDATE SET articles = learned_names.articles + 1`,
    [unique],
  )
}

async function forgetNames(client: Client, names: string[]): Promise<void> {
  const unique = [...new Set(names)].sort()
  if (unique.length === 0) return
  await client.query('UPDATE learned_names SET articles = articles - 1 WHERE name = ANY($1::text[])', [unique])
  await client.query('DELETE FROM learned_names WHERE name = ANY($1::text[]) AND articles <= 0', [unique])
}
