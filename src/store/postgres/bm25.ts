/**
 * BM25 exactly as SQLite's FTS5 computes `bm25(articles_fts, 3.0, 1.0)` (fts5_aux.c), so both stores
 * rank the same: per query phrase an IDF floored at 1e-6, a column-weighted phrase frequency, and
 * the article's length against the average; the sum is negated (lower is better, as FTS5 returns it).
 */
export const K1 = 1.2
export const B = 0.75
/** Headline hits weigh 3× body hits (src/store/search.ts). */
export const TITLE_HIT_WEIGHT = 3
const BODY_HIT_WEIGHT = 1

/** FTS5's IDF: log((N - n + 0.5) / (n + 0.5)), or 1e-6 when that is not positive. */
export function phraseIdf(docs: number, total: number): number {
  const idf = Math.log((total - docs + 0.5) / (docs + 0.5))
  return idf > 0 ? idf : 1e-6
}

export interface PhraseHits {
  title: number
  body: number
}

/** One article's score over the query phrases (same order as `idfs`). */
export function bm25Score(hits: PhraseHits[], idfs: number[], length: number, avgLength: number): number {
  let score = 0
  hits.forEach((h, i) => {
    const freq = TITLE_HIT_WEIGHT * h.title + BODY_HIT_WEIGHT * h.body
    score += idfs[i]! * ((freq * (K1 + 1)) / (freq + K1 * (1 - B + (B * length) / avgLength)))
  })
  return -score
}
