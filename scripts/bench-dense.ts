// Dense retrieval's own cost, without an endpoint: synthetic articles are ingested into a fresh
// database, a seeded in-process function stands in for the embeddings endpoint (so the numbers are
// the store's and the search's, not a model's), then vectors are saved, loaded and searched.
// The same on PostgreSQL (a throwaway cluster from Debian's packages, or --pg URL) when it is installed.
// Usage: npm run bench:dense [-- --passages 20000 --dims 1024 --queries 200 --pg postgres://…]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createIndex, createQuestionIndex, denseSearch, embedPending, writeToStore } from '../src/retrieve/index.js'
import { createSqliteStore, openDb, openPostgresStore, type Store } from '../src/store/index.js'
import { createDatabase, findBinaries, startCluster } from '../tests/helpers/pg-cluster.js'
import { peakRssMb, printTable } from './bench/table.js'
import { type Embed } from '../src/llm/index.js'

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '20000' },
    dims: { type: 'string', default: '1024' },
    queries: { type: 'string', default: '200' },
    pg: { type: 'string' },
  },
})
const target = Number(values.passages)
const dims = Number(values.dims)
const queries = Number(values.queries)
const MODEL = 'bench'

// A small deterministic generator, so every run embeds and searches the same data.
let seed = 42
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32)
const han = (n: number) => String.fromCharCode(...Array.from({ length: n }, () => 0x4e00 + Math.floor(random() * 3000)))
const vector = (): number[] => Array.from({ length: dims }, () => random() - 0.5)
const embed: Embed = async (texts) => texts.map(vector)

const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-dense-'))
const bin = values.pg ? undefined : findBinaries()
const cluster = bin ? await startCluster(bin) : undefined
const server = values.pg ?? cluster?.url
const rows: Record<string, string | number>[] = []
try {
  // Four sentences of ~150 characters make four passages per article.
  const articles = Array.from({ length: Math.ceil(target / 4) }, (_, i) => ({
    id: `a${i}`,
    title: han(12),
    text: Array.from({ length: 4 }, () => `${han(150)}。`).join(''),
    date: '2024-01-01',
  }))
  const docs = join(dir, 'docs.jsonl')
  writeFileSync(docs, articles.map((a) => JSON.stringify(a)).join('\n'))
  const querySeed = seed
  const db = openDb(join(dir, 'bench.db'))
  await createIndex(db).write([docs])
  rows.push(await measure('sqlite', createSqliteStore(db)))
  if (server) {
    // The same vectors and questions on PostgreSQL: the generator restarts where SQLite's run began.
    seed = querySeed
    const store = await openPostgresStore(await createDatabase(server, `bench_dense_${process.pid}`))
    await writeToStore(store, [docs])
    rows.push(await measure('postgres', store))
  }
} finally {
  cluster?.stop()
  rmSync(dir, { recursive: true, force: true })
}
printTable(rows)
if (!server) console.log('PostgreSQL is not installed (/usr/lib/postgresql/*/bin) and no --pg was given: SQLite only.')

/** Embeds every passage of the store, loads the matrix cold, then times dense and hybrid searches. */
async function measure(backend: string, store: Store): Promise<Record<string, string | number>> {
  const index = createQuestionIndex(store)
  const passages = await store.countPendingPassages(MODEL)
  let t = performance.now()
  await embedPending(store, embed, { model: MODEL, batchSize: 64 })
  const saveSeconds = (performance.now() - t) / 1000

  t = performance.now()
  await store.loadEmbeddingMatrix(MODEL)
  const loadMs = performance.now() - t

  const dense: number[] = []
  for (let i = 0; i < queries; i++) {
    const q = vector()
    t = performance.now()
    await denseSearch(store, q, { model: MODEL, k: 50 })
    dense.push(performance.now() - t)
  }
  const hybrid: number[] = []
  for (let i = 0; i < queries; i++) {
    const q = `${han(2)}${han(2)}怎么样`
    t = performance.now()
    await index.searchWithEmbedder(q, { embedder: { embed, model: MODEL }, k: 10 })
    hybrid.push(performance.now() - t)
  }
  await store.close()
  return {
    backend,
    passages,
    dims,
    'save passages/s': passages / saveSeconds,
    'matrix MB': (passages * dims * 4) / 1e6,
    'cold load ms': loadMs,
    'dense p50 ms': pct(dense, 0.5),
    'dense p95 ms': pct(dense, 0.95),
    'hybrid p50 ms': pct(hybrid, 0.5),
    'hybrid p95 ms': pct(hybrid, 0.95),
    'peak RSS MB': peakRssMb(),
  }
}

function pct(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}
