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

/** A passage matched by the lexical index, as UTF-16 offsets into its article's text. */
export interface PassageMatch {
  articlePk: number
  start: number
  end: number
  score: number
}

// Headline tokens weigh 3× body tokens in BM25.
const statements = statementCache((db) => ({
  articles: db.prepare<
    { match: string; dateFrom: string | null; dateTo: string | null; paper: string | null; limit: number },
    ArticleMatch
  >(
    `SELECT a.pk, a.id, a.title, a.paper, a.issue_date AS date, bm25(articles_fts, 3.0, 1.0) AS score
     FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
     WHERE articles_fts MATCH @match
       AND (@dateFrom IS NULL OR a.issue_date >= @dateFrom)
       AND (@dateTo IS NULL OR a.issue_date <= @dateTo)
       AND (@paper IS NULL OR a.paper = @paper)
     ORDER BY score LIMIT @limit`,
  ),
  passages: db.prepare<{ match: string; pks: string }, PassageMatch>(
    `SELECT p.article_pk AS articlePk, p.start, p.end, bm25(passages_fts) AS score
     FROM passages_fts JOIN passages p ON p.pk = passages_fts.rowid
     WHERE passages_fts MATCH @match AND p.article_pk IN (SELECT value FROM json_each(@pks))
     ORDER BY score`,
  ),
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

/** The passages of the given articles that match an FTS5 expression, best first. */
export function matchPassages(db: Db, match: string, articlePks: number[]): PassageMatch[] {
  if (articlePks.length === 0) return []
  return statements(db).passages.all({ match, pks: JSON.stringify(articlePks) })
}
