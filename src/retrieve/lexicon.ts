import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The hand-kept dictionary of local names (data/lexicon.txt), found from src/ and dist/ alike. */
export const LEXICON_PATH = fileURLToPath(new URL('../../data/lexicon.txt', import.meta.url))

/** A local name: its other spellings, and whether it names a district (a boost for that area's news). */
export interface LexiconEntry {
  synonyms: string[]
  district: boolean
}

export interface Lexicon {
  /** Every name and every synonym, each mapped to its entry's other forms. */
  entries: Map<string, LexiconEntry>
}

/**
 * Parses lexicon text: one name per line, then its synonyms, separated by spaces; `#district`
 * marks a district name; `//` starts a comment.
 */
export function parseLexicon(text: string): Lexicon {
  const entries = new Map<string, LexiconEntry>()
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (!line) continue
    const parts = line.split(/\s+/)
    const district = parts.includes('#district')
    const names = parts.filter((p) => !p.startsWith('#')).map((p) => p.normalize('NFKC').toLowerCase())
    for (const name of names) {
      const prev = entries.get(name)
      const synonyms = [...new Set([...(prev?.synonyms ?? []), ...names.filter((n) => n !== name)])]
      entries.set(name, { synonyms, district: district || (prev?.district ?? false) })
    }
  }
  return { entries }
}

let cached: Lexicon | undefined

/** The bundled lexicon, read once on first use. */
export function loadLexicon(): Lexicon {
  return (cached ??= parseLexicon(readFileSync(LEXICON_PATH, 'utf8')))
}
