// Dense retrieval's own cost, without an endpoint: synthetic articles are ingested into a fresh
// database, a seeded in-process function stands in for the embeddings endpoint (so the numbers are
// the store's and the search's, not a model's), then vectors are saved, loaded and searched.
// Usage: npm run bench:dense [-- --passages 20000 --dims 1024 --queries 200]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createIndex, denseSearch, embedPending } from '../src/retrieve/index.js'
import { countPendingPassages, createSqliteStore, loadEmbeddingMatrix, openDb } from '../src/store/index.js'
import { peakRssMb, printTable } from './bench/table.js'
import { type Embed } from '../src/llm/index.js'

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '20000' },
    dims: { type: 'string', default: '1024' },
    queries: { type: 'string', default: '200' },
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
try {
  // Four sentences of ~150 characters make four passages per article.
  const articles = Array.from({ length: Math.ceil(target / 4) }, (_, i) => ({
    id: `a${i}`,
    title: han(12),
    text: Array.from({ length: 4 }, () => `${han(150)}。`).join(''),
    date: '2024-01-01',
  }))
  writeFileSync(join(dir, 'docs.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'))
  const db = openDb(join(dir, 'bench.db'))
  const index = createIndex(db)
  const store = createSqliteStore(db)
  await index.write([join(dir, 'docs.jsonl')])
  const passages = countPendingPassages(db, MODEL)

  let t = performance.now()
  await embedPending(store, embed, { model: MODEL, batchSize: 64 })
  const saveSeconds = (performance.now() - t) / 1000

  t = performance.now()
  loadEmbeddingMatrix(db, MODEL)
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
  db.close()
  printTable([
    {
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
    },
  ])
} finally {
  rmSync(dir, { recursive: true, force: true })
}

function pct(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}
