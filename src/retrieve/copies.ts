/**
 * Near-copies: the same story printed twice (a reprint, a story run again in a later issue)
 * differs in a few characters at most. A ranked list shows each story once, its copies after the
 * distinct stories, so they do not crowd out the other answers.
 */

// Share of character bigrams two texts have in common (Jaccard) from which one is a copy of the other.
export const COPY_SIMILARITY = 0.9

function bigramSet(text: string): Set<string> {
  const grams = new Set<string>()
  for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2))
  return grams
}

function isCopy(a: Set<string>, b: Set<string>): boolean {
  // Jaccard ≥ s needs the smaller set to be at least s times the larger: most pairs stop here.
  if (Math.min(a.size, b.size) < COPY_SIMILARITY * Math.max(a.size, b.size)) return false
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return shared / (a.size + b.size - shared) >= COPY_SIMILARITY
}

/** True when one text is a near-copy of the other (a reprint of the same story). */
export function isNearCopy(a: string, b: string): boolean {
  return isCopy(bigramSet(a), bigramSet(b))
}

/**
 * The first `k` of a ranked list with each item's near-copies of a higher-ranked item moved after
 * the distinct ones (order otherwise kept). Only as many items are compared as it takes to find k.
 */
export function demoteCopies<T>(ranked: T[], k: number, textOf: (item: T) => string): T[] {
  const distinct: T[] = []
  const copies: T[] = []
  const seen: Set<string>[] = []
  let i = 0
  for (; i < ranked.length && distinct.length < k; i++) {
    const grams = bigramSet(textOf(ranked[i]!))
    if (seen.some((s) => isCopy(s, grams))) copies.push(ranked[i]!)
    else {
      distinct.push(ranked[i]!)
      seen.push(grams)
    }
  }
  return [...distinct, ...copies, ...ranked.slice(i)].slice(0, k)
}
