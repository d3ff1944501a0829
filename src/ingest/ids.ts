import { createHash } from 'node:crypto'
import type { ParsedArticle } from './types.js'

export function sha1Hex(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex')
}

/**
 * A stable id for an article that came without one. Page articles are keyed by paper, date and
 * headline, so a corrected re-print of the same article keeps its id; headline-less ones by content.
 */
export function deriveArticleId(a: ParsedArticle): string {
  if (!a.title) return `t-${sha1Hex(a.text).slice(0, 12)}`
  const key = [a.paper ?? '', a.issueDate ?? '', a.title.replace(/\s+/g, '')].join('|')
  return `a-${sha1Hex(key).slice(0, 12)}`
}

/** Fingerprint of everything stored about an article, to tell an update from an unchanged re-ingest. */
export function contentHash(a: ParsedArticle): string {
  const { id: _id, ...fields } = a
  return sha1Hex(JSON.stringify(fields, Object.keys(fields).sort()))
}
