// How much of a reference an answer holds, as the CRUD bench scores it: the reference answer's
// character bigrams found in the answer, and the item's key facts found verbatim.

/** NFKC, lower case, no whitespace, punctuation or citation markers: the form both sides are compared in. */
export function normalize(text: string): string {
  return text
    .replace(/\[\d+\]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
}

function bigrams(text: string): Set<string> {
  const chars = [...normalize(text)]
  const out = new Set<string>()
  if (chars.length === 1) out.add(chars[0]!)
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  return out
}

/** Share of the reference's character bigrams (punctuation ignored) that the text holds. */
export function bigramRecall(text: string, reference: string): number {
  const want = bigrams(reference)
  if (want.size === 0) return 0
  const have = bigrams(text)
  let n = 0
  for (const g of want) if (have.has(g)) n++
  return n / want.size
}

/** Share of the facts found verbatim (after normalising) in the text. */
export function factRecall(text: string, facts: string[]): number {
  const useful = facts.filter((f) => normalize(f).length > 0)
  if (useful.length === 0) return 0
  const t = normalize(text)
  return useful.filter((f) => t.includes(normalize(f))).length / useful.length
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor(s.length / 2)]! : 0
}
