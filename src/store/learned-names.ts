import { statementCache, type Db } from './db.js'

/** Finds the candidate local names in an article's text (retrieve's index extractor). */
export type ExtractNames = (article: { title: string; subtitle?: string | null; text: string }) => string[]

const statements = statementCache((db) => ({
  add: db.prepare<[string]>(
    `INSERT INTO learned_names (name, articles) VALUES (?, 1)
     ON CONFLICT (name) DO UPDATE SET articles = articles + 1`,
  ),
  remove: db.prepare<[string]>('UPDATE learned_names SET articles = articles - 1 WHERE name = ?'),
  prune: db.prepare<[string]>('DELETE FROM learned_names WHERE name = ? AND articles <= 0'),
  article: db.prepare<[number], { title: string; subtitle: string | null; text: string }>(
    'SELECT title, subtitle, text FROM articles WHERE pk = ?',
  ),
  counts: db.prepare<[string], { name: string; articles: number }>(
    'SELECT name, articles FROM learned_names WHERE name IN (SELECT value FROM json_each(?))',
  ),
}))

/** Counts an article's names (one each, however often it repeats them); call inside its write. */
export function learnArticleNames(db: Db, names: string[]): void {
  const s = statements(db)
  for (const name of new Set(names)) s.add.run(name)
}

/** Takes a stored article's names off the counts before it is rewritten or removed. */
export function forgetArticleNames(db: Db, articlePk: number, extract: ExtractNames): void {
  const s = statements(db)
  const row = s.article.get(articlePk)
  if (!row) return
  for (const name of new Set(extract(row))) {
    s.remove.run(name)
    s.prune.run(name)
  }
}

/** How many articles each of the given names was learned from (names never seen are left out). */
export function getLearnedNameCounts(db: Db, names: string[]): Map<string, number> {
  if (names.length === 0) return new Map()
  return new Map(statements(db).counts.all(JSON.stringify(names)).map((r) => [r.name, r.articles]))
}
