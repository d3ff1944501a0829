import { stripDateline } from '../ingest/index.js'
import { charBigrams } from './citations.js'
import type { Candidate } from './evidence.js'
import type { AnswerModel } from './model.js'
import type { Scored } from './scored.js'
import type { Answer, Citation } from './types.js'

// Turning the chosen units into the answer: which units fit in 300 characters, in what order, each cleaned of its
// dateline and marked with its [n].

/** The longest answer, in characters: what a reader takes in at a glance, and a chat message. */
export const MAX_ANSWER_CHARS = 300

/**
 * The best sentence of each part (for a multi-part question), then, in turn, the sentence worth most
 * for the room it takes: its probability per length, less what it repeats of the answer so far. Only
 * sentences within `ratio` of the best one's probability (`otherRatio` for one from an article not yet
 * cited) and that fit in `maxChars` are taken, never the same text twice. With `spelledOut`, the sentence right
 * after the first one, when it holds a word of the question, comes second.
 */
export function chooseEvidence(leads: Scored[], scored: Scored[], compose: AnswerModel['compose'], textOf: (e: Scored) => string, maxChars: number, spelledOut = false): Scored[] {
  const chosen: Scored[] = []
  const held = new Set<string>()
  // Each sentence's bigrams and quoted length, worked out once: the loop below weighs them again on every pick.
  const measured = new Map<Scored, { grams: Set<string>; length: number }>()
  const measure = (s: Scored) => measured.get(s) ?? measured.set(s, { grams: charBigrams(textOf(s)), length: quotedLength(textOf(s)) }).get(s)!
  let length = 0
  const take = (s: Scored) => {
    chosen.push(s)
    length += measure(s).length
    for (const g of measure(s).grams) held.add(g)
  }
  // The same words twice (overlapping windows, or one sentence in two reprints) say nothing new.
  const overlaps = (s: Scored) =>
    chosen.some((c) => (c.candidate === s.candidate && c.span.start < s.span.end && s.span.start < c.span.end) || textOf(c).includes(textOf(s)) || textOf(s).includes(textOf(c)))
  for (const s of joinOverlapping(leads)) if (!overlaps(s)) take(s)
  const best = scored[0]?.p ?? 0
  const eligible = scored.filter((s) => s.p >= best * compose.ratio)
  const worth = (s: Scored) => {
    const own = measure(s).grams
    const repeated = own.size ? [...own].filter((g) => held.has(g)).length / own.size : 1
    return s.p * (TYPICAL_UNIT_CHARS / Math.max(textOf(s).length, MIN_WEIGHED_CHARS)) ** compose.lengthExponent - compose.redundancy * best * repeated
  }
  while (chosen.length < Math.max(compose.maxUnits, leads.length)) {
    const open = eligible.filter((s) => {
      if (chosen.includes(s) || overlaps(s)) return false
      if (chosen.length > 0 && length + measure(s).length > maxChars) return false
      return chosen.length === 0 || chosen.some((c) => c.candidate === s.candidate) || s.p >= best * compose.otherRatio
    })
    if (open.length === 0) break
    const first = chosen[0]
    const next = spelledOut && chosen.length === 1 && first ? open.find((s) => s.candidate === first.candidate && s.span.start >= first.span.end && s.span.start - first.span.end <= 2 && s.coverage > 0) : undefined
    take(next ?? open.reduce((a, b) => (worth(b) > worth(a) ? b : a)))
  }
  return chosen
}

// The longest stretch two overlapping leads of one sentence are joined into; longer, the later one keeps
// only what follows the earlier one.
const MAX_JOINED_CHARS = 200

/**
 * Leads in their order, each overlapping an earlier one of the same article (two windows of one long
 * sentence) joined with it, or cut to what the earlier one does not already quote.
 */
function joinOverlapping(leads: Scored[]): Scored[] {
  const out: Scored[] = []
  for (const s of leads) {
    const i = out.findIndex((o) => o.candidate === s.candidate && o.span.start < s.span.end && s.span.start < o.span.end)
    if (i < 0) {
      out.push(s)
      continue
    }
    const before = out[i]!.span
    const span = { start: Math.min(before.start, s.span.start), end: Math.max(before.end, s.span.end) }
    if (span.end - span.start <= MAX_JOINED_CHARS) out[i] = { ...out[i]!, span }
    else if (s.span.end > before.end && s.span.start >= before.start) out.push({ ...s, span: { start: before.end, end: s.span.end } })
    else if (s.span.start < before.start && s.span.end <= before.end) out.push({ ...s, span: { start: s.span.start, end: before.start } })
  }
  return out
}

// The length a sentence's worth is weighed against: (TYPICAL_UNIT_CHARS / length) ** lengthExponent,
// with very short ones counted as MIN_WEIGHED_CHARS so a fragment never wins on shortness alone.
const TYPICAL_UNIT_CHARS = 60

const MIN_WEIGHED_CHARS = 20

/** The characters a quoted sentence takes in the answer, with its [n] marker. */
function quotedLength(text: string): number {
  return attachMarker(cleanSentence(text), 9).length
}

export function composeAnswer(chosen: Scored[], candidates: Candidate[], maxChars: number): Answer {
  const citations: Citation[] = []
  const numberOf = new Map<number, number>()
  const parts: string[] = []
  let length = 0
  for (const s of chosen) {
    const c = candidates[s.candidate]!
    const quote = c.text.slice(s.span.start, s.span.end)
    const sentence = cleanSentence(quote)
    const n = numberOf.get(s.candidate) ?? citations.length + 1
    const marked = attachMarker(sentence, n)
    if (parts.length > 0 && length + marked.length > maxChars) continue
    if (!numberOf.has(s.candidate)) {
      numberOf.set(s.candidate, n)
      citations.push({ n, id: c.id, title: c.title, paper: c.paper, date: c.date, quote })
    }
    parts.push(marked)
    length += marked.length
  }
  return { answer: parts.join(''), mode: 'extractive', abstained: false, citations, warnings: [], suggestions: [] }
}

/** Drops the dateline and leading connectives a sentence carries in the article but not in an answer. */
export function cleanSentence(s: string): string {
  return stripDateline(s)
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

/** What an answer says of a part of the question the articles do not answer. */
export function gapNote(part: string): string {
  return `关于“${part.replace(/[？?。！!，,\s]+$/u, '')}”，资料中未找到明确信息。`
}

/**
 * Answers to the questions of one message, one after another, their citations numbered on. An article cited by
 * several keeps one number, and a sentence an earlier answer quotes is not quoted again. Within `maxChars`, each
 * answer keeps its first quote and as many of the rest as there is room for.
 */
export function joinAnswers(answers: Answer[], maxChars = MAX_ANSWER_CHARS): Answer {
  const citations: Citation[] = []
  const quoted = new Set<string>()
  const texts: string[] = []
  let length = 0
  for (const a of answers) {
    const renumbered = new Map<number, number>()
    for (const c of a.citations) {
      const same = citations.find((o) => o.id === c.id)
      if (!same) citations.push({ ...c, n: citations.length + 1 })
      renumbered.set(c.n, same?.n ?? citations.length)
    }
    a.answer.split(/(?<=\[\d+\])/u).forEach((unit, i) => {
      const marked = /^([^]*)\[(\d+)\]$/u.exec(unit)
      if (marked && quoted.has(marked[1]!)) return
      const text = marked ? `${marked[1]}[${renumbered.get(Number(marked[2]))}]` : unit
      if (i > 0 && length + text.length > maxChars) return
      if (marked) quoted.add(marked[1]!)
      texts.push(text)
      length += text.length
    })
  }
  // An article whose every quote found no room is not cited, and the rest are numbered on without a gap.
  const text = texts.join('')
  const kept = citations.filter((c) => text.includes(`[${c.n}]`))
  const number = new Map(kept.map((c, i) => [c.n, i + 1]))
  return {
    answer: text.replace(/\[(\d+)\]/gu, (_, n: string) => `[${number.get(Number(n))}]`),
    mode: 'extractive',
    abstained: false,
    citations: kept.map((c) => ({ ...c, n: number.get(c.n)! })),
    warnings: [],
    suggestions: [],
  }
}
