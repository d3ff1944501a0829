import { statementCache, type Db } from './db.js'

/** Filters a search can carry: an issue-date range (inclusive, YYYY-MM-DD) and a paper. */
export interface SearchFilters {
  dateFrom?: string
  dateTo?: string
  paper?: string
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

/** A stored passage of an article, as UTF-16 offsets into its text. */
export interface PassageSpan {
  articlePk: number
  start: number
  end: number
}

// Headline tokens weigh 3× body tokens in BM25.
const statements = statementCache((db) => ({
  articles: db.prepare<
    { match: string; dateFrom: string | null; dateTo: string | null; paper: string | null; limit: number },
    ArticleMatch
  >(
    `SELECT a.pk, a.id, a.title, a.paper, a.issue_date AS date, m.score
     FROM (SELECT rowid, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts
           WHERE articles_fts MATCH @match ORDER BY score) m
     JOIN articles a ON a.pk = m.rowid
     WHERE (@dateFrom IS NULL OR a.issue_date >= @dateFrom)
       AND (@dateTo IS NULL OR a.issue_date <= @dateTo)
       AND (@paper IS NULL OR a.paper = @paper)
     ORDER BY m.score LIMIT @limit`,
  ),
  passages: db.prepare<[string], PassageSpan>(
    `SELECT article_pk AS articlePk, start, end FROM passages
     WHERE article_pk IN (SELECT value FROM json_each(?)) ORDER BY article_pk, seq`,
  ),
  count: db.prepare<[string], number>('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck(),
  newest: db.prepare<[], string | null>('SELECT max(issue_date) FROM articles').pluck(),
}))

/** Articles whose headline or body match an FTS5 expression, best first. */
export function matchArticles(db: Db, match: string, filters: SearchFilters, limit: number): ArticleMatch[] {
  return statements(db).articles.all({
    match,
    dateFrom: filters.dateFrom ?? null,
    dateTo: filters.dateTo ?? null,
    paper: filters.paper ?? null,
    limit,
  })
}

/** How many articles match an FTS5 expression (a document frequency when it is one phrase). */
export function countMatchingArticles(db: Db, match: string): number {
  return statements(db).count.get(match) ?? 0
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
