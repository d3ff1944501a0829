// SQLite FTS5 with its built-in trigram tokenizer: no segmentation at all, substring matching, BM25 rank.
import Database from 'better-sqlite3'
import { readDocs, type Engine } from '../engine.js'

// A question's punctuation (？，) is not content, so query trigrams come from its word runs only.
const RUN = /[\p{L}\p{N}]+/gu

/** An OR of the quoted trigrams of a query's word runs; runs under 3 characters cannot match a trigram index. */
export function trigramQuery(query: string): string {
  const grams = new Set<string>()
  for (const [run] of query.toLowerCase().matchAll(RUN)) {
    const chars = [...run]
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''))
  }
  return [...grams].map((g) => `"${g.replaceAll('"', '""')}"`).join(' OR ')
}

/** An in-memory database, as a developer would try first; the text lives in the FTS table itself. */
export function createFts5Trigram(): Engine {
  const db = new Database(':memory:')
  db.exec(`CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL);
           CREATE VIRTUAL TABLE docs_fts USING fts5(text, tokenize = 'trigram')`)
  const search = db.prepare<[string, number], { id: string }>(
    `SELECT d.id FROM docs_fts JOIN docs d ON d.rowid = docs_fts.rowid
     WHERE docs_fts MATCH ? ORDER BY bm25(docs_fts) LIMIT ?`,
  )

  return {
    async build(docsPath) {
      const putDoc = db.prepare('INSERT INTO docs (rowid, id) VALUES (?, ?)')
      const putText = db.prepare('INSERT INTO docs_fts (rowid, text) VALUES (?, ?)')
      let n = 0
      db.exec('BEGIN')
      for await (const doc of readDocs(docsPath)) {
        n++
        putDoc.run(n, doc.id)
        putText.run(n, doc.text)
      }
      db.exec('COMMIT')
      db.exec(`INSERT INTO docs_fts (docs_fts) VALUES ('optimize')`)
    },

    search(query, k) {
      const match = trigramQuery(query)
      return match ? search.all(match, k).map((r) => r.id) : []
    },
  }
}
