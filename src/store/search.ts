import type { Statement } from 'better-sqlite3'
import { creditColumn } from './credit.js'
import { statementCache, type Db } from './db.js'

/**
 * Filters a search can carry: an issue-date range (inclusive, YYYY-MM-DD), a paper, and articles
 * to leave out by id (an evaluation asks a question without the articles that answer it).
 */
export interface SearchFilters {
  dateFrom?: string
  dateTo?: string
  paper?: string
  exclude?: string[]
}

/** An article matched by the lexical index; lower score is better (FTS5 bm25 is negative). */
export interface ArticleMatch {
  pk: number
  id: string
  title: string
  paper: string
  date: string | null
  score: number
}

/** What ranking reads of an article beyond its index entry. */
export interface ArticleText {
  pk: number
  title: string
  text: string
}

/** A stored passage of an article, as UTF-16 offsets into its text. */
export interface PassageSpan {
  articlePk: number
  start: number
  end: number
}

/** A matched article with its text and byline: the pool search reranks reads them, from one pass over the rows. */
export interface ArticleMatchText extends ArticleMatch {
  text: string
  byline: string | null
}

type MatchParams = { match: string; limit: number }
type FilteredParams = MatchParams & { dateFrom: string | null; dateTo: string | null; paper: string | null }

const MATCH_COLUMNS = 'a.pk, a.id, a.title, a.paper, a.issue_date AS date'

// Headline tokens weigh 3× body tokens in BM25. Without filters the index alone ranks and only the
// pool is joined to its article rows (joining every match would double the time); the pool comes
// out in the subquery's order, best first, ties as the index sorted them.
const rankedSql = (columns: string) =>
  `SELECT ${columns}, r.score FROM (
     SELECT rowid AS pk, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts
     WHERE articles_fts MATCH @match ORDER BY score LIMIT @limit
   ) r JOIN articles a ON a.pk = r.pk`
const filteredSql = (columns: string) =>
  `SELECT ${columns}, bm25(articles_fts, 3.0, 1.0) AS score
   FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
   WHERE articles_fts MATCH @match
     AND (@dateFrom IS NULL OR a.issue_date >= @dateFrom)
     AND (@dateTo IS NULL OR a.issue_date <= @dateTo)
     AND (@paper IS NULL OR a.paper = @paper)
   ORDER BY score LIMIT @limit`

const statements = statementCache((db) => ({
  ranked: db.prepare<MatchParams, ArticleMatch>(rankedSql(MATCH_COLUMNS)),
  rankedTexts: db.prepare<MatchParams, ArticleMatchText>(rankedSql(`${MATCH_COLUMNS}, a.text, ${creditColumn('a')}`)),
  filtered: db.prepare<FilteredParams, ArticleMatch>(filteredSql(MATCH_COLUMNS)),
  filteredTexts: db.prepare<FilteredParams, ArticleMatchText>(filteredSql(`${MATCH_COLUMNS}, a.text, ${creditColumn('a')}`)),
  passages: db.prepare<[string], PassageSpan>(
    `SELECT article_pk AS articlePk, start, end FROM passages
     WHERE article_pk IN (SELECT value FROM json_each(?)) ORDER BY article_pk, seq`,
  ),
  texts: db.prepare<[string], ArticleText>(
    'SELECT pk, title, text FROM articles WHERE pk IN (SELECT value FROM json_each(?))',
  ),
  newest: db.prepare<[], string | null>('SELECT max(issue_date) FROM articles').pluck(),
}))

/**
 * An FTS5 MATCH expression: an OR of quoted phrases. Every phrase is quoted (quotes doubled), so
 * nothing a user types (quotes, AND/OR/NOT, *, ^, :, parentheses) is read as FTS5 syntax. A phrase
 * given twice counts twice in BM25, which is how whole words weigh beside their bigrams.
 */
export function toMatchExpression(phrases: string[]): string {
  return phrases
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `"${p.replaceAll('"', '""')}"`)
    .join(' OR ')
}

/** Articles whose headline or body hold any of the phrases (space-joined index tokens), best first. */
export function matchArticles(db: Db, phrases: string[], filters: SearchFilters, limit: number): ArticleMatch[] {
  const s = statements(db)
  return matchWith(s.ranked, s.filtered, phrases, filters, limit)
}

/** matchArticles with each article's text. */
export function matchArticleTexts(db: Db, phrases: string[], filters: SearchFilters, limit: number): ArticleMatchText[] {
  const s = statements(db)
  return matchWith(s.rankedTexts, s.filteredTexts, phrases, filters, limit)
}

function matchWith<T extends ArticleMatch>(
  ranked: Statement<[MatchParams], T>,
  filtered: Statement<[FilteredParams], T>,
  phrases: string[],
  filters: SearchFilters,
  limit: number,
): T[] {
  const match = toMatchExpression(phrases)
  if (!match) return []
  const run = (n: number) =>
    filters.dateFrom || filters.dateTo || filters.paper
      ? filtered.all({ match, dateFrom: filters.dateFrom ?? null, dateTo: filters.dateTo ?? null, paper: filters.paper ?? null, limit: n })
      : ranked.all({ match, limit: n })
  const excluded = new Set(filters.exclude ?? [])
  if (excluded.size === 0) return run(limit)
  return run(limit + excluded.size)
    .filter((m) => !excluded.has(m.id))
    .slice(0, limit)
}

/** Headline and text of the given articles, by pk. */
export function getArticleTexts(db: Db, articlePks: number[]): Map<number, ArticleText> {
  if (articlePks.length === 0) return new Map()
  return new Map(statements(db).texts.all(JSON.stringify(articlePks)).map((r) => [r.pk, r]))
}

/** The stored passages of the given articles, in text order. */
export function getPassageSpans(db: Db, articlePks: number[]): PassageSpan[] {
  if (articlePks.length === 0) return []
  return statements(db).passages.all(JSON.stringify(articlePks))
}

/** The newest issue date in the store: "today" for questions such as 上周 or 今年6月. */
export function getNewestIssueDate(db: Db): string | null {
  return statements(db).newest.get() ?? null
}
