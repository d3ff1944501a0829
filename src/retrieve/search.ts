import { getArticleByPk, matchArticles, matchPassages, type Db, type SearchFilters } from '../store/index.js'
import { tokenize } from './tokenize.js'

export interface SearchOptions extends SearchFilters {
  /** How many articles to return (default 10). */
  k?: number
}

/** One ranked article: its best passages (offsets into its text, best first) and a snippet. */
export interface SearchHit {
  id: string
  title: string
  paper: string
  date: string | null
  /** Higher is better. */
  score: number
  snippet: string
  text: string
  passages: { start: number; end: number }[]
}

/**
 * Ranks articles for a free-text query. The query's tokens are each quoted, so nothing a user
 * types (quotes, AND/OR/NOT, *, ^, :, parentheses) is read as FTS5 syntax.
 */
export function searchArticles(db: Db, query: string, opts: SearchOptions = {}): SearchHit[] {
  const match = toMatchExpression(tokenize(query))
  if (!match) return []
  const matches = matchArticles(db, match, opts, opts.k ?? 10)
  const passages = matchPassages(db, match, matches.map((m) => m.pk))
  return matches.map((m) => {
    const text = getArticleByPk(db, m.pk)?.text ?? ''
    const own = passages.filter((p) => p.articlePk === m.pk).map(({ start, end }) => ({ start, end }))
    const best = own[0] ?? { start: 0, end: Math.min(text.length, 120) }
    return { id: m.id, title: m.title, paper: m.paper, date: m.date, score: -m.score, snippet: text.slice(best.start, best.end), text, passages: own }
  })
}

/** An OR of quoted tokens: every token is a phrase, so FTS5 operators in user text stay text. */
export function toMatchExpression(tokens: string[]): string {
  return [...new Set(tokens)].map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ')
}
