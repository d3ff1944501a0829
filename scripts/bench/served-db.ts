// The database a serving benchmark (bench:web, bench:scale) runs on.
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createIndex } from '../../src/retrieve/index.js'
import { openDb } from '../../src/store/index.js'

const ROOT = join(import.meta.dirname, '../..')

/** `given` (--db), else the newest cached CRUD index (data/bench/crud-*.db; never built here), else the bundled samples. */
export async function pickServedDb(given: string | undefined): Promise<{ path: string; source: string }> {
  if (given) return { path: given, source: '--db' }
  const dir = join(ROOT, 'data/bench')
  const cached = existsSync(dir) ? readdirSync(dir).filter((f) => /^crud-.*\.db$/.test(f)).map((f) => join(dir, f)) : []
  const newest = cached.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
  if (newest) return { path: newest, source: 'cached CRUD index' }
  const path = join(mkdtempSync(join(tmpdir(), 'newsbot-bench-served-')), 'samples.db')
  const db = openDb(path)
  await createIndex(db).write([join(ROOT, 'data/samples')])
  db.close()
  return { path, source: 'bundled samples (no data/bench/crud-*.db)' }
}
