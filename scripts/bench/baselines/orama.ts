// Orama with its official Mandarin tokenizer (Intl.Segmenter words), default BM25 and OR-of-terms matching.
import { create, insert, search } from '@orama/orama'
import { createTokenizer } from '@orama/tokenizers/mandarin'
import { readDocs, type Engine } from '../engine.js'

/** Orama keeps each document in its own store, as a developer using it would; `id` becomes the hit id. */
export function createOrama(): Engine {
  const db = create({ schema: { text: 'string' } as const, components: { tokenizer: createTokenizer() } })

  return {
    async build(docsPath) {
      for await (const doc of readDocs(docsPath)) await insert(db, doc)
    },

    async search(query, k) {
      const result = await search(db, { term: query, properties: ['text'], limit: k })
      return result.hits.map((h) => h.id)
    },
  }
}
