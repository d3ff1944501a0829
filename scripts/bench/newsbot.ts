// newsbot's own retrieval, called through the project's code (never a copy), so the benchmark
// measures whatever src/retrieve and src/store do at the time it runs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createIndex } from '../../src/retrieve/index.js'
import { openDb, type Db } from '../../src/store/index.js'
import type { Engine } from './engine.js'

/**
 * Ingests into a fresh database file, as `newsbot ingest` would: build time therefore includes
 * everything ingest does (passages, lexicon, FTS), and a query returns full hits with snippets.
 */
export function createNewsbot(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-search-'))
  const db: Db = openDb(join(dir, 'bench.db'))

  return {
    async build(docsPath) {
      const summary = await createIndex(db).write([docsPath])
      if (summary.failed.length > 0) {
        const first = summary.failed[0]!
        console.error(`newsbot ingest: ${summary.failed.length} failures, first: ${first.path}:${first.line ?? ''} ${first.error}`)
      }
    },

    async search(query, k) {
      return (await createIndex(db).search(query, { k })).hits.map((h) => h.id)
    },

    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
