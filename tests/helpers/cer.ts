// Character error rate of OCR'd text against the text a page was rendered from.

/** Width-folded (NFKC), quotes unified, whitespace dropped: what a reader of the page cannot tell apart. */
export function foldForCer(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„"「」]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, '')
}

/**
 * Edits (insertions, deletions, substitutions) to turn the best-matching stretch of `page` into `ref`:
 * semi-global alignment, free to start and end anywhere in the page, so an article is scored wherever
 * the reading order put it.
 */
export function editsWithin(ref: string, page: string): number {
  const r = [...ref]
  const p = [...page]
  let prev = new Uint32Array(p.length + 1)
  let cur = new Uint32Array(p.length + 1)
  for (let i = 1; i <= r.length; i++) {
    cur[0] = i
    for (let j = 1; j <= p.length; j++) {
      const sub = prev[j - 1]! + (r[i - 1] === p[j - 1] ? 0 : 1)
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1)
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev.reduce((a, b) => Math.min(a, b), r.length)
}

/** Character error rate of the articles' source texts as found in the OCR'd page text: edits / characters. */
export function pageCer(sources: string[], ocrText: string): { edits: number; chars: number; cer: number } {
  const page = foldForCer(ocrText)
  let edits = 0
  let chars = 0
  for (const s of sources) {
    const ref = foldForCer(s)
    edits += editsWithin(ref, page)
    chars += [...ref].length
  }
  return { edits, chars, cer: chars ? edits / chars : 0 }
}
