import { splitSentences, type Span } from '../ingest/index.js'
import { foldText, type AnalyzedQuery, type QuestionType, type WeightedWord } from '../retrieve/index.js'
import { hasFactFor } from './facts.js'

/** A retrieved article offered to the answerer, best first. */
export interface Candidate {
  id: string
  title: string
  paper: string
  date: string | null
  text: string
  /** The search's score (higher is better), compared only within one question's candidates. */
  score: number
}

/** What one question (or one part of a multi-part question) asks: its words and the kind of fact. */
export interface Asked {
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
] as const

const CANDIDATES_READ = 5
const MAX_UNIT_CHARS = 120
const MIN_UNIT_CHARS = 6
// Text addressed to a model, not to readers (a planted prompt injection): never quoted as an answer.
const INSTRUCTION = /(忽略|无视|忘记|不要理会)(以上|之前|前面|上述|所有|先前)的?(所有)?(指令|指示|提示|规则|要求|内容)|ignore (all )?(previous|above|prior) instructions|system prompt|你现在是/i

/** What the whole question asks, from the search's analysis. */
export function askedOf(query: AnalyzedQuery): Asked {
  return { words: query.words, bigrams: contentBigrams(query), type: query.type, unit: query.unit }
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
  const top = Math.max(candidates[0]?.score ?? 0, 1e-9)
  const out: Evidence[] = []
  candidates.slice(0, read).forEach((c, rank) => {
    const title = foldText(c.title)
    const inTitle = share(words, total, (w) => mentions(title, w))
    const sentences = splitSentences(c.text)
    let previous = ''
    sentences.forEach((sentence, index) => {
      for (const span of unitsOf(c.text, sentence)) {
        const raw = c.text.slice(span.start, span.end)
        if (raw.length < MIN_UNIT_CHARS || INSTRUCTION.test(raw)) continue
        const text = foldText(raw)
        const coverage = share(words, total, (w) => mentions(text, w))
        const context = share(words, total, (w) => mentions(text, w) || mentions(title, w)) + share(words, total, (w) => !mentions(text, w) && !mentions(title, w) && mentions(previous, w)) / 2
        const hasFact = hasFactFor(asked.type, raw, asked.unit)
        const features = [
          coverage,
          Math.min(1, context),
          asked.bigrams.length ? asked.bigrams.filter((b) => text.includes(b)).length / asked.bigrams.length : 0,
          hasFact ? 1 : 0,
          asked.type !== 'general' && !hasFact ? 1 : 0,
          proximity(text, words),
          sentences.length > 1 ? index / (sentences.length - 1) : 0,
          index === 0 ? 1 : 0,
          1 / (1 + rank),
          Math.max(0, c.score) / top,
          inTitle,
          Math.min(raw.length, 200) / 200,
          asked.type === 'list' ? Math.min((raw.match(/[、；;]/g) ?? []).length, 5) / 5 : 0,
          coverage * coverage,
        ]
        out.push({ candidate: rank, span, coverage, hasFact, features })
      }
      previous = foldText(c.text.slice(sentence.start, sentence.end))
    })
  })
  return out
}

// A word in nearly every article (the district a small store covers) still tells its sentences
// apart: no word of two or more characters weighs less than this share of the question's mean.
const WEIGHT_FLOOR = 0.5

function floorWeights(words: WeightedWord[]): WeightedWord[] {
  const multi = words.filter((w) => [...w.text].length > 1)
  const mean = multi.reduce((s, w) => s + w.weight, 0) / Math.max(multi.length, 1)
  return words.map((w) => ([...w.text].length > 1 ? { ...w, weight: Math.max(w.weight, WEIGHT_FLOOR * mean) } : w))
}

function share(words: WeightedWord[], total: number, found: (w: WeightedWord) => boolean): number {
  return words.reduce((s, w) => s + (found(w) ? w.weight : 0), 0) / total
}

/** How close together the question's words sit: their summed length over the stretch they span (1 = adjacent). */
function proximity(text: string, words: WeightedWord[]): number {
  const found = words.map((w) => ({ at: text.indexOf(w.text), len: w.text.length })).filter((f) => f.at >= 0)
  if (found.length < 2) return 0
  const start = Math.min(...found.map((f) => f.at))
  const end = Math.max(...found.map((f) => f.at + f.len))
  return Math.min(1, found.reduce((s, f) => s + f.len, 0) / (end - start))
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
