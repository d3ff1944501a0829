/**
 * Index tokens as PostgreSQL text search values, built in Node: the tokens are retrieve's, so the
 * server's parser (which would split 2023年 or 9.97 its own way) never sees them.
 */

// tsvector limits: positions above 16383 are stored as 16383, and a lexeme longer than 2047 bytes is refused.
const MAX_POSITION = 16383
const MAX_LEXEME_BYTES = 2047

/** The headline's column weight letter, and the body's (D is the default, printed without a letter). */
export const TITLE_WEIGHT = 'A'

function split(tokens: string): string[] {
  return tokens.split(' ').filter(Boolean)
}

function quote(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}

function fits(token: string): boolean {
  return Buffer.byteLength(token) <= MAX_LEXEME_BYTES
}

/**
 * An article's tsvector literal and length in tokens (FTS5's column sizes summed): headline tokens at
 * positions 1…, weight A; body tokens after a gap of one position, weight D, so no phrase spans both.
 */
export function buildTsvector(titleTokens: string, bodyTokens: string): { tsv: string; tokens: number } {
  const title = split(titleTokens)
  const body = split(bodyTokens)
  const positions = new Map<string, string[]>()
  const add = (token: string, pos: number, weight: string) => {
    if (!fits(token)) return
    const list = positions.get(token) ?? []
    list.push(`${Math.min(pos, MAX_POSITION)}${weight}`)
    positions.set(token, list)
  }
  title.forEach((t, i) => add(t, i + 1, TITLE_WEIGHT))
  body.forEach((t, i) => add(t, title.length + 2 + i, ''))
  const tsv = [...positions].map(([t, list]) => `${quote(t)}:${list.join(',')}`).join(' ')
  return { tsv, tokens: title.length + body.length }
}

/** A tsquery literal matching any of the phrases (each a run of adjacent tokens); '' when none. */
export function buildTsquery(phrases: string[]): string {
  return phrases
    .map((p) => split(p).filter(fits))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => (tokens.length === 1 ? quote(tokens[0]!) : `(${tokens.map(quote).join(' <-> ')})`))
    .join(' | ')
}

/** Where one lexeme stands in one article: its positions and, per position, its weight letter. */
export interface LexemeHits {
  positions: number[]
  weights: string[]
}

// A lexeme of tsvector text ('…' with ' and \\ doubled) and its positions (digits, maybe a weight letter).
const ENTRY = /'((?:[^'\\]|''|\\.)*)':([\dA-D,]+)/g

function parseTsvectorText(text: string, weight: string, into: Map<string, LexemeHits>): void {
  for (const [, quoted, list] of text.matchAll(ENTRY)) {
    const lexeme = quoted!.replaceAll("''", "'").replace(/\\(.)/g, '$1')
    const hits = into.get(lexeme) ?? { positions: [], weights: [] }
    for (const p of list!.split(',')) {
      hits.positions.push(Number.parseInt(p, 10))
      hits.weights.push(weight)
    }
    into.set(lexeme, hits)
  }
}

/** The positions of the query's lexemes in an article, from its headline's and its body's tsvector text. */
export function parseHits(titleHits: string, bodyHits: string): Map<string, LexemeHits> {
  const hits = new Map<string, LexemeHits>()
  parseTsvectorText(titleHits, TITLE_WEIGHT, hits)
  parseTsvectorText(bodyHits, 'D', hits)
  return hits
}

/**
 * How often a phrase occurs in an article's headline and in its body (overlapping occurrences count,
 * as in FTS5), from the positions of the phrase's lexemes.
 */
export function countPhrase(phrase: string, hits: Map<string, LexemeHits>): { title: number; body: number } {
  const tokens = split(phrase)
  const first = hits.get(tokens[0] ?? '')
  const counts = { title: 0, body: 0 }
  if (!first) return counts
  const at = tokens.map((t) => {
    const h = hits.get(t)
    return new Map(h ? h.positions.map((p, i) => [p, h.weights[i]!] as const) : [])
  })
  first.positions.forEach((start, i) => {
    const weight = first.weights[i]!
    if (tokens.every((_, j) => at[j]!.get(start + j) === weight)) counts[weight === TITLE_WEIGHT ? 'title' : 'body']++
  })
  return counts
}
