/**
 * Near-copies: the same story printed twice (a reprint, a story run again in a later issue)
 * differs in a few characters at most. A ranked list shows each story once, its copies after the
 * distinct stories, so they do not crowd out the other answers.
 */

// Share of character bigrams two texts have in common (Jaccard) from which one is a copy of the other.
export const COPY_SIMILARITY = 0.9

/**
 * A text's distinct character bigrams, each pair of UTF-16 units packed into one int in an
 * open-addressing table (0 marks an empty slot; the bigram of two NUL characters is `hasZero`):
 * several times cheaper to build and probe than a Set of two-character strings.
 */
interface BigramSet {
  slots: Int32Array
  mask: number
  size: number
  hasZero: boolean
}

// Fibonacci hashing: the product's high bits spread bigrams that share a character.
const slotOf = (gram: number, mask: number) => (Math.imul(gram, 0x9e3779b1) >>> 16) & mask

function bigramSet(text: string): BigramSet {
  let capacity = 16
  while (capacity < 2 * text.length) capacity *= 2
  const slots = new Int32Array(capacity)
  const mask = capacity - 1
  let size = 0
  let hasZero = false
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)
    if (gram === 0) {
      if (!hasZero) size++
      hasZero = true
      continue
    }
    for (let slot = slotOf(gram, mask); ; slot = (slot + 1) & mask) {
      const held = slots[slot]
      if (held === gram) break
      if (held === 0) {
        slots[slot] = gram
        size++
        break
      }
    }
  }
  return { slots, mask, size, hasZero }
}

function has(set: BigramSet, gram: number): boolean {
  if (gram === 0) return set.hasZero
  for (let slot = slotOf(gram, set.mask); ; slot = (slot + 1) & set.mask) {
    const held = set.slots[slot]
    if (held === gram) return true
    if (held === 0) return false
  }
}

function isCopy(a: BigramSet, b: BigramSet): boolean {
  // Jaccard ≥ s needs the smaller set to be at least s times the larger: most pairs stop here.
  if (Math.min(a.size, b.size) < COPY_SIMILARITY * Math.max(a.size, b.size)) return false
  const jaccard = (shared: number) => shared / (a.size + b.size - shared)
  let shared = a.hasZero && b.hasZero ? 1 : 0
  let missed = a.hasZero && !b.hasZero ? 1 : 0
  for (const gram of a.slots) {
    if (gram === 0) continue
    if (has(b, gram)) shared++
    // Not a copy even if every bigram left were shared: most pairs of similar length stop early here.
    else if (jaccard(a.size - ++missed) < COPY_SIMILARITY) return false
  }
  return jaccard(shared) >= COPY_SIMILARITY
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
  const seen: BigramSet[] = []
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
