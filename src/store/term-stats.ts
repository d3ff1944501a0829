import { statementCache, type Db } from './db.js'

// fts5vocab over the article index, as a per-connection temp table: no migration, always in sync.
const statements = statementCache((db) => {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab USING fts5vocab(main, 'articles_fts', 'row')")
  return {
    docs: db.prepare<[string], number>('SELECT doc FROM temp.articles_vocab WHERE term = ?').pluck(),
    total: db.prepare<[], number>('SELECT count(*) FROM articles').pluck(),
  }
})

/** How many articles contain each token, and how many articles there are: the inputs of an IDF. */
export function getTermDocCounts(db: Db, tokens: Iterable<string>): { total: number; docs: Map<string, number> } {
  const s = statements(db)
  const docs = new Map<string, number>()
  for (const t of tokens) if (!docs.has(t)) docs.set(t, s.docs.get(t) ?? 0)
  return { total: s.total.get() ?? 0, docs }
}
