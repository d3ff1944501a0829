import type { ArticleMatch, ArticleMatchText, PassageSpan, SearchFilters, Store } from '../store/index.js'
import { demoteCopies, isNearCopy } from './copies.js'
import { rankPassages, type Span, type WeightedTerm } from './passages.js'
import { learnedNameCandidates, pickLearnedNames } from './names.js'
import { foldedSlices, isTwoCommonWords, phraseTokens, type FoldedSlices } from './tokenize.js'
import { guessesAsked } from './guesses.js'
import { analyzeQuery, readQuestionText, type QueryPlan, type QuestionWord } from './query.js'
import { dropCoveredBigrams, idf, scoreBestPassages, scoreCommonTerms, splitCommonTerms, weighTerms } from './rank.js'

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
  /** Higher is better; a near-copy listed after the distinct hits keeps its own score. */
  score: number
  snippet: string
  text: string
  /** The article's byline as printed (记者 鲁慧 通讯员 李勇奇), else its dateline when that credits the reporter (本报讯（记者付凯明）); null when neither does. */
  byline: string | null
  passages: { start: number; end: number }[]
}

// An article from the time or the district a question names moves up, but never past a much better match.
const DATE_BOOST = 1.25
const DISTRICT_BOOST = 1.2
// The index's BM25 picks a pool; common terms, passage evidence and boosts reorder it.
const RERANK_POOL = 60
// Weight of the best passage's evidence beside the article's BM25 (tuned on the CRUD questions).
const PASSAGE_WEIGHT = 1.5

/** A content word of the question with how many articles hold it (any spelling) and its IDF. */
export interface WeightedWord extends QuestionWord {
  docs: number
  weight: number
}

/**
 * What ranking reads from a store, the same on SQLite and PostgreSQL (see Store). Only these reads
 * wait on the database; everything between them is computed here.
 */
export type SearchReader = Pick<
  Store,
  'getArticle' | 'getNewestIssueDate' | 'getTermDocCounts' | 'getLearnedNameCounts' | 'matchArticleTexts' | 'getPassageSpans'
>

/**
 * The question as this store reads it: its learned names, its newest issue (for 上周), and each
 * word's weight from the store's document counts; with the counts of every term, for ranking.
 */
export async function readQuestion(store: SearchReader, question: string): Promise<{ query: AnalyzedQuery; docs: Map<string, number> }> {
  const today = await store.getNewestIssueDate()
  const read = await readOnce(store, question, today)
  // A reader's own version of a fact (是跟郑州大学对接的吧, 20个党员分成4组吧) is asked instead, and the question read again.
  const asked = guessesAsked(read.query.text, read.query.words)
  return asked === read.query.text ? read : readOnce(store, asked, today)
}

async function readOnce(store: SearchReader, question: string, today: string | null): Promise<{ query: AnalyzedQuery; docs: Map<string, number> }> {
  // The names analyzeQuery may ask about are counted first, in one read.
  const counts = await store.getLearnedNameCounts(learnedNameCandidates(readQuestionText(question, today).text))
  const plan = analyzeQuery(question, today, undefined, (text) => pickLearnedNames(text, () => counts))
  // Whole words are counted as phrases: 中国电信 is far rarer than its rarest bigram 电信.
  const counted = plan.terms.flatMap((t) => (t.kind === 'word' ? [t.tokens] : t.tokens.split(' ')))
  const wordForms = plan.words.flatMap((w) => [w.text, ...w.synonyms]).map((f) => phraseTokens(f).join(' '))
  const { total, docs } = await store.getTermDocCounts(new Set([...counted, ...wordForms]))
  return { query: { ...plan, words: weighWords(plan.words, docs, total), total }, docs }
}

/** The question as search read it, handed on with the hits so answers do not read it again. */
export interface AnalyzedQuery extends Omit<QueryPlan, 'words'> {
  words: WeightedWord[]
  /** Articles in the store, the N of the IDFs. */
  total: number
}

/** Ranked hits and the analysed question. */
export interface SearchResult {
  hits: SearchHit[]
  query: AnalyzedQuery
}

/** How many hits a search returns: `k` as a whole number from 1 to 100, 10 when not given. */
export function clampK(k: number | undefined): number {
  return k !== undefined && Number.isFinite(k) ? Math.min(Math.max(Math.trunc(k), 1), 100) : 10
}

/**
 * Ranks articles for a free-text question. The index's BM25 (headline ×3) over the rarer bigrams
 * and synonyms picks a pool; common bigrams, whole words and the best passage's evidence are then
 * scored from the pool's text, and the dates and districts the question names boost. A near-copy
 * of a better hit comes after the distinct ones. User text only reaches FTS5 as quoted phrases.
 */
export async function searchQuestion(store: SearchReader, question: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const k = clampK(opts.k)
  const { query, docs } = await readQuestion(store, question)
  const { total } = query
  if (query.terms.length === 0) return { hits: [], query }
  const { match, common } = splitCommonTerms(query.terms, docs, total)
  const matched = await store.matchArticleTexts(match.map((t) => t.tokens), opts, Math.max(k, RERANK_POOL))
  const pool = await withoutCopiesOf(store, opts.exclude, matched)
  const spans = groupSpans(await store.getPassageSpans(pool.map((m) => m.pk)))
  // Each candidate's text is folded once here, for the common terms, the passages and the snippet alike.
  const articles = pool.map((m) => ({ pk: m.pk, title: m.title, text: m.text, spans: spans.get(m.pk) ?? [], fold: foldedSlices(m.text) }))
  const extra = scoreCommonTerms(common, articles, docs, total)
  const evidence = scoreBestPassages(weighTerms(query.terms, docs, total), articles)
  const snippetTerms = weighTerms(dropCoveredBigrams(query.terms), docs, total)
  const ranked = pool
    .map((m, i) => {
      const score = (-m.score + (extra.get(m.pk) ?? 0) + PASSAGE_WEIGHT * (evidence.get(m.pk) ?? 0)) * boostFor(m, query)
      return { m, article: articles[i]!, score }
    })
    .sort((a, b) => b.score - a.score)
  const hits = demoteCopies(ranked, k, (r) => r.article.text).map(({ m, article, score }) => toHit(m, article, score, snippetTerms))
  return { hits, query }
}

/**
 * The question's words with their document counts (a word counts as often as its commonest
 * spelling) and IDF. A single character says little on its own: it weighs as a word in half the articles.
 */
function weighWords(words: QuestionWord[], docs: Map<string, number>, total: number): WeightedWord[] {
  return words.map((w) => {
    const n = [...w.text].length < 2 ? total / 2 : Math.max(...[w.text, ...w.synonyms].map((f) => docs.get(phraseTokens(f).join(' ')) ?? 0))
    return { ...w, docs: n, weight: idf(n, total), ...(n === 0 && isTwoCommonWords(w.text) ? { name: false } : {}) }
  })
}

/** The pool without near-copies of the excluded articles (their reprints answer the same question). */
async function withoutCopiesOf(store: SearchReader, exclude: string[] | undefined, pool: ArticleMatchText[]): Promise<ArticleMatchText[]> {
  if (!exclude?.length) return pool
  const excluded = (await Promise.all(exclude.map((id) => store.getArticle(id)))).flatMap((a) => a?.text ?? [])
  if (excluded.length === 0) return pool
  return pool.filter((m) => !excluded.some((e) => isNearCopy(e, m.text)))
}

function boostFor(m: ArticleMatch, plan: QueryPlan): number {
  let boost = 1
  if (m.date && plan.dates.some((r) => m.date! >= r.from && m.date! <= r.to)) boost *= DATE_BOOST
  if (plan.districts.some((d) => m.paper.includes(d) || m.title.includes(d))) boost *= DISTRICT_BOOST
  return boost
}

function groupSpans(spans: PassageSpan[]): Map<number, Span[]> {
  const by = new Map<number, Span[]>()
  for (const { articlePk, start, end } of spans) {
    const list = by.get(articlePk) ?? []
    list.push({ start, end })
    by.set(articlePk, list)
  }
  return by
}

function toHit(m: ArticleMatchText, { text, spans, fold }: { text: string; spans: Span[]; fold: FoldedSlices }, score: number, terms: WeightedTerm[]): SearchHit {
  const passages = rankPassages(text, spans, terms, fold)
  const best = passages[0]!
  return { id: m.id, title: m.title, paper: m.paper, date: m.date, score, snippet: text.slice(best.start, best.end), text, byline: m.byline, passages }
}
