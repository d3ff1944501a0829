// Compares newsbot's retrieval with the libraries a developer would otherwise pick, on the same
// CRUD-RAG corpus and questions, and prints quality and speed side by side.
// Usage: npm run bench:search [-- --docs N|all] [--questions N|all] [--engines a,b] [--timeout-min M]
//
// Memory: each engine runs in its own child process (scripts/bench/worker.ts), one after another,
// and reports its peak RSS (process.resourceUsage().maxRSS). Heap deltas in one shared process would
// miss native memory (SQLite's page cache, jieba's dictionary, FlexSearch typed arrays) and would
// charge one engine for another's leftover garbage; separate processes also keep an engine's crash
// or out-of-memory to its own row. "start MB" is a worker's RSS once its engine's modules are loaded,
// before indexing, so peak − start is roughly what indexing and querying cost.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadQuestions, writeDocSubset } from './bench/corpus.js'
import { ENGINES } from './bench/engines.js'
import { summarize, type EngineSummary } from './bench/metrics.js'
import { printTable } from './bench/table.js'
import type { WorkerResult } from './bench/worker.js'

const ROOT = join(import.meta.dirname, '..')
const DATA = join(ROOT, '../shared/bench/crud')
const HIT5_GOAL = 0.05

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '20000' },
    questions: { type: 'string', default: '500' },
    engines: { type: 'string', default: Object.keys(ENGINES).join(',') },
    data: { type: 'string', default: DATA },
    'timeout-min': { type: 'string', default: '30' },
  },
})
const docsArg = countArg('--docs', args.docs)
const questionsArg = countArg('--questions', args.questions)
const timeoutMin = Number(args['timeout-min'])
if (!(timeoutMin > 0)) fail(`--timeout-min expects a positive number of minutes, got "${args['timeout-min']}"`)
const engines = args.engines.split(',').map((e) => e.trim()).filter(Boolean)
const unknown = engines.filter((e) => !(e in ENGINES))
if (unknown.length > 0) fail(`unknown engine(s): ${unknown.join(', ')}; known: ${Object.keys(ENGINES).join(', ')}`)

const tmp = mkdtempSync(join(tmpdir(), 'bench-search-'))
try {
  const questions = loadQuestions(join(args.data, 'qa.jsonl'), questionsArg)
  const gold = new Set(questions.flatMap((q) => q.gold))
  const corpusGz = join(args.data, 'docs.jsonl.gz')
  let docsPath = corpusGz
  let docCount = 'all'
  if (docsArg !== 'all') {
    docsPath = join(tmp, 'docs.jsonl')
    const subset = await writeDocSubset(corpusGz, gold, docsArg, docsPath)
    if (subset.goldFound < gold.size) console.error(`note: ${gold.size - subset.goldFound} gold documents are not in the corpus`)
    docCount = `${subset.docs} of ${subset.corpusDocs}`
  }
  const questionsPath = join(tmp, 'questions.json')
  writeFileSync(questionsPath, JSON.stringify(questions))
  console.log(`corpus: ${docCount} documents (${gold.size} gold), ${questions.length} questions, top 10; node ${process.version}`)

  const results = new Map<string, EngineSummary | string>()
  for (const name of engines) {
    const started = Date.now()
    console.error(`[bench:search] ${name}…`)
    const r = await runWorker(name, docsPath, questionsPath, join(tmp, `${name}.json`), timeoutMin)
    results.set(name, 'error' in r ? r.error : summarize(r))
    console.error(`[bench:search] ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  printResults(results)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

/** Runs one engine's worker; a crash, timeout or thrown error comes back as `{error}`. */
function runWorker(name: string, docs: string, questions: string, out: string, timeoutMin: number): Promise<WorkerResult> {
  // Room for the heaviest in-memory libraries on the full corpus; the limit is not the measure.
  const argv = ['--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'scripts/bench/worker.ts'), name, docs, questions, out]
  const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk)
    stderr = (stderr + chunk.toString()).slice(-2000)
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMin * 60_000)
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as WorkerResult)
      } catch {
        const why = signal === 'SIGKILL' ? `killed (timeout ${timeoutMin} min or out of memory)` : `exit ${code ?? signal}`
        const lastLine = stderr.trim().split('\n').pop() ?? ''
        resolve({ error: `${why}${lastLine ? `: ${lastLine}` : ''}` })
      }
    })
  })
}

function printResults(results: Map<string, EngineSummary | string>): void {
  const nb = results.get('newsbot')
  const base = typeof nb === 'object' ? nb : undefined
  printTable([...results].map(([name, s]) => engineRow(name, s, name === 'newsbot' ? undefined : base)))
  console.log('(vs nb: difference or ratio to newsbot; hit@5 vs nb < 0 means newsbot is ahead)')
  const baselines = [...results].filter((e): e is [string, EngineSummary] => e[0] !== 'newsbot' && typeof e[1] === 'object')
  if (!base || baselines.length === 0) return
  const best = (pick: (s: EngineSummary) => number) => baselines.reduce((a, b) => (pick(b[1]) > pick(a[1]) ? b : a))
  const [hitName, hitBest] = best((s) => s.hit5)
  const [mrrName, mrrBest] = best((s) => s.mrr10)
  const [fastName, fastBest] = best((s) => -s.p95Ms)
  console.log()
  printTable([
    { measure: 'hit@5', newsbot: base.hit5, 'best baseline': `${hitBest.hit5.toFixed(3)} (${hitName})`, 'newsbot vs best': signed(base.hit5 - hitBest.hit5), goal: `≥ +${HIT5_GOAL}`, met: base.hit5 - hitBest.hit5 >= HIT5_GOAL ? 'yes' : 'no' },
    { measure: 'MRR@10', newsbot: base.mrr10, 'best baseline': `${mrrBest.mrr10.toFixed(3)} (${mrrName})`, 'newsbot vs best': signed(base.mrr10 - mrrBest.mrr10), goal: '', met: '' },
    { measure: 'p95 ms', newsbot: base.p95Ms, 'best baseline': `${fastBest.p95Ms.toFixed(2)} (${fastName})`, 'newsbot vs best': `${(base.p95Ms / fastBest.p95Ms).toFixed(2)}×`, goal: '< 30 ms on all 68k docs', met: base.p95Ms < 30 ? 'yes' : 'no' },
  ])
}

/** One engine's table row; `base` (newsbot's figures) adds the comparison columns. */
function engineRow(name: string, s: EngineSummary | string, base: EngineSummary | undefined): Record<string, string | number> {
  const blank = { 'hit@1': '', 'hit@5': '', 'MRR@10': '', 'build s': '', 'p50 ms': '', 'p95 ms': '', 'peak MB': '', 'start MB': '' }
  if (typeof s === 'string') return { engine: name, ...blank, ...compare(undefined, undefined), error: s.slice(0, 160) }
  return {
    engine: name,
    'hit@1': s.hit1,
    'hit@5': s.hit5,
    'MRR@10': s.mrr10,
    'build s': s.buildS,
    'p50 ms': s.p50Ms,
    'p95 ms': s.p95Ms,
    'peak MB': s.peakRssMb,
    'start MB': s.startRssMb,
    ...compare(s, base),
    error: '',
  }
}

function compare(s: EngineSummary | undefined, base: EngineSummary | undefined): Record<string, string> {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
  if (!s || !base) return { 'hit@5 vs nb': '', 'p95 vs nb': '', 'build vs nb': '', 'peak vs nb': '' }
  return {
    'hit@5 vs nb': signed(s.hit5 - base.hit5),
    'p95 vs nb': ratio(s.p95Ms, base.p95Ms),
    'build vs nb': ratio(s.buildS, base.buildS),
    'peak vs nb': ratio(s.peakRssMb, base.peakRssMb),
  }
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(3)}`
}

function countArg(flag: string, value: string): number | 'all' {
  if (value === 'all') return 'all'
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) fail(`${flag} expects a positive integer or "all", got "${value}"`)
  return n
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
