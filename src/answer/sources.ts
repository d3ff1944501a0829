import type { AnalyzedQuery, SearchHit } from '../retrieve/index.js'
import { splitSentences } from '../ingest/index.js'
import { askedOf, FEATURE_NAMES, isInstruction } from './evidence.js'
import { scoreEvidence } from './scored.js'
import { assertFeatures, loadAnswerModel, type AnswerModel } from './model.js'

/** A retrieved article as the model sees it: numbered, with an excerpt of its text. */
export interface NumberedSource {
  n: number
  hit: SearchHit
  excerpt: string
}

// Hits read for the sources block, the characters it may hold in all, and how many of them go to
// the top hits shown from the start (each up to EXCERPT_CHARS) before the best sentences of the
// rest; chosen on the CRUD train half (eval:answer --set crud --split train).
const HITS_READ = 12
const SOURCE_CHARS = 3300
const OPENINGS_CHARS = 2400
// What one more source costs beyond its text: the tag with headline, paper and date.
const SOURCE_OVERHEAD = 60
// Without an analysed question: the top hits, each cut to its best passages.
const SOURCES_SHOWN = 5
const EXCERPT_CHARS = 900

interface Span {
  start: number
  end: number
}

/**
 * Numbers the articles [1]..[k] that the model is shown, each cut to what answers the question:
 * the top hits' openings in rank order, then the sentences the context model rates best across the other hits,
 * best first until the block is full, a sentence printed twice (a reprint) taken once. Articles
 * keep their rank order, sentences their article order. Without a question to guide the cut, the
 * top five hits' passages.
 */
export function numberSources(hits: SearchHit[], query?: AnalyzedQuery, model: AnswerModel = loadAnswerModel()): NumberedSource[] {
  const picked = query ? pickPassages(hits, query, model) : new Map<number, Span[]>()
  if (picked.size === 0) return hits.slice(0, SOURCES_SHOWN).map((hit, i) => ({ n: i + 1, hit, excerpt: excerptOf(hit) }))
  return [...picked.keys()]
    .sort((a, b) => a - b)
    .map((rank, i) => ({ n: i + 1, hit: hits[rank]!, excerpt: joinSpans(hits[rank]!.text, picked.get(rank)!) }))
}

function pickPassages(hits: SearchHit[], query: AnalyzedQuery, model: AnswerModel): Map<number, Span[]> {
  assertFeatures(model.context, FEATURE_NAMES, 'context')
  const picked = new Map<number, Span[]>()
  const seen = new Set<string>()
  let used = 0
  for (const [rank, hit] of hits.slice(0, HITS_READ).entries()) {
    if (used >= OPENINGS_CHARS) break
    const spans = openingOf(hit.text, Math.min(EXCERPT_CHARS, OPENINGS_CHARS - used), seen)
    if (spans.length === 0) continue
    picked.set(rank, spans)
    used += spans.reduce((n, s) => n + s.end - s.start, 0) + SOURCE_OVERHEAD
  }
  for (const e of scoreEvidence({ ...model, evidence: model.context }, askedOf(query), hits, HITS_READ)) {
    const text = hits[e.candidate]!.text.slice(e.span.start, e.span.end)
    const spans = picked.get(e.candidate) ?? []
    if (seen.has(text) || spans.some((s) => s.start < e.span.end && e.span.start < s.end)) continue
    const cost = text.length + (spans.length === 0 ? SOURCE_OVERHEAD : 0)
    if (used + cost > SOURCE_CHARS) continue
    used += cost
    seen.add(text)
    picked.set(e.candidate, [...spans, e.span])
  }
  return picked
}

/**
 * An article's first `room` characters as sentence spans, the last one cut to fit, leaving out
 * sentences already shown (a reprint adds nothing) and text addressed to a model. Marks what it
 * takes as seen.
 */
function openingOf(text: string, room: number, seen: Set<string>): Span[] {
  const out: Span[] = []
  let used = 0
  for (const s of splitSentences(text)) {
    if (used >= room) break
    const sentence = text.slice(s.start, s.end)
    if (seen.has(sentence) || isInstruction(sentence)) continue
    const end = Math.min(s.end, s.start + room - used)
    out.push({ start: s.start, end })
    seen.add(sentence)
    used += end - s.start
  }
  return out
}

/** Spans of one article in text order; a gap between them is marked with …. */
function joinSpans(text: string, spans: Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  let out = ''
  let end = -1
  for (const s of sorted) {
    const between = end < 0 ? '' : text.slice(end, s.start)
    out += end < 0 ? '' : between.trim() === '' ? between : '\n…\n'
    out += text.slice(s.start, s.end)
    end = s.end
  }
  return out
}

function excerptOf(hit: SearchHit): string {
  if (hit.text.length <= EXCERPT_CHARS) return hit.text
  const picked: Span[] = []
  let used = 0
  for (const p of hit.passages) {
    if (used + (p.end - p.start) > EXCERPT_CHARS) continue
    picked.push(p)
    used += p.end - p.start
  }
  if (picked.length === 0) return hit.text.slice(0, EXCERPT_CHARS)
  return joinSpans(hit.text, picked)
}

/**
 * The sources block of the prompt. Each source sits between <source n="…"> tags, and any tag-like
 * text inside an article is defused, so an article cannot close its own block and speak as the user.
 */
export function formatSources(sources: NumberedSource[]): string {
  return sources
    .map(({ n, hit, excerpt }) => {
      const attrs = [`n="${n}"`, `title="${attr(hit.title)}"`, `paper="${attr(hit.paper)}"`, `date="${hit.date ?? '未知'}"`]
      return `<source ${attrs.join(' ')}>\n${defuse(excerpt)}\n</source>`
    })
    .join('\n')
}

function attr(s: string): string {
  return defuse(s).replaceAll('"', '＂')
}

function defuse(s: string): string {
  return s.replace(/<(\/?)(sources?|history)\b/gi, '＜$1$2')
}
