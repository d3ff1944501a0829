import { statSync } from 'node:fs'
import { statementCache, type Db } from './db.js'

/** What the store holds, per paper and overall. */
export interface StoreStats {
  articles: number
  passages: number
  sources: number
  firstDate: string | null
  lastDate: string | null
  papers: { paper: string; articles: number; firstDate: string | null; lastDate: string | null }[]
  lastIngestAt: string | null
  dbBytes: number | null
}

const statements = statementCache((db) => ({
  totals: db.prepare<[], { articles: number; firstDate: string | null; lastDate: string | null }>(
    'SELECT count(*) AS articles, min(issue_date) AS firstDate, max(issue_date) AS lastDate FROM articles',
  ),
  passages: db.prepare<[], number>('SELECT count(*) FROM passages').pluck(),
  sources: db.prepare<[], { n: number; last: string | null }>('SELECT count(*) AS n, max(ingested_at) AS last FROM sources'),
  papers: db.prepare<[], StoreStats['papers'][number]>(
    `SELECT paper, count(*) AS articles, min(issue_date) AS firstDate, max(issue_date) AS lastDate
     FROM articles GROUP BY paper ORDER BY articles DESC`,
  ),
  file: db.prepare<[], { file: string }>("SELECT file FROM pragma_database_list WHERE name = 'main'"),
}))

export function getStoreStats(db: Db): StoreStats {
  const s = statements(db)
  const totals = s.totals.get()!
  const sources = s.sources.get()!
  const file = s.file.get()?.file
  return {
    articles: totals.articles,
    passages: s.passages.get() ?? 0,
    sources: sources.n,
    firstDate: totals.firstDate,
    lastDate: totals.lastDate,
    papers: s.papers.all(),
    lastIngestAt: sources.last,
    dbBytes: file ? fileBytes(file) : null,
  }
}

function fileBytes(path: string): number {
  const size = (p: string) => {
    try {
      return statSync(p).size
    } catch {
      return 0
    }
  }
  return size(path) + size(`${path}-wal`)
}

const sourceStatements = statementCache((db) => ({
  hash: db.prepare<[string], { content_hash: string; articles: number }>(
    'SELECT content_hash, articles FROM sources WHERE path = ?',
  ),
}))

/** The fingerprint and article count recorded when a source file was last ingested. */
export function getSourceRecord(db: Db, path: string): { contentHash: string; articles: number } | undefined {
  const row = sourceStatements(db).hash.get(path)
  return row && { contentHash: row.content_hash, articles: row.articles }
}
