import { splitSentences, type Span } from '../ingest/index.js'
import { askedUnit, detectQuestionType, hasFactFor, type QuestionType } from './question-type.js'
import type { Answer, Citation } from './types.js'

/** Whether a piece of text holds the kind of fact the question asks for. */
type FactTest = (text: string) => boolean

/** A retrieved article offered to the answerer, best first. */
export interface Candidate {
  id: string
  title: string
  paper: string
  date: string | null
  text: string
}

/** A content word of the question with its weight (an IDF: rarer words count more). */
export interface WeightedTerm {
  term: string
  weight: number
  /** Other spellings that count as the word (回迁房 for 安置房), from the local lexicon. */
  synonyms?: string[]
}

/** True when a text holds the word or one of its other spellings. */
function mentions(text: string, t: WeightedTerm): boolean {
  return text.includes(t.term) || (t.synonyms?.some((s) => text.includes(s)) ?? false)
}

export interface ExtractiveOptions {
  maxSentences?: number
  maxChars?: number
  /** Below this weighted share of the question's words found, the answerer abstains. */
  minConfidence?: number
  /** The kind of fact asked for, when the searched text is not the question itself (a follow-up with the topic carried). */
  questionType?: QuestionType
  /** The question as the user typed it, for the not-found sentence (default: the searched text). */
  asked?: string
}

/** A headline offered instead of an answer when newsbot abstains. */
export interface Suggestion {
  id: string
  title: string
  paper: string
  date: string | null
}

export type ExtractiveAnswer = Answer & { suggestions: Suggestion[] }

interface ScoredSentence {
  candidate: number
  span: Span
  score: number
  covered: Set<string>
  coverage: number
  hasFact: boolean
}

const CANDIDATES_READ = 5
const UNTYPED_CONFIDENCE = 0.7
const FACT_TYPES = new Set<QuestionType>(['amount', 'time', 'person'])
const MAX_SENTENCE_CHARS = 120
// Text addressed to a model, not to readers (a planted prompt injection): never quoted as an answer.
const INSTRUCTION = /(忽略|无视|忘记|不要理会)(以上|之前|前面|上述|所有|先前)的?(所有)?(指令|指示|提示|规则|要求|内容)|ignore (all )?(previous|above|prior) instructions|system prompt|你现在是/i

/** Answers from the candidates' own sentences, each cited; abstains when none covers the question well. */
export function answerExtractively(
  question: string,
  terms: WeightedTerm[],
  candidates: Candidate[],
  opts: ExtractiveOptions = {},
): ExtractiveAnswer {
  const { maxSentences = 3, maxChars = 300, minConfidence = 0.5 } = opts
  const type = opts.questionType ?? detectQuestionType(question)
  const total = terms.reduce((s, t) => s + t.weight, 0)
  const unit = type === 'amount' ? askedUnit(opts.asked ?? question) : undefined
  const hasFact = (text: string) => hasFactFor(type, text, unit)
  const scored = total > 0 ? scoreSentences(terms, total, hasFact, compoundsOf(question, terms), candidates.slice(0, CANDIDATES_READ)) : []
  const best = scored[0]
  // A question for a kind of fact (多少, 什么时候, 谁…) whose best sentence holds none is probably not answered.
  const needed = type !== 'general' && best && !best.hasFact ? Math.max(minConfidence, UNTYPED_CONFIDENCE) : minConfidence
  if (!best || best.coverage < needed) return abstain(opts.asked ?? question, candidates)
  // 多少/什么时候/谁 asked, and not one well-covering sentence holds an amount, a date or a name: the
  // articles are about the topic but do not say (那它有多长？ after a question about a road).
  if (FACT_TYPES.has(type) && !best.hasFact && !scored.some((s) => s.hasFact && s.coverage >= needed)) return abstain(opts.asked ?? question, candidates)
  const chosen = chooseSentences(scored, best, maxSentences, type !== 'general')
  return composeAnswer(chosen, candidates, maxChars)
}

function scoreSentences(terms: WeightedTerm[], total: number, factIn: FactTest, compounds: Compound[], candidates: Candidate[]) {
  const out: ScoredSentence[] = []
  candidates.forEach((c, rank) => {
    const inTitle = new Set(terms.filter((t) => mentions(c.title, t)).map((t) => t.term))
    let previous = new Set<string>()
    for (const sentence of splitSentences(c.text)) {
      const span = clipSentence(c.text, sentence, terms, factIn)
      const text = c.text.slice(span.start, span.end)
      if (text.length < 6 || INSTRUCTION.test(text)) continue
      const covered = new Set(terms.filter((t) => mentions(text, t)).map((t) => t.term))
      // The headline sets the context (其中，经开区共发行成功9.97亿元 under 积极申报专项债券), and the sentence before it, at half weight.
      const both = new Set([...covered, ...inTitle])
      const before = new Set([...previous].filter((t) => !both.has(t)))
      const own = (weightOf(terms, covered) - splitPenalty(terms, compounds, covered, both)) / total
      const coverage = (weightOf(terms, both) - splitPenalty(terms, compounds, both) + weightOf(terms, before) / 2) / total
      previous = covered
      const hasFact = factIn(text)
      const score = 0.6 * own + 0.4 * coverage + (hasFact && own > 0 ? 0.2 : 0) - 0.03 * rank
      out.push({ candidate: rank, span, score, covered, coverage: own > 0 ? coverage : 0, hasFact })
    }
  })
  return out.sort((a, b) => b.score - a.score)
}

function weightOf(terms: WeightedTerm[], covered: Set<string>): number {
  return terms.reduce((s, t) => s + (covered.has(t.term) ? t.weight : 0), 0)
}

/** Two question words written together (国际+学校). */
interface Compound {
  parts: [string, string]
}

function compoundsOf(question: string, terms: WeightedTerm[]): Compound[] {
  const out: Compound[] = []
  for (const a of terms) {
    for (const b of terms) if (a !== b && question.includes(a.term + b.term)) out.push({ parts: [a.term, b.term] })
  }
  return out
}

/**
 * A word the question writes as part of a compound, found without its partner (国际 in 国际物流园区
 * with no 学校 near it, for 国际学校), is not the thing asked about: it earns half its weight.
 */
function splitPenalty(terms: WeightedTerm[], compounds: Compound[], covered: Set<string>, context = covered): number {
  let penalty = 0
  for (const t of terms) {
    const partners = compounds.filter((c) => c.parts.includes(t.term)).map((c) => (c.parts[0] === t.term ? c.parts[1] : c.parts[0]))
    if (covered.has(t.term) && partners.length > 0 && !partners.some((p) => context.has(p))) penalty += t.weight / 2
  }
  return penalty
}

/**
 * Long sentences are cut to the run of clauses around the question's words, still a verbatim span.
 * A clause holding the asked-for fact (the 6月11日上午 of a when-question) weighs as much as half the question.
 */
function clipSentence(text: string, s: Span, terms: WeightedTerm[], factIn: FactTest): Span {
  if (s.end - s.start <= MAX_SENTENCE_CHARS) return s
  const clauses = splitClauses(text, s)
  const factBonus = terms.reduce((n, t) => n + t.weight, 0) / 2
  const hits = clauses.map((c) => {
    const clause = text.slice(c.start, c.end)
    return terms.reduce((n, t) => n + (mentions(clause, t) ? t.weight : 0), 0) + (factIn(clause) ? factBonus : 0)
  })
  let bestStart = 0
  let bestScore = -1
  for (let i = 0; i < clauses.length; i++) {
    let j = i
    let sum = 0
    while (j < clauses.length && clauses[j]!.end - clauses[i]!.start <= MAX_SENTENCE_CHARS) sum += hits[j++]!
    if (sum > bestScore) [bestScore, bestStart] = [sum, i]
  }
  let end = bestStart
  while (end + 1 < clauses.length && clauses[end + 1]!.end - clauses[bestStart]!.start <= MAX_SENTENCE_CHARS) end++
  return { start: clauses[bestStart]!.start, end: clauses[end]!.end }
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

/**
 * The best sentence, then up to two more that add question words or facts, from other places.
 * When the question asks for a kind of fact (多少, 什么时候, 谁…), the extra sentences must hold one.
 */
function chooseSentences(scored: ScoredSentence[], best: ScoredSentence, max: number, typed: boolean): ScoredSentence[] {
  const chosen = [best]
  const covered = new Set(best.covered)
  for (const s of scored.slice(1)) {
    if (chosen.length >= max || s.score < best.score * 0.7) break
    const overlaps = chosen.some((c) => c.candidate === s.candidate && c.span.start < s.span.end && s.span.start < c.span.end)
    const addsWords = [...s.covered].some((t) => !covered.has(t))
    if (overlaps || (typed && !s.hasFact) || !(addsWords || (s.hasFact && !best.hasFact))) continue
    chosen.push(s)
    for (const t of s.covered) covered.add(t)
  }
  return chosen
}

function composeAnswer(chosen: ScoredSentence[], candidates: Candidate[], maxChars: number): ExtractiveAnswer {
  const citations: Citation[] = []
  const numberOf = new Map<number, number>()
  const parts: string[] = []
  let length = 0
  for (const s of chosen) {
    const c = candidates[s.candidate]!
    const quote = c.text.slice(s.span.start, s.span.end)
    const sentence = cleanSentence(quote)
    if (parts.length > 0 && length + sentence.length > maxChars) break
    let n = numberOf.get(s.candidate)
    if (n === undefined) {
      n = citations.length + 1
      numberOf.set(s.candidate, n)
      citations.push({ n, id: c.id, title: c.title, paper: c.paper, date: c.date, quote })
    }
    parts.push(attachMarker(sentence, n))
    length += sentence.length + 3
  }
  return { answer: parts.join(''), mode: 'extractive', abstained: false, citations, warnings: [], suggestions: [] }
}

/** Drops the dateline and leading connectives a sentence carries in the article but not in an answer. */
export function cleanSentence(s: string): string {
  return s
    .replace(/^本报讯\s*([(（][^)）]{0,20}[)）])?\s*/, '')
    .replace(/^(据了解|据悉|另外|同时|此外|其中)[，,]\s*/, '')
    .replace(/[，,；;：:]$/, '。')
    .trim()
}

/** Puts [n] before the sentence's final punctuation: …3636套[1]。 */
function attachMarker(sentence: string, n: number): string {
  const m = /[。！？!?…]+[”’」』]*$/.exec(sentence)
  if (!m) return `${sentence}[${n}]。`
  return `${sentence.slice(0, m.index)}[${n}]${m[0]}`
}

/** The honest no-answer: says the sources do not cover the question and offers the closest headlines. */
export function abstain(question: string, candidates: Candidate[]): ExtractiveAnswer {
  const suggestions = candidates.slice(0, 3).map(({ id, title, paper, date }) => ({ id, title, paper, date }))
  const topic = question.length > 30 ? `${question.slice(0, 30)}…` : question
  const nearby = suggestions.filter((s) => s.title).map((s) => `《${s.title}》`)
  const answer = `资料中未找到关于“${topic}”的明确信息。${nearby.length ? `相关报道：${nearby.join('、')}。` : ''}`
  return { answer, mode: 'extractive', abstained: true, citations: [], warnings: [], suggestions }
}
