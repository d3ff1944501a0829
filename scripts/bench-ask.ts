// Times `ask` in extractive mode, warm, on the CRUD corpus (≈68k documents): search, answering, total.
// The database is built once and kept (rebuild with --rebuild), since ingesting takes minutes.
// Usage: npm run bench:ask [-- --questions 300] [--db /tmp/newsbot-bench-ask.db] [--rebuild]
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { answerExtractively, answerQuestion } from '../src/answer/index.js'
import { createIndex } from '../src/retrieve/index.js'
import { countArticles, openDb } from '../src/store/index.js'
import { peakRssMb, printTable } from './bench/table.js'

const CRUD = join(import.meta.dirname, '../../shared/bench/crud')
const { values: args } = parseArgs({
  options: {
    questions: { type: 'string', default: '300' },
    db: { type: 'string', default: join(tmpdir(), 'newsbot-bench-ask.db') },
    rebuild: { type: 'boolean', default: false },
  },
})

if (args.rebuild) for (const suffix of ['', '-wal', '-shm']) rmSync(`${args.db}${suffix}`, { force: true })
const fresh = !existsSync(args.db!)
const db = openDb(args.db!)
if (fresh) {
  const started = performance.now()
  const s = await createIndex(db).write([join(CRUD, 'docs.jsonl.gz')])
  console.log(`built ${args.db}: ${s.added} documents in ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
}

const questions = readFileSync(join(CRUD, 'qa.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { question: string }).question)
  .slice(0, Number(args.questions))

// Warm-up: jieba's dictionary, SQLite's page cache, prepared statements.
for (const q of questions.slice(0, 20)) await answerQuestion(createIndex(db), q, { mode: 'extractive' })

const search: number[] = []
const answering: number[] = []
const total: number[] = []
let abstained = 0
for (const q of questions) {
  let t = performance.now()
  const { hits, query } = await createIndex(db).search(q, { k: 8 })
  search.push(performance.now() - t)
  t = performance.now()
  answerExtractively(query, hits)
  answering.push(performance.now() - t)
  t = performance.now()
  const r = await answerQuestion(createIndex(db), q, { mode: 'extractive' })
  total.push(performance.now() - t)
  if (r.abstained) abstained++
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0
const row = (stage: string, xs: number[]) => ({
  stage,
  n: xs.length,
  'p50 ms': pct(xs, 50),
  'p95 ms': pct(xs, 95),
  'p99 ms': pct(xs, 99),
  'max ms': Math.max(...xs),
})
console.log(`${countArticles(db)} articles, ${questions.length} CRUD questions, extractive, warm; abstained ${abstained}\n`)
printTable([row('search (k=8)', search), row('answer (given hits)', answering), row('ask total', total)])
console.log(`\npeak RSS ${peakRssMb().toFixed(0)} MB`)
db.close()
