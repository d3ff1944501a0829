// Ingests the CRUD corpus (≈68k documents) into a fresh database and prints throughput and memory.
// Usage: npm run bench:ingest [-- path/to/docs.jsonl.gz]
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tokenizeForIndex } from '../src/retrieve/index.js'
import { getStoreStats, ingestPaths, openDb } from '../src/store/index.js'
import { peakRssMb, printTable } from './bench/table.js'

const corpus = process.argv[2] ?? join(import.meta.dirname, '../../shared/bench/crud/docs.jsonl.gz')
const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-'))
const dbPath = join(dir, 'bench.db')

const db = openDb(dbPath)
const started = performance.now()
let textBytes = 0
const summary = await ingestPaths(db, [corpus], {
  tokenize: (t) => {
    textBytes += Buffer.byteLength(t)
    return tokenizeForIndex(t)
  },
})
const seconds = (performance.now() - started) / 1000
db.pragma('wal_checkpoint(TRUNCATE)')
const stats = getStoreStats(db)
db.close()

const docs = summary.added + summary.updated + summary.unchanged
printTable([
  {
    corpus: corpus.split('/').pop()!,
    docs,
    failed: summary.failed.length,
    seconds,
    'docs/s': docs / seconds,
    'gz MB/s': statSync(corpus).size / 1e6 / seconds,
    'text MB/s': textBytes / 1e6 / seconds,
    'peak RSS MB': peakRssMb(),
    'db MB': statSync(dbPath).size / 1e6,
    passages: stats.passages,
  },
])
rmSync(dir, { recursive: true, force: true })
