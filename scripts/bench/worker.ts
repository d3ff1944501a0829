// One engine, one process: builds its index over the corpus, answers every question, writes a JSON result.
// Usage (from bench-search.ts): node --import tsx scripts/bench/worker.ts ENGINE DOCS QUESTIONS OUT
import { readFileSync, writeFileSync } from 'node:fs'
import { ENGINES } from './engines.js'
import { peakRssMb } from './table.js'

/** A benchmark question with the ids of the documents that answer it. */
export interface BenchQuestion {
  qid: string
  question: string
  gold: string[]
}

/** What a worker reports: rank of the first gold document per question (0 = not in the top k). */
export type WorkerResult =
  | { ranks: number[]; latenciesMs: number[]; buildMs: number; startRssMb: number; peakRssMb: number }
  | { error: string }

export const TOP_K = 10
// Queries run once untimed first so JIT, caches and lazily loaded dictionaries are warm.
const WARMUP_QUERIES = 50

async function run(name: string, docsPath: string, questionsPath: string): Promise<WorkerResult> {
  const create = ENGINES[name]
  if (!create) return { error: `unknown engine ${name}` }
  const questions = JSON.parse(readFileSync(questionsPath, 'utf8')) as BenchQuestion[]
  const engine = await create()
  const startRssMb = process.memoryUsage().rss / 2 ** 20
  const started = performance.now()
  await engine.build(docsPath)
  const buildMs = performance.now() - started
  for (const q of questions.slice(0, WARMUP_QUERIES)) await engine.search(q.question, TOP_K)
  const ranks: number[] = []
  const latenciesMs: number[] = []
  for (const q of questions) {
    const t = performance.now()
    const ids = await engine.search(q.question, TOP_K)
    latenciesMs.push(performance.now() - t)
    const gold = new Set(q.gold)
    ranks.push(ids.slice(0, TOP_K).findIndex((id) => gold.has(id)) + 1)
  }
  const peak = peakRssMb()
  engine.close?.()
  return { ranks, latenciesMs, buildMs, startRssMb, peakRssMb: peak }
}

const [name = '', docsPath = '', questionsPath = '', outPath = ''] = process.argv.slice(2)
let result: WorkerResult
try {
  result = await run(name, docsPath, questionsPath)
} catch (err) {
  result = { error: err instanceof Error ? err.message : String(err) }
  process.exitCode = 1
}
writeFileSync(outPath, JSON.stringify(result))
