import { stripDateline } from '../ingest/index.js'
import type { Article } from '../store/index.js'

/** A summary longer than this many characters is cut at a comma and marked with an ellipsis. */
export const SUMMARY_MAX_CHARS = 90
const TITLE_MAX_CHARS = 40
const HEADLINE_LINE_MAX = 30
const UNTITLED_MAX_CHARS = 24

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’'
// OCR spreads characters out (本 报 讯) and columns break lines mid-sentence; between two CJK
// characters whitespace carries no meaning.
const CJK_GAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g')
const OPENERS = /^(?:据了解|据悉|另外|同时|此外|其中)[，,]\s*/
const SENTENCE = /[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)/g
const QUOTED = /^[“「『"][^”」』"]*[”」』"]$/

// A space between two characters that each stand alone (本 报 讯) is OCR spacing, not a word break.
const SPACED_OUT = new RegExp(`(?<=(?:^|\\s)[${CJK}])[ \\t\\u3000]+(?=[${CJK}](?:\\s|$))`, 'g')

/** Article text as one clean run: CJK gaps closed, lines joined, spaces squeezed. */
export function normalizeText(text: string): string {
  return text.replace(CJK_GAP, '').replace(/\s+/g, ' ').trim()
}

/** A headline on one line: its lines joined by a space (two-line headlines), OCR spacing closed. */
export function normalizeTitle(title: string): string {
  return title.replace(SPACED_OUT, '').replace(/\s+/g, ' ').trim()
}

/**
 * The article's opening sentence without its dateline (本报讯, 记者 credits), a repeated headline or
 * a stock opener; a lead that is only a quotation gives way to the sentence after it.
 */
export function leadSentence(article: Pick<Article, 'title' | 'text' | 'dateline'>): string {
  let text = normalizeText(article.text)
  const title = normalizeText(article.title)
  if (title && text.startsWith(title)) text = text.slice(title.length).trimStart()
  const dateline = article.dateline ? normalizeText(article.dateline) : ''
  if (dateline && text.startsWith(dateline)) text = text.slice(dateline.length)
  text = stripDateline(text).replace(/^[\s，,：:]+/, '')
  const sentences = (text.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean)
  const lead = sentences.find((s, i) => !QUOTED.test(s) || i === sentences.length - 1) ?? ''
  return clipSentence(lead.replace(OPENERS, ''))
}

/** Shortens a sentence to SUMMARY_MAX_CHARS, preferring to cut after a comma. */
export function clipSentence(s: string, max = SUMMARY_MAX_CHARS): string {
  const chars = Array.from(s)
  if (chars.length <= max) return s
  const head = chars.slice(0, max - 1).join('')
  const comma = Math.max(...['，', ',', '、', '；', ';'].map((c) => head.lastIndexOf(c)))
  return `${comma > max / 2 ? head.slice(0, comma) : head}…`
}

/**
 * The headline; for an untitled article its first line when that reads like a headline (short,
 * no sentence punctuation), else the start of its lead.
 */
export function displayTitle(article: Pick<Article, 'title' | 'text' | 'dateline'>): string {
  const title = normalizeTitle(article.title)
  if (title) return clipSentence(title, TITLE_MAX_CHARS)
  const firstLine = article.text.split('\n').map(normalizeTitle).find(Boolean) ?? ''
  if (Array.from(firstLine).length <= HEADLINE_LINE_MAX && !/[，。！？,;；：:]/.test(firstLine)) return firstLine
  return clipSentence(leadSentence(article), UNTITLED_MAX_CHARS) || '（无标题）'
}
