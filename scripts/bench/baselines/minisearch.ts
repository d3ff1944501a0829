// MiniSearch (BM25+) with a word tokenizer on Intl.Segmenter('zh'), the built-in ICU segmenter of Node.
import MiniSearch from 'minisearch'
import { readDocs, type Engine } from '../engine.js'

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** The word-like segments of a text (punctuation and spaces dropped). */
export function segmentWords(text: string): string[] {
  const words: string[] = []
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment)
  return words
}

/** Default search options (OR of terms, no prefix or fuzzy matching): what the docs start a developer with. */
export function createMiniSearch(): Engine {
  const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize: segmentWords })

  return {
    async build(docsPath) {
      for await (const doc of readDocs(docsPath)) index.add(doc)
    },

    search(query, k) {
      return index.search(query).slice(0, k).map((r) => String(r.id))
    },
  }
}
