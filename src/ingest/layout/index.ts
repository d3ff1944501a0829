import { parsePageText } from '../page-text.js'
import type { PageMeta, ParsedArticle } from '../types.js'
import { bodyHeight, markHeadings, toLines } from './lines.js'
import type { TextBox } from './lines.js'
import { writePageText } from './paragraphs.js'
import { withRegions } from './regions.js'
import { readingOrder } from './reading-order.js'

export type { TextBox } from './lines.js'
export { withRegions } from './regions.js'

/** A page's size in the units of its boxes (PDF points, image pixels). */
export interface PageSize {
  width: number
  height: number
}

/**
 * Positioned text of one newspaper page (PDF text layer or OCR) → the page text parsePageText reads:
 * lines in reading order across columns, headlines (larger type) on lines of their own, one paragraph a
 * line (read it with `linesAreParagraphs`).
 */
export function layoutPageText(boxes: TextBox[], page: PageSize): string {
  const lines = toLines(boxes.filter((b) => b.x < page.width && b.y < page.height))
  const body = bodyHeight(lines)
  markHeadings(lines, body)
  return writePageText(readingOrder(lines, body), body)
}

/**
 * The articles on a page of positioned text: layout, then the one segmenter every page format goes
 * through, each article with the region of the page it was read from.
 */
export function parseLaidOutPage(boxes: TextBox[], page: PageSize, meta: PageMeta): ParsedArticle[] {
  return withRegions(parsePageText(layoutPageText(boxes, page), meta, { linesAreParagraphs: true }), boxes, page)
}
