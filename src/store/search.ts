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

// Headline tokens weigh 3× body tokens in BM25.
const statements = statementCache((db) => ({
  // Without filters the index alone ranks: joining every match to its article row would double the time.
  ranked: db.prepare<{ match: string; limit: number }, { pk: number; score: number }>(
    `SELECT rowid AS pk, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts
     WHERE articles_fts MATCH @match ORDER BY score LIMIT @limit`,
  ),
  meta: db.prepare<[string], Omit<ArticleMatch, 'score'>>(
    `SELECT pk, id, title, paper, issue_date AS date FROM articles WHERE pk IN (SELECT value FROM json_each(?))`,
  ),
  filtered: db.prepare<
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
  const match = toMatchExpression(phrases)
  if (!match) return []
  const excluded = new Set(filters.exclude ?? [])
  if (excluded.size === 0) return matchAll(db, match, filters, limit)
  return matchAll(db, match, filters, limit + excluded.size)
    .filter((m) => !excluded.has(m.id))
    .slice(0, limit)
}

function matchAll(db: Db, match: string, filters: SearchFilters, limit: number): ArticleMatch[] {
  const s = statements(db)
  if (filters.dateFrom || filters.dateTo || filters.paper) {
    return s.filtered.all({
      match,
      dateFrom: filters.dateFrom ?? null,
      dateTo: filters.dateTo ?? null,
      paper: filters.paper ?? null,
      limit,
    })
  }
  const ranked = s.ranked.all({ match, limit })
  const meta = new Map(s.meta.all(JSON.stringify(ranked.map((r) => r.pk))).map((m) => [m.pk, m]))
  return ranked.flatMap((r) => {
    const m = meta.get(r.pk)
    return m ? [{ ...m, score: r.score }] : []
  })
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
