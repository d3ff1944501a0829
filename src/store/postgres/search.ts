import type { ArticleMatch, ArticleMatchText, ArticleText, PassageSpan, SearchFilters } from '../search.js'
import { bm25Score, phraseIdf } from './bm25.js'
import { buildTsquery, countPhrase, parseHits } from './lexemes.js'
import type { Pool } from './pool.js'

interface CandidateRow extends Omit<ArticleMatch, 'score'> {
  length: number
  /** The query's lexemes with their headline positions, and with their body positions, as tsvector text. */
  title_hits: string
  body_hits: string
}

// The GIN index finds the candidates. For each, the query's lexemes are cut out of its tsvector in C
// (setweight marks them, ts_filter keeps the marked, once per column): unnesting the whole vector
// instead cost six times as long.
const CANDIDATES = `
  SELECT a.pk, a.id, a.title, a.paper, a.issue_date AS date, i.tokens AS length,
    ts_filter(setweight(ts_filter(i.tsv, '{a}'), 'b', $2::text[]), '{b}')::text AS title_hits,
    ts_filter(setweight(ts_filter(i.tsv, '{d}'), 'b', $2::text[]), '{b}')::text AS body_hits
  FROM article_index i JOIN articles a ON a.pk = i.article_pk
  WHERE i.tsv @@ $1::tsquery
    AND ($3::text IS NULL OR a.issue_date >= $3)
    AND ($4::text IS NULL OR a.issue_date <= $4)
    AND ($5::text IS NULL OR a.paper = $5)
    AND NOT (a.id = ANY($6::text[]))`

/** Articles matching any phrase, best first, scored as FTS5's bm25 (see bm25.ts). */
export async function matchArticles(pool: Pool, phrases: string[], filters: SearchFilters, limit: number): Promise<ArticleMatch[]> {
  const query = phrases.map((p) => p.trim()).filter(Boolean)
  const tsquery = buildTsquery(query)
  if (!tsquery) return []
  const lexemes = [...new Set(query.flatMap((p) => p.split(' ')))]
  const [{ rows }, counts] = await Promise.all([
    pool.query<CandidateRow>(CANDIDATES, [
      tsquery, lexemes, filters.dateFrom ?? null, filters.dateTo ?? null, filters.paper ?? null, filters.exclude ?? [],
    ]),
    getTermDocCounts(pool, query),
  ])
  const avgLength = counts.total > 0 ? counts.tokens / counts.total : 1
  const idfs = query.map((p) => phraseIdf(counts.docs.get(p) ?? 0, counts.total))
  return rows
    .map(({ length, title_hits, body_hits, ...m }) => {
      const hits = parseHits(title_hits, body_hits)
      return { ...m, score: bm25Score(query.map((p) => countPhrase(p, hits)), idfs, length, avgLength) }
    })
    .sort((a, b) => a.score - b.score || a.pk - b.pk)
    .slice(0, limit)
}

/**
 * How many articles contain each token (from term_docs) or each phrase of tokens (counted through
 * the GIN index), with the article count and total length: the inputs of an IDF and of BM25.
 */
export async function getTermDocCounts(
  pool: Pool,
  phrases: Iterable<string>,
): Promise<{ total: number; tokens: number; docs: Map<string, number> }> {
  const all = [...new Set(phrases)]
  const single = all.filter((p) => !p.includes(' '))
  const multi = all.filter((p) => p.includes(' '))
  const [totals, singles, ...multis] = await Promise.all([
    pool.query<{ articles: number; tokens: number }>('SELECT articles, tokens FROM index_totals'),
    pool.query<{ token: string; docs: number }>('SELECT token, docs FROM term_docs WHERE token = ANY($1::text[])', [single]),
    ...multi.map((p) => pool.query<{ n: number }>('SELECT count(*) AS n FROM article_index WHERE tsv @@ $1::tsquery', [buildTsquery([p])])),
  ])
  const docs = new Map(all.map((p) => [p, 0]))
  for (const r of singles.rows) docs.set(r.token, r.docs)
  multi.forEach((p, i) => docs.set(p, multis[i]!.rows[0]?.n ?? 0))
  const t = totals.rows[0]
  return { total: t?.articles ?? 0, tokens: t?.tokens ?? 0, docs }
}

/** Headline and text of the given articles, by pk. */
export async function getArticleTexts(pool: Pool, articlePks: number[]): Promise<Map<number, ArticleText>> {
  if (articlePks.length === 0) return new Map()
  const { rows } = await pool.query<ArticleText>('SELECT pk, title, text FROM articles WHERE pk = ANY($1::int[])', [articlePks])
  return new Map(rows.map((r) => [r.pk, r]))
}

/**
 * matchArticles with each article's text. BM25 is computed in Node over all candidates, so the
 * texts of only the `limit` best are read, in a second query.
 */
export async function matchArticleTexts(pool: Pool, phrases: string[], filters: SearchFilters, limit: number): Promise<ArticleMatchText[]> {
  const matches = await matchArticles(pool, phrases, filters, limit)
  if (matches.length === 0) return []
  const { rows } = await pool.query<{ pk: number; text: string }>('SELECT pk, text FROM articles WHERE pk = ANY($1::int[])', [matches.map((m) => m.pk)])
  const texts = new Map(rows.map((r) => [r.pk, r.text]))
  return matches.map((m) => ({ ...m, text: texts.get(m.pk) ?? '' }))
}

/** The stored passages of the given articles, in text order (as SQLite returns them: by article pk, then seq). */
export async function getPassageSpans(pool: Pool, articlePks: number[]): Promise<PassageSpan[]> {
  if (articlePks.length === 0) return []
  const { rows } = await pool.query<PassageSpan>(
    'SELECT article_pk AS "articlePk", start, "end" FROM passages WHERE article_pk = ANY($1::int[]) ORDER BY article_pk, seq',
    [articlePks],
  )
  return rows
}

/** How many articles each of the given names was learned from (names never seen are left out). */
export async function getLearnedNameCounts(pool: Pool, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map()
  const { rows } = await pool.query<{ name: string; articles: number }>('SELECT name, articles FROM learned_names WHERE name = ANY($1::text[])', [names])
  return new Map(rows.map((r) => [r.name, r.articles]))
}
