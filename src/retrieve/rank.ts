import type { ArticleText } from '../store/index.js'
import { scorePassage, type Span, type WeightedTerm } from './passages.js'
import type { QueryTerm } from './query.js'
import { foldedSlices, foldText, type FoldedSlices } from './tokenize.js'

// A term in more than this share of articles is scored after the index lookup instead of in it:
// FTS5 would compute BM25 for every article holding it, which is most of the search time.
const COMMON_SHARE = 0.02
// Below this many articles nothing is common enough to be worth it.
const COMMON_MIN_DOCS = 500
// The index is always asked for at least this many terms, the rarest first.
const MIN_MATCH_TERMS = 3

// FTS5's BM25 constants and headline weight, so scores added here are on the index's scale.
const K1 = 1.2
const B = 0.75
const TITLE_WEIGHT = 3

/** A term's document count: its own when known, else its rarest token's (an upper bound). */
export function termDocCount(term: QueryTerm, docs: Map<string, number>): number {
  return docs.get(term.tokens) ?? Math.min(...term.tokens.split(' ').map((t) => docs.get(t) ?? 0))
}

/**
 * Splits terms into those the index is asked for and those scored afterwards from the candidates'
 * text: common bigrams, and whole words (their bigrams already bring their articles in, and phrase
 * matching is the index's slowest work). Synonyms always go to the index: nothing else finds them.
 */
export function splitCommonTerms(terms: QueryTerm[], docs: Map<string, number>, total: number) {
  const limit = Math.max(total * COMMON_SHARE, COMMON_MIN_DOCS)
  const byRarity = terms.filter((t) => t.kind !== 'word').sort((a, b) => termDocCount(a, docs) - termDocCount(b, docs))
  const match = byRarity.filter((t, i) => i < MIN_MATCH_TERMS || t.kind === 'synonym' || termDocCount(t, docs) <= limit)
  const common = terms.filter((t) => !match.includes(t))
  return { match, common }
}

/** FTS5's IDF: ln((N - n + 0.5) / (n + 0.5)), floored just above zero as FTS5 does. */
export function idf(docCount: number, total: number): number {
  const v = Math.log((total - docCount + 0.5) / (docCount + 0.5))
  return v > 0 ? v : 1e-6
}

function countOccurrences(haystack: string, needle: string): number {
  let n = 0
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++
  return n
}

/**
 * The BM25 share of the common terms for each candidate article, read from its text (headline ×3),
 * with the candidates' mean length standing in for the corpus's.
 */
export function scoreCommonTerms(
  common: QueryTerm[],
  articles: (ArticleText & { fold?: FoldedSlices })[],
  docs: Map<string, number>,
  total: number,
): Map<number, number> {
  const scores = new Map<number, number>()
  if (common.length === 0 || articles.length === 0) return scores
  const folded = articles.map((a) => ({ pk: a.pk, title: foldText(a.title), text: (a.fold ?? foldedSlices(a.text))(0, a.text.length) }))
  const avg = folded.reduce((s, a) => s + a.title.length + a.text.length, 0) / folded.length || 1
  const weights = common.map((t) => idf(termDocCount(t, docs), total))
  for (const a of folded) {
    const norm = K1 * (1 - B + (B * (a.title.length + a.text.length)) / avg)
    let score = 0
    common.forEach((t, i) => {
      const tf = TITLE_WEIGHT * countOccurrences(a.title, t.text) + countOccurrences(a.text, t.text)
      if (tf > 0) score += (weights[i]! * tf * (K1 + 1)) / (tf + norm)
    })
    scores.set(a.pk, score)
  }
  return scores
}

/** The question's terms weighted by IDF, for passage scoring. */
export function weighTerms(terms: QueryTerm[], docs: Map<string, number>, total: number): WeightedTerm[] {
  return terms.map((t) => ({ text: t.text, weight: idf(termDocCount(t, docs), total) }))
}

/**
 * The terms without the bigrams inside one of the question's words or synonyms, so a name found
 * whole counts once: for choosing the snippet, where a district named in every passage must not
 * outweigh the one rare word. (Ranking keeps the bigrams: they measured better there.)
 */
export function dropCoveredBigrams(terms: QueryTerm[]): QueryTerm[] {
  const phrases = terms.filter((t) => t.kind !== 'bigram').map((t) => t.text)
  return terms.filter((t) => t.kind !== 'bigram' || !phrases.some((p) => p.includes(t.text)))
}

/**
 * The best passage's evidence for each candidate: the summed IDF of the distinct terms one passage
 * holds. Questions are usually written from one passage, so terms found together count extra.
 */
export function scoreBestPassages(
  terms: WeightedTerm[],
  articles: { pk: number; text: string; spans: Span[]; fold?: FoldedSlices }[],
): Map<number, number> {
  const scores = new Map<number, number>()
  for (const a of articles) {
    const fold = a.fold ?? foldedSlices(a.text)
    scores.set(a.pk, Math.max(0, ...a.spans.map((span) => scorePassage(fold, span, terms))))
  }
  return scores
}
