import { sha1Hex } from './ids.js'
import { metaFromFileName } from './page-origin.js'
import type { PageMeta } from './types.js'

// What is known about a file before it is read (manifest, flags, its name), and its key in the file hash.

// The same bytes under other flags (paper, date) are a different ingest.
export function metaKey(meta: PageMeta): string {
  const key = JSON.stringify(definedOnly(meta))
  return key === '{}' ? '' : `:${sha1Hex(key).slice(0, 8)}`
}

/** A page's manifest and flags, filled in from its file name where they are silent (marked inferred). */
export function withFileNameGuess(file: string, given: PageMeta): PageMeta {
  const guess = metaFromFileName(file)
  return definedOnly({
    ...guess,
    ...given,
    paperInferred: given.paper !== undefined ? given.paperInferred : guess.paperInferred,
    dateInferred: given.issueDate !== undefined ? given.dateInferred : guess.dateInferred,
  })
}

/** The fields that are set (a flag not given must not override a manifest). */
export function definedOnly(meta: PageMeta | undefined): PageMeta {
  return Object.fromEntries(Object.entries(meta ?? {}).filter(([, v]) => v !== undefined)) as PageMeta
}
