import { splitSentences, type Span } from '../ingest/index.js'
import { foldText, type AnalyzedQuery, type QuestionType, type WeightedWord } from '../retrieve/index.js'
import { hasFactFor, indicesOf } from './facts.js'

/** A retrieved article offered to the answerer, best first. */
export interface Candidate {
  id: string
  title: string
  paper: string
  date: string | null
  text: string
  /** The search's score (higher is better), compared only within one question's candidates. */
  score: number
  /** The byline as printed (记者 鲁慧 通讯员 黄帅), when the search gives it. */
  byline?: string | null
}

/** What one question (or one part of a multi-part question) asks: its words and the kind of fact. */
export interface Asked {
  /** The question (or the part) as typed: where its words sit. */
  text: string
  words: WeightedWord[]
  /** Content bigrams of the question, folded. */
  bigrams: string[]
  type: QuestionType
  unit?: string
}

/** A sentence, or a window of clauses of a long one, that may answer the question. */
export interface Evidence {
  /** Index of the candidate it comes from. */
  candidate: number
  span: Span
  /** Weighted share of the question's words it holds. */
  coverage: number
  hasFact: boolean
  /** The features the evidence model reads, in FEATURE_NAMES order. */
  features: number[]
}

/** The features of a piece of evidence; the fitted weights in data/answer-model.json follow this order. */
export const FEATURE_NAMES = [
  'coverage',
  'coverageInContext',
  'bigramShare',
  'hasFact',
  'typedWithoutFact',
  'proximity',
  'position',
  'lead',
  'rankReciprocal',
  'relativeScore',
  'headlineCoverage',
  'length',
  'listMarks',
  'coverageSquared',
  'localCoverage',
  'focusFound',
] as const

/** The candidates whose sentences may be quoted. */
export const CANDIDATES_READ = 5
const MAX_UNIT_CHARS = 120
const MIN_UNIT_CHARS = 6
// Text addressed to a model, not to readers (a planted prompt injection): never quoted as an answer.
const INSTRUCTION = /(忽略|无视|忘记|不要理会)(以上|之前|前面|上面|上文|上述|所有|先前)的?(所有)?(指令|指示|提示|规则|要求|内容|设定)|ignore (all )?(previous|above|prior) instructions|system prompt|你现在是/i

// A question the article asks (为何有这样大的干劲？) or words that introduce what follows (负责人说：)
// answer nothing on their own.
const LEADS_ELSEWHERE = /[？?：:]\s*$/

/** True for text addressed to a model rather than to readers: never quoted, never shown to the model. */
export function isInstruction(text: string): boolean {
  return INSTRUCTION.test(text)
}

/** What the whole question asks, from the search's analysis. */
export function askedOf(query: AnalyzedQuery): Asked {
  return { text: query.text, words: query.words, bigrams: contentBigrams(query), type: query.type, unit: query.unit }
}

/** The question's bigram terms (the rarest ones ranking used), folded. */
function contentBigrams(query: AnalyzedQuery): string[] {
  return query.terms.filter((t) => t.kind === 'bigram').map((t) => t.text)
}

/** True when a folded text holds the word or one of its other spellings. */
export function mentions(folded: string, w: WeightedWord): boolean {
  return folded.includes(w.text) || w.synonyms.some((s) => folded.includes(s))
}

/**
 * Every sentence of the top candidates (long ones as windows of clauses) with its features.
 * Words no article holds are left out of the shares: they cannot be found in any sentence, and
 * whether the question is answered at all is for the abstention model to judge.
 */
export function collectEvidence(asked: Asked, candidates: Candidate[], read = CANDIDATES_READ): Evidence[] {
  const words = floorWeights(asked.words.filter((w) => w.docs > 0))
  const total = words.reduce((s, w) => s + w.weight, 0)
  // A single character is counted as found in half the articles, not looked up: alone it is no evidence.
  if (total <= 0 || !words.some((w) => [...w.text].length > 1)) return []
  const units = readUnits(candidates.slice(0, read), ASKS_SAID.test(asked.text))
  const local = localWeights(words, units)
  const localTotal = local.reduce((s, x) => s + x, 0)
  const focus = focusOf(asked.text, words.filter((w) => [...w.text].length > 1))
  const top = Math.max(candidates[0]?.score ?? 0, 1e-9)
  return units.map((u) => {
    const c = candidates[u.rank]!
    const found = words.map((w) => mentions(u.text, w))
    const coverage = share(words, total, (_, i) => found[i]!)
    const context = share(words, total, (w, i) => found[i]! || mentions(u.title, w)) + share(words, total, (w, i) => !found[i] && !mentions(u.title, w) && mentions(u.previous, w)) / 2
    const hasFact = hasFactFor(asked.type, u.raw, asked.unit)
    const features = [
      coverage,
      Math.min(1, context),
      asked.bigrams.length ? asked.bigrams.filter((b) => u.text.includes(b)).length / asked.bigrams.length : 0,
      hasFact ? 1 : 0,
      asked.type !== 'general' && !hasFact ? 1 : 0,
      proximity(u.text, words),
      u.sentences > 1 ? u.index / (u.sentences - 1) : 0,
      u.index === 0 ? 1 : 0,
      1 / (1 + u.rank),
      Math.max(0, c.score) / top,
      share(words, total, (w) => mentions(u.title, w)),
      Math.min(u.raw.length, 200) / 200,
      asked.type === 'list' ? Math.min((u.raw.match(/[、；;]/g) ?? []).length, 5) / 5 : 0,
      coverage * coverage,
      localTotal > 0 ? local.reduce((s, x, i) => s + (found[i] ? x : 0), 0) / localTotal : 0,
      focus && mentions(u.text, focus) ? 1 : 0,
    ]
    return { candidate: u.rank, span: u.span, coverage, hasFact, features }
  })
}

/** A unit of evidence before it is scored: where it is, its text raw and folded, and what precedes it. */
interface Unit {
  rank: number
  span: Span
  raw: string
  text: string
  title: string
  previous: string
  index: number
  sentences: number
}

function readUnits(candidates: Candidate[], quotes: boolean): Unit[] {
  const out: Unit[] = []
  candidates.forEach((c, rank) => {
    const title = foldText(c.title)
    const sentences = splitSentences(c.text)
    let previous = ''
    sentences.forEach((sentence, index) => {
      const quoted = quotes ? quoteOf(c.text, sentences, index) : undefined
      for (const span of quoted ? [quoted] : unitsOf(c.text, sentence)) {
        const raw = c.text.slice(span.start, span.end)
        if (raw.length < MIN_UNIT_CHARS || isInstruction(raw) || LEADS_ELSEWHERE.test(raw)) continue
        out.push({ rank, span, raw, text: foldText(raw), title, previous, index, sentences: sentences.length })
      }
      previous = foldText(c.text.slice(sentence.start, sentence.end))
    })
  })
  return out
}

// A question asking what someone said (怎么评价的, 原话, 说了啥): it is answered by a quote with its speaker.
const ASKS_SAID = /说了?(什么|啥)|怎么(说|讲|评价|解释|看)|原话|讲了?(什么|啥)|评价|看法/
// A sentence that only says who spoke the quote before it (……”马寨产业集聚区管委会主任王波说。).
const ATTRIBUTION = /^[^“”"，,]{2,40}(说|表示|介绍|指出|强调|坦言|感慨)[。！!]?$/
// The longest quote an attribution is read with; a longer one is left to its own sentences.
const MAX_QUOTED_CHARS = 240

/**
 * The quote and who said it as one unit, when a sentence only names the speaker of the quote that
 * ends right before it: what 王波说 said is the quote, from its opening mark. Read only for a question
 * asking what was said: for another, the speaker's post beside a quote naming others would pass for
 * an answer to who someone is.
 */
function quoteOf(text: string, sentences: Span[], index: number): Span | undefined {
  const own = sentences[index]!
  if (index === 0 || !ATTRIBUTION.test(text.slice(own.start, own.end)) || !/[”"]$/.test(text.slice(sentences[index - 1]!.start, sentences[index - 1]!.end))) return undefined
  for (let i = index - 1; i >= 0 && own.end - sentences[i]!.start <= MAX_QUOTED_CHARS; i--) {
    if (/[“"]/.test(text.slice(sentences[i]!.start, sentences[i]!.end))) return { start: sentences[i]!.start, end: own.end }
  }
  return undefined
}

/**
 * The question's words weighed by how few of the candidates' units hold them: within one article
 * the word every sentence repeats (政府采购) tells them apart less than the one a single sentence
 * holds (审减率), whatever their weights across the whole store.
 */
function localWeights(words: WeightedWord[], units: Unit[]): number[] {
  return words.map((w) => {
    if ([...w.text].length < 2) return 0
    const holding = units.filter((u) => mentions(u.text, w)).length
    return holding === 0 ? 0 : Math.log(1 + units.length / holding)
  })
}

/**
 * The thing asked about: the question's last word of two or more characters, the one the question
 * word follows (北京中关村的房价是多少 asks for 房价).
 */
export function focusOf(text: string, words: WeightedWord[]): WeightedWord | undefined {
  let focus: WeightedWord | undefined
  let at = -1
  for (const w of words) {
    const i = text.lastIndexOf(w.text)
    if (i > at) [focus, at] = [w, i]
  }
  return focus
}

// A word in nearly every article (the district a small store covers) still tells its sentences
// apart: no word of two or more characters weighs less than this share of the question's mean.
const WEIGHT_FLOOR = 0.5

function floorWeights(words: WeightedWord[]): WeightedWord[] {
  const multi = words.filter((w) => [...w.text].length > 1)
  const mean = multi.reduce((s, w) => s + w.weight, 0) / Math.max(multi.length, 1)
  return words.map((w) => ([...w.text].length > 1 ? { ...w, weight: Math.max(w.weight, WEIGHT_FLOOR * mean) } : w))
}

function share(words: WeightedWord[], total: number, found: (w: WeightedWord, i: number) => boolean): number {
  return words.reduce((s, w, i) => s + (found(w, i) ? w.weight : 0), 0) / total
}

/**
 * How close together the question's words sit: their summed length over the shortest stretch that holds each
 * of them once (1 = adjacent). Every place a word occurs counts: 网站 said first in 约谈网站5518家 does not keep
 * 关闭违法网站7704家 from reading as one close phrase.
 */
function proximity(text: string, words: WeightedWord[]): number {
  const hits = words.flatMap((w, i) => indicesOf(text, w.text).map((at) => ({ i, at, end: at + w.text.length })))
  const found = new Set(hits.map((h) => h.i))
  if (found.size < 2) return 0
  hits.sort((a, b) => a.at - b.at)
  const length = [...found].reduce((s, i) => s + words[i]!.text.length, 0)
  // Two pointers over the occurrences in text order: each stretch from lo to hi that holds every word found.
  const inside = new Map<number, number>()
  let best = Infinity
  for (let lo = 0, hi = 0; hi < hits.length; hi++) {
    inside.set(hits[hi]!.i, (inside.get(hits[hi]!.i) ?? 0) + 1)
    while (inside.size === found.size) {
      const end = Math.max(...hits.slice(lo, hi + 1).map((h) => h.end))
      best = Math.min(best, end - hits[lo]!.at)
      const n = inside.get(hits[lo]!.i)! - 1
      if (n === 0) inside.delete(hits[lo]!.i)
      else inside.set(hits[lo]!.i, n)
      lo++
    }
  }
  return Math.min(1, length / best)
}

/** A sentence as it is, or, when long, every window of whole clauses up to MAX_UNIT_CHARS. */
function unitsOf(text: string, s: Span): Span[] {
  if (s.end - s.start <= MAX_UNIT_CHARS) return [s]
  const clauses = splitClauses(text, s)
  const out: Span[] = []
  for (let i = 0; i < clauses.length; i++) {
    let j = i
    while (j + 1 < clauses.length && clauses[j + 1]!.end - clauses[i]!.start <= MAX_UNIT_CHARS) j++
    const span = { start: clauses[i]!.start, end: Math.min(clauses[j]!.end, clauses[i]!.start + MAX_UNIT_CHARS * 2) }
    if (out.at(-1)?.end !== span.end) out.push(span)
  }
  return out
}

function splitClauses(text: string, s: Span): Span[] {
  const out: Span[] = []
  let start = s.start
  for (let i = s.start; i < s.end; i++) {
    if ('，,；;：:'.includes(text[i]!)) {
      out.push({ start, end: i + 1 })
      start = i + 1
    }
  }
  if (start < s.end) out.push({ start, end: s.end })
  return out
}
