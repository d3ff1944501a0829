import { contentHash } from './ids.js'
import { splitPassages } from './passages.js'
import type { ArticleInput, ParsedArticle } from './types.js'

/** A parsed article made ready for the store: its id, content hash and passage spans. */
export function prepareArticle(a: ParsedArticle, id: string): ArticleInput {
  const article = { ...a, id }
  return { ...article, contentHash: contentHash(article), passages: splitPassages(a.text) }
}

/** Two articles of one file with the same headline get -2, -3… so neither overwrites the other. */
export function uniqueId(id: string, seen: Map<string, number>): string {
  const n = (seen.get(id) ?? 0) + 1
  seen.set(id, n)
  return n === 1 ? id : `${id}-${n}`
}
