// Full-pipeline parity between the SQLite and PostgreSQL stores: every CRUD-RAG question searched
// (retrieve's ranking, k = 10) over the same corpus in both, and the dev set's questions over the
// bundled samples. Reports hit@5 on each backend, the share of questions with the same top-1 and the
// mean top-5 overlap, and warm search latency. The goals: CRUD hit@5 within 0.005 of SQLite's,
// the dev set's top-1 the same for ≥ 95 % of questions, PostgreSQL's warm search p95 ≤ 50 ms.
// Usage: npm run eval:pg-parity [-- --docs N|all] [--limit N] [--pg postgres://…]
// Without --pg a throwaway cluster is started from /usr/lib/postgresql/*/bin and deleted afterwards.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { listSources, SAMPLES_DIR } from '../src/ingest/index.js'
import { createIndex, createQuestionIndex, extractNameCandidates, indexSources, tokenizeForIndex, type QuestionIndex } from '../src/retrieve/index.js'
import { createSqliteStore, migrateStore, openDb, openPostgresStore } from '../src/store/index.js'
import { createDatabase, findBinaries, startCluster } from '../tests/helpers/pg-cluster.js'
import { loadCrudQuestions, openCrudIndex } from './bench/crud.js'
import { printTable } from './bench/table.js'

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    limit: { type: 'string' },
    pg: { type: 'string' },
  },
})
const K = 10
// Searches run once untimed first, so both stores are measured warm.
const WARMUP = 20

interface Asked {
  question: string
  gold?: string[]
}

const crudQuestions = loadCrudQuestions()
const docs = args.docs === 'all' ? undefined : Number(args.docs)
const db = await openCrudIndex(crudQuestions, docs)
const cluster = args.pg ? undefined : await startCluster(findBinaries() ?? fail('PostgreSQL is not installed: /usr/lib/postgresql/*/bin/initdb is missing'))
const adminUrl = args.pg ?? cluster!.url
try {
  const crudUrl = cluster ? await createDatabase(adminUrl, 'newsbot_parity') : adminUrl
  const started = performance.now()
  const counts = await migrateStore(db.name, crudUrl, (a) => ({
    titleTokens: tokenizeForIndex([a.title, a.subtitle ?? ''].join(' ').trim()),
    bodyTokens: tokenizeForIndex(a.text),
  }))
  const articles = counts.find((c) => c.table === 'articles')!
  console.log(`copied ${articles.postgres} articles to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  const pg = await openPostgresStore(crudUrl)
  const asked = crudQuestions.slice(0, args.limit ? Number(args.limit) : undefined).map((q) => ({ question: q.question, gold: q.gold_doc_ids }))
  const crud = compare(await runAll(createIndex(db), asked), await runAll(createQuestionIndex(pg), asked), asked)
  await pg.close()

  // The dev set over the samples: a fresh SQLite database and a fresh PostgreSQL one, ingested alike.
  const devUrl = cluster ? await createDatabase(adminUrl, 'newsbot_parity_dev') : undefined
  const dev = devUrl ? await compareDev(devUrl) : undefined

  printTable([
    { set: `crud (${articles.sqlite} docs)`, ...crud.table },
    ...(dev ? [{ set: 'dev (samples)', ...dev.table }] : []),
  ])
  console.log()
  printTable([
    { store: 'SQLite (FTS5)', 'crud p50 ms': pct(crud.lite.ms, 0.5), 'crud p95 ms': pct(crud.lite.ms, 0.95) },
    { store: 'PostgreSQL (postings + BM25 in SQL)', 'crud p50 ms': pct(crud.post.ms, 0.5), 'crud p95 ms': pct(crud.post.ms, 0.95) },
  ])
  if (!dev) console.log('\n(dev set skipped: with --pg only one database is used)')
} finally {
  db.close()
  cluster?.stop()
}

/** Each question searched on one index: warm-up first, then timed, top K ids. */
async function runAll(index: QuestionIndex, asked: Asked[]): Promise<{ ids: string[][]; ms: number[] }> {
  for (const q of asked.slice(0, WARMUP)) await index.search(q.question, { k: K })
  const ids: string[][] = []
  const ms: number[] = []
  for (const q of asked) {
    const t = performance.now()
    const { hits } = await index.search(q.question, { k: K })
    ms.push(performance.now() - t)
    ids.push(hits.map((h) => h.id))
  }
  return { ids, ms }
}

function compare(lite: { ids: string[][]; ms: number[] }, post: { ids: string[][]; ms: number[] }, asked: Asked[]) {
  const n = asked.length
  const hit5 = (ids: string[][]) => asked.filter((q, i) => ids[i]!.slice(0, 5).some((id) => q.gold?.includes(id))).length / n
  const sameTop1 = asked.filter((_, i) => lite.ids[i]![0] === post.ids[i]![0]).length / n
  const overlap5 = asked.reduce((s, _, i) => s + share(lite.ids[i]!.slice(0, 5), post.ids[i]!.slice(0, 5)), 0) / n
  const gold = asked.some((q) => q.gold)
  return {
    lite,
    post,
    table: {
      questions: n,
      'SQLite hit@5': gold ? hit5(lite.ids) : '—',
      'PostgreSQL hit@5': gold ? hit5(post.ids) : '—',
      'same top-1': sameTop1,
      'top-5 overlap': overlap5,
    },
  }
}

async function compareDev(url: string) {
  const asked = readFileSync(join(import.meta.dirname, '../data/dev-questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ question: (JSON.parse(l) as { question: string }).question }))
  const lite = createSqliteStore(openDb(':memory:'))
  const pg = await openPostgresStore(url)
  try {
    const namesOf = (a: { title: string; subtitle?: string | null; text: string }) => extractNameCandidates(`${a.title}\n${a.subtitle ?? ''}\n${a.text}`)
    for (const s of [lite, pg]) await s.writeSources(indexSources(listSources([SAMPLES_DIR])), { namesOf })
    return compare(await runAll(createQuestionIndex(lite), asked), await runAll(createQuestionIndex(pg), asked), asked)
  } finally {
    await Promise.all([lite.close(), pg.close()])
  }
}

function share(a: string[], b: string[]): number {
  if (a.length === 0) return b.length === 0 ? 1 : 0
  const ids = new Set(b)
  return a.filter((id) => ids.has(id)).length / a.length
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

function fail(message: string): never {
  throw new Error(message)
}
