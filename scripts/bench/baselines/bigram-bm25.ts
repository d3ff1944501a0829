// The classic Chinese IR baseline: overlapping character bigrams scored with Okapi BM25, no dictionary.
import { readDocs, type Engine } from '../engine.js'

const K1 = 1.2
const B = 0.75
// Han runs become bigrams; runs of other letters/digits (Latin words, numbers) stay whole terms.
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu
const HAN = /^\p{Script=Han}/u

/** Overlapping character bigrams of the Han runs of a text, plus its other words whole (lower-cased). */
export function bigramTerms(text: string): string[] {
  const terms: string[] = []
  for (const [run] of text.toLowerCase().matchAll(RUN)) {
    if (!HAN.test(run) || run.length === 1) terms.push(run)
    else for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2))
  }
  return terms
}

/** An in-memory inverted index; a posting packs (doc index, tf) into one small integer to halve memory. */
export function createBigramBm25(): Engine {
  const postings = new Map<string, number[]>()
  const ids: string[] = []
  const lengths: number[] = []
  let avgLength = 0
  let scores = new Float64Array(0)

  return {
    async build(docsPath) {
      for await (const doc of readDocs(docsPath)) {
        const counts = new Map<string, number>()
        const terms = bigramTerms(doc.text)
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1)
        for (const [t, tf] of counts) {
          const list = postings.get(t) ?? postings.set(t, []).get(t)!
          list.push(ids.length * 256 + Math.min(tf, 255))
        }
        ids.push(doc.id)
        lengths.push(terms.length)
      }
      avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(ids.length, 1)
      scores = new Float64Array(ids.length)
    },

    search(query, k) {
      const touched: number[] = []
      for (const term of new Set(bigramTerms(query))) {
        const list = postings.get(term)
        if (!list) continue
        const idf = Math.log(1 + (ids.length - list.length + 0.5) / (list.length + 0.5))
        for (const p of list) {
          const doc = Math.floor(p / 256)
          const tf = p % 256
          if (scores[doc] === 0) touched.push(doc)
          scores[doc]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]!) / avgLength))
        }
      }
      const top = topK(touched, scores, k)
      for (const doc of touched) scores[doc] = 0
      return top.map((doc) => ids[doc]!)
    },
  }
}

/** The k best documents by score, best first (a small insertion-sorted buffer beats sorting every hit). */
function topK(docs: number[], scores: Float64Array, k: number): number[] {
  const best: number[] = []
  for (const doc of docs) {
    const s = scores[doc]!
    if (best.length === k && s <= scores[best[k - 1]!]!) continue
    let i = Math.min(best.length, k - 1)
    while (i > 0 && scores[best[i - 1]!]! < s) i--
    best.splice(i, 0, doc)
    if (best.length > k) best.pop()
  }
  return best
}
