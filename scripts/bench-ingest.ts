// Ingests the CRUD corpus (≈68k documents) into a fresh database and prints throughput and memory.
// Usage: npm run bench:ingest [-- path/to/docs.jsonl.gz] [--repeat N] [--pages]
// --pages instead times the page inputs: a 20-page PDF issue with a text layer (bench:pages) and OCR of
// rendered page images, an A3 page among them (bench:ocr), each printing its own table.
// --repeat N first writes the corpus N times over (fresh ids) into one temporary .jsonl file, to show
// that memory stays flat as the input grows (N=8 gives a file of about 1 GB).
import { spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { once } from 'node:events'
import { createGunzip } from 'node:zlib'
import { parseArgs } from 'node:util'
import { listSources, mapArticles } from '../src/ingest/index.js'
import { indexSources, writeIndexed } from '../src/retrieve/index.js'
import { getStoreStats, openDb } from '../src/store/index.js'
import { peakRssMb, printTable } from './bench/table.js'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { repeat: { type: 'string', default: '1' }, pages: { type: 'boolean', default: false } } })
if (values.pages) {
  for (const script of ['bench-pages.ts', 'bench-ocr.ts']) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script)], { stdio: 'inherit' })
    if (run.status !== 0) process.exit(run.status ?? 1)
  }
  process.exit(0)
}
const repeat = Number(values.repeat)
const corpus = positionals[0] ?? join(import.meta.dirname, '../../shared/bench/crud/docs.jsonl.gz')
const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-'))
const dbPath = join(dir, 'bench.db')
const input = repeat > 1 ? await repeatCorpus(corpus, repeat, join(dir, 'repeated.jsonl')) : corpus

const db = openDb(dbPath)
const started = performance.now()
let textBytes = 0
// The index's own write path, with the text it tokenises counted on the way.
const sources = mapArticles(listSources([input]), (a) => {
  textBytes += Buffer.byteLength([a.title, a.subtitle ?? ''].join(' ').trim()) + Buffer.byteLength(a.text)
  return a
})
const summary = await writeIndexed(db, indexSources(sources))
const seconds = (performance.now() - started) / 1000
db.pragma('wal_checkpoint(TRUNCATE)')
const stats = getStoreStats(db)
db.close()

const docs = summary.added + summary.updated + summary.unchanged
printTable([
  {
    corpus: `${corpus.split('/').pop()!}${repeat > 1 ? ` ×${repeat}` : ''}`,
    'input MB': statSync(input).size / 1e6,
    docs,
    failed: summary.failed.length,
    seconds,
    'docs/s': docs / seconds,
    'input MB/s': statSync(input).size / 1e6 / seconds,
    'text MB/s': textBytes / 1e6 / seconds,
    'peak RSS MB': peakRssMb(),
    'db MB': statSync(dbPath).size / 1e6,
    passages: stats.passages,
  },
])
rmSync(dir, { recursive: true, force: true })

/** Writes the corpus `times` times into one plain JSONL file, each copy's ids made unique. */
async function repeatCorpus(path: string, times: number, out: string): Promise<string> {
  const sink = createWriteStream(out)
  for (let copy = 0; copy < times; copy++) {
    const source = createReadStream(path)
    const lines = createInterface({ input: path.endsWith('.gz') ? source.pipe(createGunzip()) : source, crlfDelay: Infinity })
    for await (const line of lines) {
      if (!line.trim()) continue
      const record = JSON.parse(line) as { id?: string }
      if (record.id) record.id = `${record.id}-${copy}`
      if (!sink.write(`${JSON.stringify(record)}\n`)) await once(sink, 'drain')
    }
  }
  sink.end()
  await once(sink, 'finish')
  return out
}
