// Retrieval quality: hit@1/3/5/10 and MRR@10 on (a) the CRUD-RAG questions over their corpus and
// (b) the dev set of citizen-style questions over the bundled samples; plus warm search latency.
// Usage: npm run eval:retrieval [-- --limit N] [--docs N] [--set crud|dev|all] [--corpus PATH]
// The CRUD index is built once into data/bench/ (git-ignored) and reused while the corpus, the
// tokenizer and the index schema are unchanged.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createIndex, foldText, type SearchHit } from '../src/retrieve/index.js'
import { openDb, type Db } from '../src/store/index.js'
import { loadCrudQuestions, openCrudIndex } from './bench/crud.js'
import { peakRssMb, printTable } from './bench/table.js'

const ROOT = join(import.meta.dirname, '..')
const { values: args } = parseArgs({
  options: {
    limit: { type: 'string' },
    docs: { type: 'string' },
    set: { type: 'string', default: 'all' },
    corpus: { type: 'string', default: join(ROOT, '../shared/bench/crud/docs.jsonl.gz') },
    qa: { type: 'string', default: join(ROOT, '../shared/bench/crud/qa.jsonl') },
  },
})

interface Judged {
  rank: number
  ms: number
}

function summarize(name: string, judged: Judged[]): Record<string, string | number> {
  const n = judged.length
  const hit = (k: number) => judged.filter((j) => j.rank >= 0 && j.rank < k).length / n
  const ms = judged.map((j) => j.ms).sort((a, b) => a - b)
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0
  return {
    set: name,
    questions: n,
    'hit@1': hit(1),
    'hit@3': hit(3),
    'hit@5': hit(5),
    'hit@10': hit(10),
    'MRR@10': judged.reduce((s, j) => s + (j.rank >= 0 && j.rank < 10 ? 1 / (j.rank + 1) : 0), 0) / n,
    'p50 ms': pct(0.5),
    'p95 ms': pct(0.95),
  }
}

async function timedSearch(db: Db, q: string): Promise<{ hits: SearchHit[]; ms: number }> {
  const t = performance.now()
  const { hits } = await createIndex(db).search(q, { k: 10 })
  return { hits, ms: performance.now() - t }
}

// ===== CRUD-RAG

async function evalCrud(): Promise<Record<string, string | number>> {
  let questions = loadCrudQuestions(args.qa)
  const docs = args.docs ? Number(args.docs) : undefined
  const db = await openCrudIndex(questions, docs, args.corpus)
  if (args.limit) questions = questions.slice(0, Number(args.limit))
  await timedSearch(db, '预热查询')
  const judged: { rank: number; ms: number }[] = []
  for (const q of questions) {
    const { hits, ms } = await timedSearch(db, q.question)
    judged.push({ rank: hits.findIndex((h) => q.gold_doc_ids.includes(h.id)), ms })
  }
  db.close()
  return summarize(docs ? `crud (${docs} docs)` : 'crud (all docs)', judged)
}

// ===== dev set over the samples

interface DevQuestion {
  question: string
  title: string | null
  evidence?: string
  facts: string[]
}

/** An answering article is recognised by its printed headline or by a distinctive body substring. */
function answers(hit: SearchHit, q: DevQuestion): boolean {
  const norm = (s: string) => foldText(s).replace(/\s+/g, '')
  if (q.title && norm(hit.title) === norm(q.title)) return true
  return Boolean(q.evidence && norm(hit.text).includes(norm(q.evidence)))
}

async function evalDev(): Promise<Record<string, string | number>[]> {
  const questions = readFileSync(join(ROOT, 'data/dev-questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as DevQuestion)
  const db = openDb(':memory:')
  await createIndex(db).loadSamplesIfEmpty()
  await timedSearch(db, '预热查询')
  const answerable = questions.filter((q) => q.title !== null)
  const judged: { rank: number; ms: number }[] = []
  for (const q of answerable) {
    const { hits, ms } = await timedSearch(db, q.question)
    const rank = hits.findIndex((h) => answers(h, q))
    if (rank < 0 || rank >= 3) console.log(`  dev miss (rank ${rank}): ${q.question}`)
    judged.push({ rank, ms })
  }
  db.close()
  return [summarize('dev (answerable)', judged)]
}

const rows: Record<string, string | number>[] = []
if (args.set === 'all' || args.set === 'dev') rows.push(...(await evalDev()))
if (args.set === 'all' || args.set === 'crud') rows.push(await evalCrud())
printTable(rows)
console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`)
