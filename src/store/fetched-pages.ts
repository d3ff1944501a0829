import type { CachedPage, ValidatorCache } from '../ingest/index.js'
import { statementCache, type Db } from './db.js'

const statements = statementCache((db) => ({
  get: db.prepare<[string], { etag: string | null; last_modified: string | null; content_hash: string }>(
    'SELECT etag, last_modified, content_hash FROM fetched_pages WHERE url = ?',
  ),
  put: db.prepare(`INSERT INTO fetched_pages (url, etag, last_modified, content_hash, fetched_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
      content_hash = excluded.content_hash, fetched_at = excluded.fetched_at`),
}))

/** The validators of fetched e-paper pages, kept in the database beside the articles they produced. */
export function createFetchedPages(db: Db): ValidatorCache {
  const s = statements(db)
  return {
    get(url) {
      const row = s.get.get(url)
      if (!row) return undefined
      const page: CachedPage = { hash: row.content_hash }
      if (row.etag) page.etag = row.etag
      if (row.last_modified) page.lastModified = row.last_modified
      return page
    },
    set(url, page) {
      s.put.run(url, page.etag ?? null, page.lastModified ?? null, page.hash, new Date().toISOString())
    },
  }
}
