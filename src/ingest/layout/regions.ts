import type { PageRegion, ParsedArticle } from '../types.js'
import { toLines, type TextBox } from './lines.js'

// A run shorter than this (after folding) could stand in many articles: it places none.
const MIN_RUN_CHARS = 4

/** Letters and digits only, full-width folded: how a printed run and an article's stored text are compared. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * Each article with the region of the page it was read from: the box around the printed runs its
 * headline, text and byline hold, as shares of the page's width and height (0–1), so a reader or the
 * operator can find it on the page image whatever its resolution.
 */
export function withRegions(articles: ParsedArticle[], boxes: TextBox[], page: { width: number; height: number }): ParsedArticle[] {
  const runs = toLines(boxes).map((line) => ({ line, text: fold(line.text) })).filter((r) => [...r.text].length >= MIN_RUN_CHARS)
  const printed = articles.map((a) => fold([a.title, a.subtitle, a.dateline, a.text, a.byline].filter(Boolean).join('')))
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = articles.map(() => ({ x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }))
  for (const { line, text } of runs) {
    // A run printed in several articles (a repeated slogan) places none of them.
    const holders = printed.flatMap((p, i) => (p.includes(text) ? [i] : []))
    if (holders.length !== 1) continue
    const box = placed[holders[0]!]!
    box.x0 = Math.min(box.x0, line.x)
    box.y0 = Math.min(box.y0, line.y)
    box.x1 = Math.max(box.x1, line.x + line.width)
    box.y1 = Math.max(box.y1, line.y + line.height)
  }
  return articles.map((a, i) => {
    const b = placed[i]!
    if (!Number.isFinite(b.x0) || page.width <= 0 || page.height <= 0) return a
    const share = (v: number, of: number) => Math.round((Math.min(Math.max(v, 0), of) / of) * 1000) / 1000
    const region: PageRegion = { x: share(b.x0, page.width), y: share(b.y0, page.height), width: share(b.x1 - b.x0, page.width), height: share(b.y1 - b.y0, page.height) }
    return { ...a, region }
  })
}
