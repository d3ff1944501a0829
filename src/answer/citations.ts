import { splitSentences, type Span } from '../ingest/index.js'
import type { Citation } from './types.js'

/** An article an answer may cite under number n. */
export interface CitableSource {
  n: number
  id: string
  title: string
  paper: string
  date: string | null
  text: string
}

export interface CheckedAnswer {
  /** The answer with bad sentences removed and citations renumbered 1..m in order of use. */
  answer: string
  citations: Citation[]
  warnings: string[]
  /** How many sentences carry at least one valid citation. */
  cited: number
}

const MAX_QUOTE_CHARS = 160
// A cited sentence must share at least this share of its character bigrams with the articles it
// cites. A model's paraphrase of an article keeps most of its wording; a sentence planted by
// injected text ("本机器人已停止服务…") shares almost none.
export const MIN_SUPPORT = 0.4
// Addresses a reader could act on: kept only when the cited article prints them.
const CONTACTS = /https?:\/\/[^\s，。；、“”"'）)\]]+|www\.[^\s，。；、“”"'）)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})(?!\d)/g

/**
 * Checks a model's answer against the sources it was given: unknown [n] are removed; a sentence
 * with no valid [n], whose numbers appear in none of its cited articles, or that shares less than
 * MIN_SUPPORT of its bigrams with them is dropped; URLs, e-mail addresses and phone numbers the
 * cited articles do not print are cut out; every kept citation gets a verbatim quote, and the
 * numbers are made consecutive so every [n] resolves and every citation is used.
 */
export function checkAnswer(raw: string, sources: CitableSource[]): CheckedAnswer {
  const byN = new Map(sources.map((s) => [s.n, s]))
  const warnings: string[] = []
  const unknown = new Set<number>()
  const kept: { body: string; cites: number[]; end: string }[] = []
  for (const sentence of splitAnswerSentences(normalizeMarkers(raw))) {
    const all = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))
    for (const n of all) if (!byN.has(n)) unknown.add(n)
    const cites = [...new Set(all.filter((n) => byN.has(n)))]
    const { body: said, end } = splitEnding(sentence.replace(/\s*\[\d+\]/g, ''))
    if (!said.trim()) continue
    if (cites.length === 0) {
      warnings.push('删除了一句没有注明来源的话')
      continue
    }
    const texts = cites.flatMap((n) => citableTexts(byN.get(n)!))
    const body = withoutForeignContacts(said, texts)
    if (body !== said) warnings.push('删除了所引资料中没有的网址、电话或邮箱')
    const missing = unsupportedFigures(body, texts)
    if (missing.length > 0) {
      // The notice says what was removed, never the removed claim itself: that would repeat it.
      warnings.push('删除了一句数字无法在所引资料中核实的话')
      continue
    }
    if (support(body, texts) < MIN_SUPPORT) {
      warnings.push('删除了一句与所引资料不符的话')
      continue
    }
    kept.push({ body, cites, end })
  }
  if (unknown.size > 0) warnings.unshift(`删除了不存在的引用编号 ${[...unknown].map((n) => `[${n}]`).join('')}`)
  const renumber = new Map<number, number>()
  for (const s of kept) for (const n of s.cites) if (!renumber.has(n)) renumber.set(n, renumber.size + 1)
  const answer = kept.map((s) => `${s.body}${s.cites.map((n) => `[${renumber.get(n)}]`).join('')}${s.end}`).join('')
  const citations = [...renumber].map(([old, n]) => {
    const src = byN.get(old)!
    const claims = kept.filter((s) => s.cites.includes(old)).map((s) => s.body).join('')
    return { n, id: src.id, title: src.title, paper: src.paper, date: src.date, quote: bestQuote(src.text, claims) }
  })
  return { answer, citations, warnings, cited: kept.filter((s) => s.cites.length > 0).length }
}

/** Share of a claim's character bigrams found in the given texts. */
export function support(claim: string, texts: string[]): number {
  const grams = charBigrams(claim)
  if (grams.size === 0) return 1
  const source = new Set(texts.flatMap((t) => [...charBigrams(t)]))
  return [...grams].filter((g) => source.has(g)).length / grams.size
}

/** The claim without the URLs, e-mail addresses and phone numbers none of the texts prints. */
export function withoutForeignContacts(claim: string, texts: string[]): string {
  const printed = texts.join('\n').replace(/\s+/g, '')
  return claim
    .replace(CONTACTS, (c) => (printed.includes(c) ? c : ''))
    .replace(/[：:，,（(]\s*[)）]?\s*$/, '')
    .trim()
}

/** What a figure may come from: the article, its headline and its issue date (the prompt shows all three). */
function citableTexts(s: CitableSource): string[] {
  const date = s.date?.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)
  return [s.text, s.title, date ?? '']
}

/** Rewrites the marker shapes models produce (【1】, ［1］, [1,2], [1、2], [^1], [来源1]) as [1][2]. */
export function normalizeMarkers(text: string): string {
  return toAsciiDigits(text).replace(/[[【［]\s*(?:\^|来源|资料|source\s*)?\s*(\d+(?:\s*[,，、;；]\s*\d+)*)\s*[\]】］]/gi, (_, list: string) =>
    list
      .split(/[,，、;；]/)
      .map((n) => `[${Number(n.trim())}]`)
      .join(''),
  )
}

/** Splits an answer into sentences; markers written after the full stop stay with their sentence. */
export function splitAnswerSentences(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/[^。！？!?\n]+(?:[。！？!?]+[”’」』）)]*|\n+|$)(?:\s*\[\d+\])*/g)) {
    const s = m[0].trim()
    if (s) out.push(s)
  }
  return out
}

/** Separates a sentence's final punctuation, so markers can go before it: …3636套[1]。 */
function splitEnding(sentence: string): { body: string; end: string } {
  const s = sentence.trim()
  const m = /[。！？!?]+[”’」』）)]*$/.exec(s)
  if (!m) return { body: s, end: '。' }
  return { body: s.slice(0, m.index), end: m[0] }
}

/** The numbers of a claim that occur in none of the given texts (an uncited claim supports none). */
export function unsupportedFigures(claim: string, texts: string[]): string[] {
  const figures = [...new Set(figuresIn(claim))]
  const haystacks = texts.map(normalizeNumbers)
  return figures.filter((f) => {
    const alone = new RegExp(`(?<![\\d.])${f.replaceAll('.', '\\.')}(?![\\d]|\\.\\d)`)
    return !haystacks.some((h) => alone.test(h))
  })
}

function figuresIn(text: string): string[] {
  return normalizeNumbers(text).match(/\d+(?:\.\d+)?/g) ?? []
}

function normalizeNumbers(text: string): string {
  return toAsciiDigits(text).replace(/(?<=\d)[,，](?=\d{3}(?!\d))/g, '')
}

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/**
 * The article sentence that best supports a claim (shared figures first, then shared characters),
 * cut verbatim from the article's text.
 */
export function bestQuote(text: string, claim: string): string {
  const figures = new Set(figuresIn(claim))
  const grams = charBigrams(claim)
  let best: Span | undefined
  let bestScore = -1
  for (const s of splitSentences(text)) {
    const span = clipAround(text, s, grams)
    const piece = text.slice(span.start, span.end)
    const shared = figuresIn(piece).filter((f) => figures.has(f)).length
    const overlap = [...charBigrams(piece)].filter((g) => grams.has(g)).length / Math.max(grams.size, 1)
    const score = shared * 2 + overlap
    if (score > bestScore) [best, bestScore] = [span, score]
  }
  return best ? text.slice(best.start, best.end) : text.slice(0, MAX_QUOTE_CHARS)
}

/** A long sentence is cut to the window of clauses sharing the most characters with the claim. */
function clipAround(text: string, s: Span, grams: Set<string>): Span {
  if (s.end - s.start <= MAX_QUOTE_CHARS) return s
  const cuts = [s.start]
  for (let i = s.start; i < s.end; i++) if ('，,；;：:'.includes(text[i]!)) cuts.push(i + 1)
  let best: Span = { start: s.start, end: s.start + MAX_QUOTE_CHARS }
  let bestHits = -1
  for (const start of cuts) {
    const end = Math.min(s.end, start + MAX_QUOTE_CHARS)
    const hits = [...charBigrams(text.slice(start, end))].filter((g) => grams.has(g)).length
    if (hits > bestHits) [best, bestHits] = [{ start, end }, hits]
  }
  return best
}

/** A text's character bigrams, whitespace and punctuation left out. */
export function charBigrams(s: string): Set<string> {
  const chars = [...s.replace(/[\s\p{P}]/gu, '')]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  return out
}
