// PLACEHOLDER until the segmenter lands (owned by the segmenter helper; overwrite freely).
import type { PageMeta, ParsedArticle } from './types.js'

export function parsePageText(text: string, meta: PageMeta): ParsedArticle[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => ({ title: '', text: p.trim(), reporters: [], correspondents: [], dateInferred: false, ...meta }))
}
