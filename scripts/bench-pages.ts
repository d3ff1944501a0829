// Times page PDFs with a text layer: a 20-page issue made of the fixture pages (tests/fixtures/pages, 3–5
// columns each), read, laid out and segmented alone, then ingested into a fresh database through the index.
// Usage: npm run bench:pages [-- --pages N]
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { listSources } from '../src/ingest/index.js'
import { createIndex } from '../src/retrieve/index.js'
import { openDb } from '../src/store/index.js'
import { peakRssMb, printTable } from './bench/table.js'

const FIXTURES = join(import.meta.dirname, '../tests/fixtures/pages')
const SOURCES = ['p1-three-columns', 'p2-four-columns', 'p3-four-columns-box', 'p4-a3-five-columns']

const { values } = parseArgs({ options: { pages: { type: 'string', default: '20' } } })
const pages = Number(values.pages)
const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-pages-'))
const pdfPath = join(dir, `issue-${pages}-pages.pdf`)
writeFileSync(pdfPath, await buildIssue(pages))

// Read alone: pdfjs text layer → layout → segmenter, nothing stored.
let started = performance.now()
let articles = 0
for await (const r of (await listSources([pdfPath]).files[0]!.open()).records()) if ('article' in r) articles++
const readSeconds = (performance.now() - started) / 1000

// The whole ingest: the same, plus tokenising and writing the articles in one transaction.
const db = openDb(join(dir, 'bench.db'))
started = performance.now()
const summary = await createIndex(db).write([pdfPath])
const ingestSeconds = (performance.now() - started) / 1000
db.close()

printTable([
  { step: 'read + layout + segment (cold)', pages, 'PDF MB': statSync(pdfPath).size / 1e6, articles, seconds: readSeconds, 'pages/s': pages / readSeconds },
  { step: 'ingest (+ index, store)', pages, 'PDF MB': statSync(pdfPath).size / 1e6, articles: summary.added, seconds: ingestSeconds, 'pages/s': pages / ingestSeconds },
])
console.log(`peak RSS ${peakRssMb().toFixed(0)} MB; failed: ${summary.failed.length}`)
rmSync(dir, { recursive: true, force: true })

/** One PDF of `n` pages, the fixture pages over and over (their articles repeat: ids get -2, -3…). */
async function buildIssue(n: number): Promise<Uint8Array> {
  const issue = await PDFDocument.create()
  const sources = await Promise.all(SOURCES.map(async (s) => PDFDocument.load(readFileSync(join(FIXTURES, `${s}.pdf`)))))
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length]!
    const [page] = await issue.copyPages(src, [0])
    issue.addPage(page)
  }
  return issue.save()
}
