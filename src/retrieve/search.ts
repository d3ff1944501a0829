import {
  getArticleByPk,
  getNewestIssueDate,
  getPassageSpans,
  matchArticles,
  type ArticleMatch,
  type Db,
  type SearchFilters,
} from '../store/index.js'
import type { DateRange } from './dates.js'
import { buildMatchExpression } from './fts-query.js'
import { rankPassages } from './passages.js'
import { analyzeQuery, type QueryPlan } from './query.js'

export interface SearchOptions extends SearchFilters {
  /** How many articles to return (default 10, at most 100). */
  k?: number
}

/** One ranked article: its best passages (offsets into its text, best first) and a snippet. */
export interface SearchHit {
  id: string
  title: string
  paper: string
  date: string | null
  /** Higher is better. */
  score: number
  snippet: string
  text: string
  passages: { start: number; end: number }[]
}

// An article from the time or the district a question names moves up, but never past a much better match.
const DATE_BOOST = 1.25
const DISTRICT_BOOST = 1.2
// Boosts reorder a pool a little deeper than k.
const BOOST_POOL = 30

/**
 * Ranks articles for a free-text question: BM25 over headline (×3) and body bigrams plus whole-word
 * phrases, then boosts for the dates and districts the question names. User text only reaches
 * FTS5 as quoted phrases.
 */
export function searchArticles(db: Db, query: string, opts: SearchOptions = {}): SearchHit[] {
  const k = Math.min(Math.max(Math.trunc(opts.k ?? 10), 1), 100)
  const plan = analyzeQuery(query, getNewestIssueDate(db))
  const match = buildMatchExpression(plan.terms.map((t) => t.tokens))
  if (!match) return []
  const boosted = plan.dates.length > 0 || plan.districts.length > 0
  const pool = matchArticles(db, match, opts, boosted ? Math.max(k, BOOST_POOL) : k)
    .map((m) => ({ m, score: -m.score * boostFor(m, plan) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
  return toHits(db, pool, plan)
}

function boostFor(m: ArticleMatch, plan: QueryPlan): number {
  let boost = 1
  if (m.date && plan.dates.some((r: DateRange) => m.date! >= r.from && m.date! <= r.to)) boost *= DATE_BOOST
  if (plan.districts.some((d) => m.paper.includes(d) || m.title.includes(d))) boost *= DISTRICT_BOOST
  return boost
}

function toHits(db: Db, ranked: { m: ArticleMatch; score: number }[], plan: QueryPlan): SearchHit[] {
  const spans = getPassageSpans(db, ranked.map((r) => r.m.pk))
  return ranked.map(({ m, score }) => {
    const text = getArticleByPk(db, m.pk)?.text ?? ''
    const own = spans.filter((s) => s.articlePk === m.pk).map(({ start, end }) => ({ start, end }))
    const passages = rankPassages(text, own, plan.terms)
    const best = passages[0]!
    return { id: m.id, title: m.title, paper: m.paper, date: m.date, score, snippet: text.slice(best.start, best.end), text, passages }
  })
}
