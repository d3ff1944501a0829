import { foldedSlices, type FoldedSlices } from './tokenize.js'

/** A slice of an article's text, as UTF-16 offsets. */
export interface Span {
  start: number
  end: number
}

/** A question term as passages are scored by it: folded surface text and a weight (its IDF). */
export interface WeightedTerm {
  text: string
  weight: number
}

/** The summed weight of the distinct terms a passage holds; `fold` gives the article's folded slices. */
export function scorePassage(fold: FoldedSlices, span: Span, terms: WeightedTerm[]): number {
  const folded = fold(span.start, span.end)
  let score = 0
  for (const t of terms) if (folded.includes(t.text)) score += t.weight
  return score
}

/**
 * Orders an article's passages by the weight of the question's terms each holds, best first;
 * passages with none are left out, unless none has any (then the first passage).
 */
export function rankPassages(text: string, spans: Span[], terms: WeightedTerm[], fold: FoldedSlices = foldedSlices(text)): Span[] {
  const hits = spans
    .map((span, i) => ({ span, i, score: scorePassage(fold, span, terms) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
  if (hits.length > 0) return hits.map((s) => s.span)
  return spans.length > 0 ? [spans[0]!] : [{ start: 0, end: Math.min(text.length, 120) }]
}
