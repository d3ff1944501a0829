// FlexSearch 0.8 configured for CJK the way its README shows: the CJK charset (one term per character)
// plus the context index (adjacent-term pairs, which for single characters are bigrams) and
// `suggest`, so a question whose every character is not in one document still returns partial matches.
import { Charset, Index } from 'flexsearch'
import { readDocs, type Engine } from '../engine.js'

/** FlexSearch ranks by term position and context, not BM25; numeric ids keep its index compact. */
export function createFlexSearch(): Engine {
  const index = new Index({
    encoder: Charset.CJK,
    tokenize: 'strict',
    context: { depth: 1, bidirectional: true, resolution: 9 },
  })
  const ids: string[] = []

  return {
    async build(docsPath) {
      for await (const doc of readDocs(docsPath)) index.add(ids.push(doc.id) - 1, doc.text)
    },

    search(query, k) {
      return index.search(query, { limit: k, suggest: true }).map((n) => ids[Number(n)]!)
    },
  }
}
