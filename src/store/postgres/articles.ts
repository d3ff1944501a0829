import { toArticle, type Article, type ArticleRow, type ArticleSummary } from '../articles.js'
import type { StoreStats } from '../stats.js'
import type { Pool } from './pool.js'

export async function getArticle(pool: Pool, id: string): Promise<Article | undefined> {
  const { rows } = await pool.query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id])
  return rows[0] && toArticle(rows[0])
}

export async function countArticles(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*) AS n FROM articles')
  return rows[0]?.n ?? 0
}

/** Articles newest issue first, optionally of one day and/or one paper (SQLite's order: NULL dates last). */
export async function listArticles(
  pool: Pool,
  opts: { date?: string; paper?: string; limit?: number; offset?: number } = {},
): Promise<ArticleSummary[]> {
  const { rows } = await pool.query<ArticleSummary & { guessed: boolean }>(
    `SELECT id, title, paper, issue_date AS date, byline, length(text) AS chars,
       (paper_inferred = 1 OR date_inferred = 1) AS guessed FROM articles
     WHERE ($1::text IS NULL OR issue_date = $1) AND ($2::text IS NULL OR paper = $2)
     ORDER BY issue_date DESC NULLS LAST, source_path COLLATE "C", source_order LIMIT $3 OFFSET $4`,
    [opts.date ?? null, opts.paper ?? null, opts.limit ?? 20, opts.offset ?? 0],
  )
  return rows.map(({ guessed, ...r }) => (guessed ? { ...r, inferred: true } : r))
}

/** Every article of one issue date, in page order (SQLite's: paper, source file, position; byte order like SQLite's). */
export async function listIssueArticles(pool: Pool, date: string): Promise<Article[]> {
  const { rows } = await pool.query<ArticleRow>(
    'SELECT * FROM articles WHERE issue_date = $1 ORDER BY paper COLLATE "C", source_path COLLATE "C", source_order',
    [date],
  )
  return rows.map(toArticle)
}

/** Issue dates newest first, only those after `after` when given. */
export async function listIssueDates(pool: Pool, opts: { after?: string | null; limit?: number } = {}): Promise<string[]> {
  const { rows } = await pool.query<{ issue_date: string }>(
    `SELECT DISTINCT issue_date FROM articles
     WHERE issue_date IS NOT NULL AND ($1::text IS NULL OR issue_date > $1)
     ORDER BY issue_date DESC LIMIT $2`,
    [opts.after ?? null, opts.limit ?? 1],
  )
  return rows.map((r) => r.issue_date)
}

/** The newest issue date in the store. */
export async function getNewestIssueDate(pool: Pool): Promise<string | null> {
  const { rows } = await pool.query<{ d: string | null }>('SELECT max(issue_date) AS d FROM articles')
  return rows[0]?.d ?? null
}

export async function getArticleByPk(pool: Pool, pk: number): Promise<Article | undefined> {
  const { rows } = await pool.query<ArticleRow>('SELECT * FROM articles WHERE pk = $1', [pk])
  return rows[0] && toArticle(rows[0])
}

/** SQLite's getStoreStats; the size is the database's on the server. */
export async function getStoreStats(pool: Pool): Promise<StoreStats> {
  const [totals, passages, sources, papers, size] = await Promise.all([
    pool.query<{ articles: number; firstDate: string | null; lastDate: string | null }>(
      'SELECT count(*) AS articles, min(issue_date) AS "firstDate", max(issue_date) AS "lastDate" FROM articles',
    ),
    pool.query<{ n: number }>('SELECT count(*) AS n FROM passages'),
    pool.query<{ n: number; last: string | null }>('SELECT count(*) AS n, max(ingested_at) AS last FROM sources'),
    pool.query<StoreStats['papers'][number]>(
      `SELECT paper, count(*) AS articles, min(issue_date) AS "firstDate", max(issue_date) AS "lastDate"
       FROM articles GROUP BY paper ORDER BY articles DESC, paper COLLATE "C"`,
    ),
    pool.query<{ bytes: number }>('SELECT pg_database_size(current_database()) AS bytes'),
  ])
  const t = totals.rows[0]!
  return {
    articles: t.articles,
    passages: passages.rows[0]!.n,
    sources: sources.rows[0]!.n,
    firstDate: t.firstDate,
    lastDate: t.lastDate,
    papers: papers.rows,
    lastIngestAt: sources.rows[0]!.last,
    dbBytes: size.rows[0]!.bytes,
  }
}
