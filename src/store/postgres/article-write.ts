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
  const params = toArticleParams(article, sourcePath, order, now)
  const entry = article.index()
  let pk: number
  if (old) {
    await forgetNames(client, namesOf(old))
    await client.query('DELETE FROM passages WHERE article_pk = $1', [old.pk])
    await client.query('DELETE FROM article_index WHERE article_pk = $1', [old.pk])
    await client.query(UPDATE, [...UPDATED.map(([, value]) => value(params)), old.pk])
    pk = old.pk
  } else {
    pk = (await client.query<{ pk: number }>(INSERT, COLUMNS.map(([, value]) => value(params)))).rows[0]!.pk
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
