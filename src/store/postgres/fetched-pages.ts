import type { CachedPage } from '../../ingest/index.js'
import type { Pool } from './pool.js'

// SQLite's fetched-pages.ts: the validators of fetched e-paper pages, beside the articles they produced.

export async function getFetchedPage(pool: Pool, url: string): Promise<CachedPage | undefined> {
  const { rows } = await pool.query<{ etag: string | null; last_modified: string | null; content_hash: string }>(
    'SELECT etag, last_modified, content_hash FROM fetched_pages WHERE url = $1',
    [url],
  )
  const row = rows[0]
  if (!row) return undefined
  const page: CachedPage = { hash: row.content_hash }
  if (row.etag) page.etag = row.etag
  if (row.last_modified) page.lastModified = row.last_modified
  return page
}

export async function saveFetchedPage(pool: Pool, url: string, page: CachedPage): Promise<void> {
  await pool.query(
    `INSERT INTO fetched_pages (url, etag, last_modified, content_hash, fetched_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
       content_hash = excluded.content_hash, fetched_at = excluded.fetched_at`,
    [url, page.etag ?? null, page.lastModified ?? null, page.hash, new Date().toISOString()],
  )
}
