/** A slice of an article's text, as UTF-16 offsets, so quotes can be cut verbatim. */
export interface Span {
  start: number
  end: number
}

const PASSAGE_MIN = 120
const PASSAGE_MAX = 360

// A sentence ends at 。！？；… or a line break, taking closing quotes and brackets with it.
const SENTENCE_END = /[。！？!?；;…]+[”’」』）)]*|\n+/g

/** Splits text into sentences, as spans that cover it without gaps (whitespace trimmed off). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (const m of text.matchAll(SENTENCE_END)) {
    pushTrimmed(text, start, m.index + m[0].length, spans)
    start = m.index + m[0].length
  }
  pushTrimmed(text, start, text.length, spans)
  return spans
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) out.push({ start, end })
}

/** Groups sentences into passages of a few hundred characters; overlong sentences are cut at commas. */
export function splitPassages(text: string): Span[] {
  const sentences = splitSentences(text).flatMap((s) => cutLong(text, s))
  const passages: Span[] = []
  let cur: Span | undefined
  for (const s of sentences) {
    if (cur && s.end - cur.start <= PASSAGE_MAX && cur.end - cur.start < PASSAGE_MIN) cur.end = s.end
    else if (cur && s.end - cur.start <= PASSAGE_MAX && s.end - s.start < PASSAGE_MIN / 4) cur.end = s.end
    else {
      if (cur) passages.push(cur)
      cur = { ...s }
    }
  }
  if (cur) passages.push(cur)
  return passages
}

function cutLong(text: string, s: Span): Span[] {
  if (s.end - s.start <= PASSAGE_MAX) return [s]
  const out: Span[] = []
  let start = s.start
  while (s.end - start > PASSAGE_MAX) {
    const window = text.slice(start, start + PASSAGE_MAX)
    const comma = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'))
    const cut = comma > PASSAGE_MIN ? start + comma + 1 : start + PASSAGE_MAX
    out.push({ start, end: cut })
    start = cut
  }
  out.push({ start, end: s.end })
  return out
}
