// Candidate parity between the SQLite and PostgreSQL stores on CRUD-RAG: the questions' candidate
// queries (the phrases search sends to the index: the rarer bigrams and synonyms of each question)
// against the same corpus in both stores. Reports the share of questions with the same top-1
// candidate, the mean overlap of the top-5 and top-60 (the rerank pool), the largest score difference,
// and warm candidate-query latency. Not a full-pipeline hit@5: ranking in retrieve/ still reads SQLite.
// Usage: npm run eval:pg-parity [-- --docs N] [--limit N] [--pg postgres://…]
// Without --pg a throwaway cluster is started from /usr/lib/postgresql/*/bin and deleted afterwards.
import { parseArgs } from 'node:util'
import pgDriver from 'pg'
import { tokenizeForIndex } from '../src/retrieve/index.js'
import { splitCommonTerms } from '../src/retrieve/rank.js'
import { readQuestion } from '../src/retrieve/search.js'
import { createSqliteStore, migrateStore, openPostgresStore, type ArticleMatch, type Store } from '../src/store/index.js'
import { findBinaries, startCluster } from '../tests/helpers/pg-cluster.js'
import { loadCrudQuestions, openCrudIndex } from './bench/crud.js'
import { printTable } from './bench/table.js'

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    limit: { type: 'string' },
    pg: { type: 'string' },
  },
})
// search's rerank pool: the candidates the index hands to ranking.
const POOL = 60

const questions = loadCrudQuestions().slice(0, args.limit ? Number(args.limit) : undefined)
const docs = args.docs === 'all' ? undefined : Number(args.docs)
const db = await openCrudIndex(loadCrudQuestions(), docs)
const cluster = args.pg ? undefined : await startCluster(findBinaries() ?? fail('PostgreSQL is not installed: /usr/lib/postgresql/*/bin/initdb is missing'))
const url = args.pg ?? cluster!.url.replace(/\/postgres$/, '/newsbot_parity')
try {
  if (cluster) await createDatabase(cluster.url, 'newsbot_parity')
  const started = performance.now()
  const counts = await migrateStore(db.name, url, (a) => ({
    titleTokens: tokenizeForIndex([a.title, a.subtitle ?? ''].join(' ').trim()),
    bodyTokens: tokenizeForIndex(a.text),
  }))
  const articles = counts.find((c) => c.table === 'articles')!
  console.log(`copied ${articles.postgres} articles to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const sqlite = createSqliteStore(db)
  const pg = await openPostgresStore(url)
  const queries: string[][] = []
  for (const q of questions) {
    const { query, docs: termDocs } = await readQuestion(sqlite, q.question)
    queries.push(splitCommonTerms(query.terms, termDocs, query.total).match.map((t) => t.tokens))
  }
  const [lite, lMs] = await timeAll(sqlite, queries)
  const [post, pMs] = await timeAll(pg, queries)
  await pg.close()
  const asked = queries.filter((q) => q.length > 0).length
  const pairs = queries.map((_, i) => [lite[i]!, post[i]!] as const).filter(([a]) => a.length > 0)
  const overlap = (k: number) => pairs.reduce((s, [a, b]) => s + share(a.slice(0, k), b.slice(0, k)), 0) / pairs.length
  const maxDiff = Math.max(...pairs.flatMap(([a, b]) => a.flatMap((m) => {
    const o = b.find((x) => x.id === m.id)
    return o ? [Math.abs(o.score - m.score)] : []
  })))
  printTable([
    { measure: 'questions with candidates', value: `${asked} of ${queries.length}` },
    { measure: 'same top-1 candidate', value: pairs.filter(([a, b]) => a[0]?.id === b[0]?.id).length / pairs.length },
    { measure: 'top-5 overlap (mean)', value: overlap(5) },
    { measure: `top-${POOL} overlap (mean)`, value: overlap(POOL) },
    { measure: 'largest |score difference|', value: maxDiff.toExponential(2) },
  ])
  console.log()
  printTable([
    { store: 'SQLite (FTS5)', articles: articles.sqlite, 'p50 ms': pct(lMs, 0.5), 'p95 ms': pct(lMs, 0.95) },
    { store: 'PostgreSQL (GIN + BM25 in Node)', articles: articles.postgres, 'p50 ms': pct(pMs, 0.5), 'p95 ms': pct(pMs, 0.95) },
  ])
} finally {
  db.close()
  cluster?.stop()
}

/** Runs every candidate query once to warm caches, then again timed. */
async function timeAll(store: Store, queries: string[][]): Promise<[ArticleMatch[][], number[]]> {
  for (const q of queries) await store.matchArticles(q, {}, POOL)
  const results: ArticleMatch[][] = []
  const ms: number[] = []
  for (const q of queries) {
    const t = performance.now()
    results.push(await store.matchArticles(q, {}, POOL))
    ms.push(performance.now() - t)
  }
  return [results, ms]
}

function share(a: ArticleMatch[], b: ArticleMatch[]): number {
  if (a.length === 0) return 1
  const ids = new Set(b.map((m) => m.id))
  return a.filter((m) => ids.has(m.id)).length / a.length
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pgDriver.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
}

function fail(message: string): never {
  throw new Error(message)
}
