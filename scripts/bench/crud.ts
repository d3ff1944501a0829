// The CRUD-RAG bench for quality scripts: its questions with the train/test split, and one cached
// index of its documents in data/bench/ (git-ignored), reused while the corpus, the tokenizer and
// the index schema are unchanged.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { createIndex } from '../../src/retrieve/index.js'
import { openDb, type Db } from '../../src/store/index.js'

const ROOT = join(import.meta.dirname, '../..')
export const CRUD_DIR = join(ROOT, '../shared/bench/crud')

export interface CrudQuestion {
  qid: string
  question: string
  answers: string[]
  key_info: string[]
  gold_doc_ids: string[]
  set: string
}

/**
 * Train or test, by item: the qid without its question index, train when the first hex digit of
 * its SHA-1 is 0–7. All questions of one item fall on the same side.
 */
export function splitOf(qid: string): 'train' | 'test' {
  const item = qid.replace(/-\d+$/, '')
  return parseInt(createHash('sha1').update(item).digest('hex')[0]!, 16) < 8 ? 'train' : 'test'
}

export function loadCrudQuestions(path = join(CRUD_DIR, 'qa.jsonl')): CrudQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CrudQuestion)
}

function indexKey(corpus: string, docs: number | undefined): string {
  const h = createHash('sha1')
  const st = statSync(corpus)
  h.update(`${corpus}:${st.size}:${st.mtimeMs}:${docs ?? 'all'}`)
  // A changed tokenizer, index schema or index layout (segments merged) makes the cached index stale.
  for (const f of ['src/retrieve/tokenize.ts', 'data/lexicon.txt', 'src/store/migrations/002-fts.sql', 'src/store/article-write.ts', 'src/store/index-merge.ts', 'src/retrieve/names.ts']) {
    h.update(readFileSync(join(ROOT, f)))
  }
  return h.digest('hex').slice(0, 12)
}

/** The gold documents plus the corpus's first other documents, up to n, as a temporary JSONL file. */
function writeSubset(corpus: string, questions: CrudQuestion[], n: number, dir: string): string {
  const gold = new Set(questions.flatMap((q) => q.gold_doc_ids))
  const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n').filter(Boolean)
  const keep = lines.filter((l) => gold.has((JSON.parse(l) as { id: string }).id))
  for (const l of lines) {
    if (keep.length >= n) break
    if (!gold.has((JSON.parse(l) as { id: string }).id)) keep.push(l)
  }
  const path = join(dir, `subset-${n}.jsonl`)
  writeFileSync(path, `${keep.join('\n')}\n`)
  return path
}

/** The CRUD index (all documents, or the gold ones plus others up to `docs`), built on first use. */
export async function openCrudIndex(questions: CrudQuestion[], docs?: number, corpus = join(CRUD_DIR, 'docs.jsonl.gz')): Promise<Db> {
  const dir = join(ROOT, 'data/bench')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `crud-${indexKey(corpus, docs)}.db`)
  if (existsSync(path)) return openDb(path)
  // One cached index at a time: a stale one is ~400 MB of disk.
  for (const f of readdirSync(dir)) if (/^crud-.*\.db/.test(f)) rmSync(join(dir, f), { force: true })
  const tmp = mkdtempSync(join(tmpdir(), 'newsbot-eval-'))
  const building = `${path}.building`
  rmSync(building, { force: true })
  const db = openDb(building)
  const started = performance.now()
  const source = docs ? writeSubset(corpus, questions, docs, tmp) : corpus
  const summary = await createIndex(db).write([source])
  console.log(`index built: ${summary.added} documents in ${((performance.now() - started) / 1000).toFixed(1)} s → ${path}`)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  rmSync(tmp, { recursive: true, force: true })
  writeFileSync(path, readFileSync(building))
  rmSync(building, { force: true })
  for (const ext of ['-wal', '-shm']) rmSync(building + ext, { force: true })
  return openDb(path)
}
