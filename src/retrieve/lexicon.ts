import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The hand-kept dictionary of local names (data/lexicon.txt), found from src/ and dist/ alike. */
export const LEXICON_PATH = fileURLToPath(new URL('../../data/lexicon.txt', import.meta.url))

/** A local name: its other spellings, and whether it names a district (a boost for that area's news). */
export interface LexiconEntry {
  synonyms: string[]
  district: boolean
  /** A reader's word for the name (~开发区), which jieba's own dictionary holds already. */
  readers?: boolean
}

export interface Lexicon {
  /** Every name and every synonym, each mapped to its entry's other forms. */
  entries: Map<string, LexiconEntry>
}

/**
 * Parses lexicon text: one name per line, then its synonyms, separated by spaces; `#district`
 * marks a district name; `~` marks a reader's word that stands for the name one way only; `//` starts a comment.
 */
export function parseLexicon(text: string): Lexicon {
  const entries = new Map<string, LexiconEntry>()
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (!line) continue
    const parts = line.split(/\s+/)
    const district = parts.includes('#district')
    const forms = parts.filter((p) => !p.startsWith('#')).map((p) => p.normalize('NFKC').toLowerCase())
    const names = forms.filter((f) => !f.startsWith('~'))
    for (const name of names) {
      const prev = entries.get(name)
      const synonyms = [...new Set([...(prev?.synonyms ?? []), ...names.filter((n) => n !== name)])]
      entries.set(name, { synonyms, district: district || (prev?.district ?? false) })
    }
    // A reader's word (~开发区) is read as the name; the name is not read as it, since articles use it for others too.
    // Nor is it a district of its own: the names it stands for are.
    for (const said of forms.filter((f) => f.startsWith('~')).map((f) => f.slice(1))) {
      entries.set(said, { synonyms: names, district: false, readers: true })
    }
  }
  return { entries }
}

let cached: Lexicon | undefined

/** The bundled lexicon, read once on first use. */
export function loadLexicon(): Lexicon {
  return (cached ??= parseLexicon(readFileSync(LEXICON_PATH, 'utf8')))
}
