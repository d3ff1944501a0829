import type { ArticleMatch, ArticleMatchText, ArticleText, PassageSpan, SearchFilters } from '../search.js'
import { B, bm25Score, K1, phraseIdf, TITLE_HIT_WEIGHT } from './bm25.js'
import { buildTsquery, countPhrase, parseHits } from './lexemes.js'
import { creditColumn } from '../credit.js'
import type { Pool } from './pool.js'

interface CandidateRow extends Omit<ArticleMatch, 'score'> {
  length: number
  /** The query's lexemes with their headline positions, and with their body positions, as tsvector text. */
  title_hits: string
  body_hits: string
}

/** The search filters on articles `a`, as parameters $n…$n+3: date from, date to, paper, excluded ids. */
function filtersFrom(n: number): string {
  return `($${n}::text IS NULL OR a.issue_date >= $${n})
    AND ($${n + 1}::text IS NULL OR a.issue_date <= $${n + 1})
    AND ($${n + 2}::text IS NULL OR a.paper = $${n + 2})
    AND NOT (a.id = ANY($${n + 3}::text[]))`
}

// Single tokens are ranked from their postings (migration 010) in one statement: FTS5's IDF from
// term_docs, BM25 as bm25.ts computes it summed per article in one aggregate, and only the best
// `limit` leave the server, with their texts. The articles table is joined before the cut only when
// a filter needs it.
const POSTINGS_SCORES = `
  WITH t AS (SELECT articles::float8 AS n, CASE WHEN articles > 0 THEN tokens::float8 / articles ELSE 1 END AS avg FROM index_totals),
  q AS (
    SELECT u.token, CASE WHEN x.idf > 0 THEN x.idf ELSE 1e-6 END AS idf
    FROM unnest($1::text[]) AS u (token) CROSS JOIN t LEFT JOIN term_docs d ON d.token = u.token
    CROSS JOIN LATERAL (SELECT ln((t.n - coalesce(d.docs, 0) + 0.5) / (coalesce(d.docs, 0) + 0.5)) AS idf) AS x),
  scored AS (
    SELECT e.pk, -sum(q.idf * (($2::float8 * e.t + e.b) * ($3::float8 + 1)) / (($2::float8 * e.t + e.b) + $3::float8 * (1 - $4::float8 + ($4::float8 * e.len) / t.avg))) AS score
    FROM t, q JOIN article_postings p ON p.token = q.token
    CROSS JOIN LATERAL unnest(p.pks, p.lens, p.title_n, p.body_n) AS e (pk, len, t, b)
    WHERE NOT EXISTS (SELECT 1 FROM postings_stale s WHERE s.pk = e.pk AND p.segment < s.valid_from)
    GROUP BY e.pk)`
const RANKED = `${POSTINGS_SCORES},
  best AS (SELECT pk, score FROM scored ORDER BY score, pk LIMIT $5)
  SELECT a.pk, a.id, a.title, a.paper, a.issue_date AS date, best.score, a.text, ${creditColumn('a')} FROM best JOIN articles a ON a.pk = best.pk ORDER BY best.score, best.pk`
const RANKED_FILTERED = `${POSTINGS_SCORES},
  best AS (SELECT a.pk, scored.score FROM scored JOIN articles a ON a.pk = scored.pk
    WHERE ${filtersFrom(6)} ORDER BY scored.score, scored.pk LIMIT $5)
  SELECT a.pk, a.id, a.title, a.paper, a.issue_date AS date, best.score, a.text, ${creditColumn('a')} FROM best JOIN articles a ON a.pk = best.pk ORDER BY best.score, best.pk`

// A phrase of several tokens needs positions. Its candidates are the articles holding its rarest
// token (from the postings, as live as above); each candidate's tsvector then checks the phrase, and
// for ranking only the query's lexemes are cut out of it in C (setweight marks them, ts_filter keeps
// the marked, once per column): unnesting the whole vector instead cost six times as long.
const PHRASE_CANDIDATES = `
  WITH phrase_tokens AS (
    SELECT ph.k, tok.token FROM unnest($1::text[]) WITH ORDINALITY AS ph (phrase, k), unnest(string_to_array(ph.phrase, ' ')) AS tok (token)),
  rarest AS (
    SELECT DISTINCT ON (pt.k) pt.token FROM phrase_tokens pt LEFT JOIN term_docs d ON d.token = pt.token ORDER BY pt.k, coalesce(d.docs, 0), pt.token),
  candidates AS (
    SELECT DISTINCT e.pk FROM rarest r JOIN article_postings p ON p.token = r.token
    CROSS JOIN LATERAL unnest(p.pks) AS e (pk)
    WHERE NOT EXISTS (SELECT 1 FROM postings_stale s WHERE s.pk = e.pk AND p.segment < s.valid_from))`
const CANDIDATES = `${PHRASE_CANDIDATES}
  SELECT a.pk, a.id, a.title, a.paper, a.issue_date AS date, i.tokens AS length,
    ts_filter(setweight(ts_filter(i.tsv, '{a}'), 'b', $3::text[]), '{b}')::text AS title_hits,
    ts_filter(setweight(ts_filter(i.tsv, '{d}'), 'b', $3::text[]), '{b}')::text AS body_hits
  FROM candidates c JOIN article_index i ON i.article_pk = c.pk JOIN articles a ON a.pk = i.article_pk
  WHERE i.tsv @@ $2::tsquery AND ${filtersFrom(4)}`
const PHRASE_COUNT = `${PHRASE_CANDIDATES}
  SELECT count(*)::int AS n, (SELECT generation FROM index_totals) AS generation
  FROM candidates c JOIN article_index i ON i.article_pk = c.pk WHERE i.tsv @@ $2::tsquery`

/** Articles matching any phrase, best first, scored as FTS5's bm25 (see bm25.ts). */
export async function matchArticles(pool: Pool, phrases: string[], filters: SearchFilters, limit: number): Promise<ArticleMatch[]> {
  return (await matchArticleTexts(pool, phrases, filters, limit)).map(({ text: _text, byline: _byline, ...m }) => m)
}

/** matchArticles with each article's text and byline (those of only the `limit` best are read). */
export async function matchArticleTexts(pool: Pool, phrases: string[], filters: SearchFilters, limit: number): Promise<ArticleMatchText[]> {
  const query = phrases.map((p) => p.trim()).filter(Boolean)
  if (!buildTsquery(query)) return []
  const filterParams = [filters.dateFrom ?? null, filters.dateTo ?? null, filters.paper ?? null, filters.exclude ?? []]
  if (query.every((p) => !p.includes(' '))) {
    const filtered = filterParams.some((f) => (Array.isArray(f) ? f.length > 0 : f !== null))
    const params = [query, TITLE_HIT_WEIGHT, K1, B, limit]
    return (await pool.query<ArticleMatchText>(filtered ? RANKED_FILTERED : RANKED, filtered ? [...params, ...filterParams] : params)).rows
  }
  const counts = await getTermDocCounts(pool, query)
  const avgLength = counts.total > 0 ? counts.tokens / counts.total : 1
  const idfs = query.map((p) => phraseIdf(counts.docs.get(p) ?? 0, counts.total))
  const lexemes = [...new Set(query.flatMap((p) => p.split(' ')))]
  const { rows } = await pool.query<CandidateRow>(CANDIDATES, [query, buildTsquery(query), lexemes, ...filterParams])
  const matches = rows
    .map(({ length, title_hits, body_hits, ...m }) => {
      const hits = parseHits(title_hits, body_hits)
      return { ...m, score: bm25Score(query.map((p) => countPhrase(p, hits)), idfs, length, avgLength) }
    })
    .sort((a, b) => a.score - b.score || a.pk - b.pk)
    .slice(0, limit)
  const texts = await pool.query<{ pk: number; text: string; byline: string | null }>(`SELECT pk, text, ${creditColumn('articles')} FROM articles WHERE pk = ANY($1::int[])`, [
    matches.map((m) => m.pk),
  ])
  const byPk = new Map(texts.rows.map((r) => [r.pk, r]))
  return matches.map((m) => ({ ...m, text: byPk.get(m.pk)?.text ?? '', byline: byPk.get(m.pk)?.byline ?? null }))
}

/**
 * How many articles contain each token (from term_docs) or each phrase of tokens (counted through
 * the postings and the tsvectors, or kept from an earlier count of the same index generation: see
 * migration 010), with the article count and total length: the inputs of an IDF and of BM25.
 */
export async function getTermDocCounts(
  pool: Pool,
  phrases: Iterable<string>,
): Promise<{ total: number; tokens: number; docs: Map<string, number> }> {
  const all = [...new Set(phrases)]
  const single = all.filter((p) => !p.includes(' '))
  const multi = all.filter((p) => p.includes(' '))
  const [totals, singles] = await Promise.all([
    pool.query<{ articles: number; tokens: number; kept: Record<string, number> }>(
      `SELECT t.articles, t.tokens, (SELECT coalesce(json_object_agg(phrase, docs), '{}') FROM phrase_docs
         WHERE phrase = ANY($1::text[]) AND generation = t.generation) AS kept
       FROM index_totals t`,
      [multi],
    ),
    pool.query<{ token: string; docs: number }>('SELECT token, docs FROM term_docs WHERE token = ANY($1::text[])', [single]),
  ])
  const t = totals.rows[0]
  const docs = new Map(all.map((p) => [p, 0]))
  for (const r of singles.rows) docs.set(r.token, r.docs)
  const kept = t?.kept ?? {}
  const missing = multi.filter((p) => kept[p] === undefined)
  for (const p of multi) if (kept[p] !== undefined) docs.set(p, kept[p])
  const counted = await Promise.all(
    missing.map(async (p) => {
      const { rows } = await pool.query<{ n: number; generation: number }>(PHRASE_COUNT, [[p], buildTsquery([p])])
      docs.set(p, rows[0]!.n)
      return { phrase: p, ...rows[0]! }
    }),
  )
  if (counted.length) await keepPhraseCounts(pool, counted)
  return { total: t?.articles ?? 0, tokens: t?.tokens ?? 0, docs }
}

/**
 * Keeps phrase counts for later questions. A count is only a shortcut, so a server that refuses the
 * write (a read-only standby) costs the next question a recount, not this one its answer.
 */
async function keepPhraseCounts(pool: Pool, counts: { phrase: string; n: number; generation: number }[]): Promise<void> {
  await pool
    .query(
      `INSERT INTO phrase_docs (phrase, docs, generation) SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[])
       ON CONFLICT (phrase) DO UPDATE SET docs = excluded.docs, generation = excluded.generation
       WHERE phrase_docs.generation < excluded.generation`,
      [counts.map((c) => c.phrase), counts.map((c) => c.n), counts.map((c) => c.generation)],
    )
    .catch(() => {})
}

/** Headline and text of the given articles, by pk. */
export async function getArticleTexts(pool: Pool, articlePks: number[]): Promise<Map<number, ArticleText>> {
  if (articlePks.length === 0) return new Map()
  const { rows } = await pool.query<ArticleText>('SELECT pk, title, text FROM articles WHERE pk = ANY($1::int[])', [articlePks])
  return new Map(rows.map((r) => [r.pk, r]))
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
