import { collapseSpacing, endsSentence, joinWrapped } from '../normalize.js'
import { joinRows, type Line } from './lines.js'
import type { Region } from './reading-order.js'

// A first line set in by 1–3.5 characters is indented: a new paragraph (2 em is the Chinese norm).
const INDENT_MIN = 0.8
const INDENT_MAX = 3.5
// A line ending this many characters short of the column's right edge ends its paragraph.
const SHORT_BY = 1.2
// A headline line this close to its article's width was wrapped by the typesetter, not broken on purpose.
const WRAPPED_HEAD = 0.85
// Lines of one headline differ in height by less than this share (a kicker or subheadline is smaller).
const SAME_SIZE = 0.1

/**
 * Writes regions in reading order as the page text parsePageText reads: each headline line on its own with
 * blank lines around the headline, each paragraph on one line (rejoined from the column's lines, also across
 * columns when the next column carries it on), and a blank line between regions that do not run on.
 */
export function writePageText(regions: Region[], body: number): string {
  const out: string[] = []
  let open: { lines: string[]; full: boolean } | undefined
  const flush = (blank: boolean) => {
    if (open) out.push(joinLines(open.lines))
    open = undefined
    if (blank && out.at(-1) !== '') out.push('')
  }
  for (const region of regions) {
    runs(joinRows(region.lines)).forEach((run, r, all) => {
      // Text right above a headline in its region is a label (section, kicker), not an article's text.
      if (run[0]!.heading || all[r + 1]?.[0]!.heading) {
        flush(true)
        out.push(...(run[0]!.heading ? headLines(run, region.span.width) : run.map((l) => l.text)), '')
        return
      }
      const { left, right } = edges(run)
      run.forEach((l, i) => {
        const indent = l.x - left
        const prev = run[i - 1]
        const starts = prev
          ? isIndent(indent, body) || !isFull(prev, left, right, body) || (indent > INDENT_MAX * body && endsSentence(prev.text))
          : !open?.full || isIndent(indent, body) || endsSentence(open.lines.at(-1)!)
        // A region that does not carry the paragraph on is a block of its own.
        if (starts) flush(!prev)
        const full = isFull(l, left, right, body)
        open = { lines: [...(open?.lines ?? []), l.text], full }
      })
    })
  }
  flush(false)
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n'
}

/** A paragraph's lines as one: lines of a column lose their spacing (justified type spreads characters). */
function joinLines(lines: string[]): string {
  if (lines.length === 1) return lines[0]!
  return lines.map(collapseSpacing).reduce((a, b) => joinWrapped(a, b))
}

function isIndent(indent: number, body: number): boolean {
  return indent >= INDENT_MIN * body && indent <= INDENT_MAX * body
}

/** A line set across the whole column (a right-aligned byline is not). */
function isFull(l: Line, left: number, right: number, body: number): boolean {
  return l.x + l.width >= right - SHORT_BY * body && l.x - left <= INDENT_MAX * body
}

/** Consecutive lines of one kind: headline lines, or text lines. */
function runs(lines: Line[]): Line[][] {
  const out: Line[][] = []
  for (const l of lines) {
    const last = out.at(-1)
    if (last && last[0]!.heading === l.heading) last.push(l)
    else out.push([l])
  }
  return out
}

function edges(lines: Line[]): { left: number; right: number } {
  return { left: Math.min(...lines.map((l) => l.x)), right: Math.max(...lines.map((l) => l.x + l.width)) }
}

/**
 * Headline lines, one per type size (kicker, headline, subheadline): lines the typesetter wrapped at the
 * article's width run on, lines broken on purpose keep a space.
 */
function headLines(lines: Line[], width: number): string[] {
  const out: string[] = []
  let prev: Line | undefined
  for (const l of lines) {
    if (!prev || Math.abs(l.height - prev.height) > SAME_SIZE * prev.height) out.push(l.text)
    else out[out.length - 1] = prev.width >= WRAPPED_HEAD * width ? joinWrapped(out.at(-1)!, l.text) : `${out.at(-1)} ${l.text}`
    prev = l
  }
  return out
}
