/** A run of text found on a page image or in a PDF text layer, with its box (top-left origin, page units). */
export interface TextBox {
  text: string
  x: number
  y: number
  width: number
  height: number
  /** 0–1 where the reader (OCR) reports one. */
  confidence?: number
}

/** One printed line: the boxes on one baseline next to each other, joined. */
export interface Line {
  text: string
  x: number
  y: number
  width: number
  height: number
  /** Set by markHeadings: larger type than the body text. */
  heading: boolean
  confidence?: number
}

// Two boxes are on one line when they overlap this much vertically (share of the smaller height)…
const SAME_LINE = 0.5
// …and, before the page is cut into columns, the gap between them is under this many character heights:
// a wider gap may be a gutter (1–2 characters) or a justified line's stretched space, told apart only by
// the lines around it. Inside a column (joinRows) any gap is a space.
const TOUCHING = 0.3
// Type this much larger than the body's is a headline (a subheadline is about 1.3×, a headline 1.6–2.5×).
export const HEADING_RATIO = 1.2

/** Joins boxes that touch on one baseline into runs (a PDF may give every character a box of its own). */
export function toLines(boxes: TextBox[]): Line[] {
  const runs = boxes.filter((b) => b.text.trim() && b.width > 0 && b.height > 0).map((b) => ({ ...b, heading: false }))
  return mergeOnRows(runs, TOUCHING)
}

/** The lines of one column or headline: runs on one baseline joined, a space where they stand apart. */
export function joinRows(lines: Line[]): Line[] {
  return mergeOnRows(lines.map((l) => ({ ...l })), Infinity).sort((a, b) => a.y - b.y || a.x - b.x)
}

function mergeOnRows(runs: Line[], maxGap: number): Line[] {
  const lines: Line[] = []
  for (const r of runs.sort((a, b) => a.x - b.x || a.y - b.y)) {
    const line = lines.find((l) => continuesLine(l, r, maxGap))
    if (line) extend(line, r)
    else lines.push(r)
  }
  return lines
}

function continuesLine(l: Line, b: Line, maxGap: number): boolean {
  const overlap = Math.min(l.y + l.height, b.y + b.height) - Math.max(l.y, b.y)
  const h = Math.min(l.height, b.height)
  const gap = b.x - (l.x + l.width)
  return overlap >= SAME_LINE * h && gap <= maxGap * h && gap >= -h && Math.abs(l.height - b.height) <= 0.3 * h
}

function extend(l: Line, b: Line): void {
  const gap = b.x - (l.x + l.width)
  // A gap of about a character's width is a space the reader left out (between names in a byline).
  l.text += gap > 0.5 * b.height && !/\s$/.test(l.text) ? ` ${b.text}` : b.text
  const right = Math.max(l.x + l.width, b.x + b.width)
  const bottom = Math.max(l.y + l.height, b.y + b.height)
  l.y = Math.min(l.y, b.y)
  l.width = right - l.x
  l.height = bottom - l.y
  l.heading ||= b.heading
  if (b.confidence !== undefined) l.confidence = Math.min(l.confidence ?? 1, b.confidence)
}

/** The body type's size: the height most of the page's characters are set in. */
export function bodyHeight(lines: Line[]): number {
  const weighted = lines.map((l) => [l.height, [...l.text].length] as const).sort((a, b) => a[0] - b[0])
  const total = weighted.reduce((n, [, c]) => n + c, 0)
  let seen = 0
  for (const [h, c] of weighted) if ((seen += c) >= total / 2) return h
  return 0
}

/** Marks lines set in larger type than the body as headings. */
export function markHeadings(lines: Line[], body: number): void {
  for (const l of lines) l.heading = l.height >= HEADING_RATIO * body
}
