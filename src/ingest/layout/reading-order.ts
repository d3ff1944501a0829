import type { Line } from './lines.js'

/** A part of the page read as a whole: one column of one article, or a headline. Lines top to bottom. */
export interface Region {
  lines: Line[]
  /** The measure the region is set in: a column's, or for a headline the width of its article's text. */
  span: { x: number; width: number }
}

// Whitespace between articles (and around boxes) is at least this many body-type heights; line spacing
// inside a column is less (leading 1.2–1.6 leaves 0.2–0.6), so columns set side by side are never cut across.
const ARTICLE_GAP = 0.9
// A gutter between columns is at least this wide (in body heights); the gap between words on a line is less.
const GUTTER = 0.8
// A headline stands this far, at least, above its text.
const HEAD_GAP = 0.15

/**
 * Puts a page's lines in reading order by recursive XY-cut, the way a reader takes a newspaper page:
 * rows of articles top to bottom, within a row the articles and columns left to right, a headline before
 * the columns it spans. A horizontal cut never parts a headline from the text right under it; a headline
 * band is split off only once the region below it is one article's.
 */
export function readingOrder(lines: Line[], body: number): Region[] {
  if (lines.length === 0) return []
  return cut(lines, body, boundsOf(lines))
}

function cut(lines: Line[], body: number, span: Region['span']): Region[] {
  const strong = joinHeadlinesToText(splitRows(lines, ARTICLE_GAP * body), body)
  // A headline standing alone above its text is measured against that text (see writePageText).
  const measure = (r: Line[], k: number) => (isHeadOnly(r, body) && strong[k + 1] ? boundsOf(strong[k + 1]!) : boundsOf(r))
  if (strong.length > 1) return strong.flatMap((r, k) => cut(r, body, measure(r, k)))
  const cols = splitColumns(lines, GUTTER * body)
  if (cols.length > 1) return cols.flatMap((c) => cut(c, body, boundsOf(c)))
  const head = splitHeadBand(lines, HEAD_GAP * body)
  if (head) return [{ lines: head[0], span: boundsOf(head[1]) }, ...cut(head[1], body, boundsOf(head[1]))]
  return [{ lines: sortLines(lines), span }]
}

/** Splits lines at horizontal whitespace bands at least `gap` high, top to bottom. */
function splitRows(lines: Line[], gap: number): Line[][] {
  return splitAlong(lines, gap, (l) => l.y, (l) => l.height)
}

/** Splits lines at vertical gutters at least `gap` wide, left to right. */
function splitColumns(lines: Line[], gap: number): Line[][] {
  return splitAlong(lines, gap, (l) => l.x, (l) => l.width)
}

/** Groups lines along one axis, starting a new group wherever an empty stretch at least `gap` long lies before a line. */
function splitAlong(lines: Line[], gap: number, start: (l: Line) => number, size: (l: Line) => number): Line[][] {
  const sorted = [...lines].sort((a, b) => start(a) - start(b))
  const groups: Line[][] = []
  let end = -Infinity
  for (const l of sorted) {
    if (start(l) - end >= gap || groups.length === 0) groups.push([])
    groups.at(-1)!.push(l)
    end = Math.max(end, start(l) + size(l))
  }
  return groups
}

/**
 * Undoes the cuts that would part a headline from its text: a row ending in a headline goes with the row
 * below unless the row is that headline alone (then it is read first, and the text below after it anyway).
 */
function joinHeadlinesToText(rows: Line[][], body: number): Line[][] {
  const out: Line[][] = []
  for (const row of rows) {
    const prev = out.at(-1)
    if (prev && endsInHeadline(prev) && !isHeadOnly(prev, body)) prev.push(...row)
    else out.push([...row])
  }
  return out
}

function endsInHeadline(row: Line[]): boolean {
  const bottom = Math.max(...row.map((l) => l.y + l.height))
  return row.some((l) => l.heading && bottom - (l.y + l.height) < l.height)
}

/** A band of headline lines (with the labels above them) that is one article's: no gutter runs through its headlines. */
function isHeadBand(lines: Line[]): boolean {
  const heads = lines.filter((l) => l.heading)
  return heads.length > 0 && splitColumns(heads, 0).length === 1
}

/**
 * The headline band at the top of a region (labels, headline and subheadline lines, parted by thin gaps)
 * and the text below it, so that the text can then be cut into its columns.
 */
function splitHeadBand(lines: Line[], gap: number): [Line[], Line[]] | undefined {
  const { rows, k } = headRows(lines, gap)
  const band = rows.slice(0, k).flat()
  if (k === 0 || k === rows.length || !isHeadBand(band)) return undefined
  return [sortLines(band), rows.slice(k).flat()]
}

/** Lines that are one article's headline band and nothing else (no text under it). */
function isHeadOnly(lines: Line[], body: number): boolean {
  const { rows, k } = headRows(lines, HEAD_GAP * body)
  return k === rows.length && isHeadBand(lines)
}

/** The thin rows of some lines, and how many at the top are headline rows or labels right above one. */
function headRows(lines: Line[], gap: number): { rows: Line[][]; k: number } {
  const rows = splitRows(lines, gap)
  const hasHeading = (row: Line[] | undefined) => row?.some((l) => l.heading) ?? false
  let k = 0
  while (k < rows.length && (hasHeading(rows[k]) || hasHeading(rows[k + 1]))) k++
  return { rows, k }
}

function sortLines(lines: Line[]): Line[] {
  return [...lines].sort((a, b) => a.y - b.y || a.x - b.x)
}

function boundsOf(lines: Line[]): Region['span'] {
  const x = Math.min(...lines.map((l) => l.x))
  return { x, width: Math.max(...lines.map((l) => l.x + l.width)) - x }
}
