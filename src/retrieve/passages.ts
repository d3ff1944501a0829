import { foldText } from './tokenize.js'
import type { QueryTerm } from './query.js'

/** A slice of an article's text, as UTF-16 offsets. */
export interface Span {
  start: number
  end: number
}

// A whole word or a name found in a passage says more than one of its bigrams.
const KIND_WEIGHT: Record<QueryTerm['kind'], number> = { word: 2, synonym: 1.5, bigram: 1 }

/**
 * Orders an article's passages by how many of the query's terms each holds (weighted by kind),
 * best first; passages with none are left out, unless none has any (then the first passage).
 */
export function rankPassages(text: string, spans: Span[], terms: QueryTerm[]): Span[] {
  const scored = spans.map((span, i) => {
    const folded = foldText(text.slice(span.start, span.end))
    let score = 0
    for (const t of terms) if (folded.includes(t.text)) score += KIND_WEIGHT[t.kind]
    return { span, score, i }
  })
  const hits = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.i - b.i)
  if (hits.length > 0) return hits.map((s) => s.span)
  return spans.length > 0 ? [spans[0]!] : [{ start: 0, end: Math.min(text.length, 120) }]
}
