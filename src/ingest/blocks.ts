import { mergeBylines, parseByline, parseDateline, splitTrailingByline } from './bylines.js'
import type { Byline, Dateline } from './bylines.js'
import { cleanLine, endsSentence, foldWidth, joinWrapped, normalizePunctuation, printedWidth } from './normalize.js'

/** A run of page text between blank lines, bylines and datelines, read as one kind of thing. */
export interface Block {
  kind: 'text' | 'head' | 'byline'
  /** Cleaned lines as printed (a text block's first line still carries its dateline). */
  lines: string[]
  /** Text blocks: paragraphs with lines rejoined and the dateline removed. Head blocks: one entry. */
  paragraphs: string[]
  dateline?: Dateline
  byline?: Byline
  /** Whether a blank line came before this block on the page. */
  gapBefore: boolean
}

// A line this wide is a paragraph of a page set in long lines (one paragraph per line).
const WIDE_LINE = 30
// Column widths of one text flow differ by a character or so (punctuation, digits).
const WIDTH_SLACK = 1.5
const HEAD_MAX_LINES = 3
const HEAD_MAX_WIDTH = 50

/**
 * Splits page text into blocks: bylines, headline-like lines and text with broken lines rejoined. With
 * `linesAreParagraphs` (text laid out from positions, see layout/) each line already is a whole paragraph.
 */
export function readBlocks(text: string, linesAreParagraphs = false): Block[] {
  const blocks = mergeContinuations(splitBlocks(text))
  return blocks.flatMap((b) => (b.kind === 'text' ? finishText(b, linesAreParagraphs) : [b]))
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let gap = true
  let cur: Block | undefined
  for (const raw of text.split('\n')) {
    const line = cleanLine(raw)
    if (!line) {
      gap = true
      cur = undefined
      continue
    }
    const dateline = parseDateline(line)
    // Bylines are read before spacing is collapsed: their spaces separate names.
    const spaced = normalizePunctuation(foldWidth(raw)).replace(/\s+/g, ' ').trim()
    const byline = dateline ? null : parseByline(spaced) ?? (cur?.kind === 'byline' ? parseByline(spaced, true) : null)
    if (byline && cur?.kind === 'byline') {
      cur.byline = mergeBylines(cur.byline!, byline)
      cur.lines.push(spaced)
    } else if (byline) {
      blocks.push((cur = { kind: 'byline', lines: [spaced], paragraphs: [], byline, gapBefore: gap }))
    } else if (dateline || cur?.kind !== 'text') {
      const lines = dateline && !dateline.rest ? [] : [line]
      blocks.push((cur = { kind: 'text', lines, paragraphs: [], gapBefore: gap, ...(dateline && { dateline }) }))
    } else {
      cur.lines.push(line)
    }
    gap = false
  }
  return blocks
}

/** Joins text blocks that are one paragraph broken across a blank line (便捷的 / 交通设施). */
function mergeContinuations(blocks: Block[]): Block[] {
  const out: Block[] = []
  blocks.forEach((b, i) => {
    const prev = out.at(-1)
    if (prev?.kind === 'text' && b.kind === 'text' && !b.dateline && continues(prev, b, blocks[i + 1]))
      prev.lines.push(...b.lines)
    else out.push(b)
  })
  return out
}

function continues(a: Block, b: Block, next: Block | undefined): boolean {
  const last = a.lines.at(-1)
  if (last === undefined) return true // a lone 本报记者 X line: the lead follows
  if (endsSentence(last) || splitTrailingByline(last)) return false
  // Short lines right above a dateline are that story's headline.
  if (next?.dateline && b.lines.length <= HEAD_MAX_LINES && !b.lines.some((l) => /[。！？]/.test(l))) return false
  if (a.dateline && a.lines.length === 1) return true
  const w = printedWidth(last)
  if (w >= WIDE_LINE) return true
  // Headlines carry no commas or full stops; a short single line without any is a heading, not running text.
  if (a.lines.length < 2 && !/[，、；：。！？]/.test(last)) return false
  // A long-line page: a paragraph broken early, carried on in the next long line.
  if (a.lines.length === 1 && printedWidth(b.lines[0]!) >= 2 * WIDE_LINE) return true
  const wa = Math.max(...a.lines.map(printedWidth))
  const wb = Math.max(...b.lines.slice(0, 5).map(printedWidth))
  if (a.lines.length >= 2) return w >= wa - WIDTH_SLACK && wb <= wa + WIDTH_SLACK
  return b.lines.length >= 2 && Math.abs(w - wb) <= 2 * WIDTH_SLACK
}

/** Builds a text block's paragraphs, splits off a trailing byline and tells headings from text. */
function finishText(b: Block, linesAreParagraphs: boolean): Block[] {
  if (isHeading(b)) return [{ ...b, kind: 'head', paragraphs: [joinHeadLines(b.lines)] }]
  const paragraphs = linesAreParagraphs ? [...b.lines] : toParagraphs(b.lines)
  if (b.dateline?.rest && paragraphs.length) paragraphs[0] = paragraphs[0]!.slice(b.dateline.text.length).replace(/^[ ：]+/, '')
  const block: Block = { ...b, paragraphs: paragraphs.filter(Boolean) }
  const tail = splitTrailingByline(block.paragraphs.at(-1) ?? '')
  if (!tail) return [block]
  block.paragraphs[block.paragraphs.length - 1] = tail.text
  return [block, { kind: 'byline', lines: [tail.byline.text], paragraphs: [], byline: tail.byline, gapBefore: false }]
}

function isHeading(b: Block): boolean {
  if (b.dateline || b.lines.length === 0 || b.lines.length > HEAD_MAX_LINES) return false
  return b.lines.every((l) => printedWidth(l) <= HEAD_MAX_WIDTH && !/[。！？!?]/.test(l))
}

function toParagraphs(lines: string[]): string[] {
  const width = Math.max(...lines.map(printedWidth))
  const out: string[] = []
  let cur = ''
  for (const line of lines) {
    cur = cur ? joinWrapped(cur, line) : line
    if (endsSentence(line) && printedWidth(line) < width - WIDTH_SLACK) {
      out.push(cur)
      cur = ''
    }
  }
  if (cur) out.push(cur)
  return out
}

/** Headline lines: a line wrapped mid-phrase (ends in a comma, or is long) runs on; others keep a space. */
export function joinHeadLines(lines: string[]): string {
  return lines.reduce((acc, l) => {
    if (!acc) return l
    const prev = acc.slice(acc.lastIndexOf(' ') + 1)
    return /[，、]/.test(prev) || printedWidth(prev) >= 25 ? joinWrapped(acc, l) : `${acc} ${l}`
  }, '')
}
