// OCR of the rendered page fixtures (tests/fixtures/pages/*.png, 200 dpi): character error rate against
// the text each page was rendered from, seconds and peak RSS per page (each page in a fresh process, so
// the model load and the memory are that page's alone).
// Usage: npm run bench:ocr [-- page.png …] (pages not among the fixtures are timed, with no text to score)
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { cpus, loadavg } from 'node:os'
import { readGreyImage } from '../src/ingest/image.js'
import { LOW_CONFIDENCE } from '../src/ingest/image-source.js'
import { layoutPageText, type TextBox } from '../src/ingest/layout/index.js'
import { parsePageText } from '../src/ingest/page-text.js'
import type { ParsedArticle } from '../src/ingest/types.js'
import { getOcrEngine } from '../src/ingest/ocr.js'
import { editsWithin, foldForCer, pageCer } from '../tests/helpers/cer.js'
import { peakRssMb, printTable } from './bench/table.js'

const FIXTURES = join(import.meta.dirname, '../tests/fixtures/pages')

interface ExpectedArticle {
  title: string
  dateline: string | null
  byline: string | null
  start: string
  end: string
  text: string
}
type Expected = Record<string, { articles: ExpectedArticle[] }>

interface PageResult {
  page: string
  pixels: string
  lines: number
  chars: number
  edits: number
  'CER %': number | string
  'low-conf lines (not in source)': string
  'other lines not in source': string
  'articles right': string
  's load': number
  's OCR': number
  'cpu s': number
  'peak RSS MB': number
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await benchPage(process.argv[3]!)))
} else {
  const pages = process.argv.slice(2).length
    ? process.argv.slice(2)
    : readdirSync(FIXTURES).filter((f) => f.endsWith('.png')).map((f) => join(FIXTURES, f))
  const rows = pages.map((p) => {
    const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', p], { encoding: 'utf8' })
    return JSON.parse(out.trim().split('\n').at(-1)!) as PageResult
  })
  const chars = rows.reduce((s, r) => s + r.chars, 0)
  const edits = rows.reduce((s, r) => s + r.edits, 0)
  const total = { page: 'all', chars, edits, 'CER %': chars ? (100 * edits) / chars : '-' }
  printTable([...rows, total] as unknown as Record<string, string | number>[])
  console.log(`\n${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes share them)`)
}

async function benchPage(file: string): Promise<PageResult> {
  const t0 = performance.now()
  const engine = await getOcrEngine()
  const t1 = performance.now()
  const cpu0 = process.cpuUsage()
  const image = await readGreyImage(file, file)
  const page = await engine.read(image)
  const text = layoutPageText(page.boxes, page)
  const t2 = performance.now()
  const cpu = process.cpuUsage(cpu0)
  const expected = (JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected)[basename(file, '.png')]
  // Each printed piece on its own: the score is the OCR's, not whether layout put the pieces in the same order.
  const sources = (expected?.articles ?? []).flatMap((a) => [a.title, a.dateline ?? '', a.byline ?? '', ...a.text.split('\n')].filter(Boolean))
  const { edits, chars, cer } = pageCer(sources, text)
  const found = parsePageText(text, {})
  // A line matching no stretch of the source exactly is misread, or print the expected text lacks (a section
  // label, a caption): how well confidence points at errors.
  const source = foldForCer(sources.join(''))
  const wrong = (b: TextBox) => editsWithin(foldForCer(b.text), source) > 0
  const low = page.boxes.filter((b) => (b.confidence ?? 1) < LOW_CONFIDENCE)
  const sure = page.boxes.filter((b) => (b.confidence ?? 1) >= LOW_CONFIDENCE)
  const right = (expected?.articles ?? []).filter((e) => isRight(e, found)).length
  return {
    page: basename(file),
    pixels: `${image.width}×${image.height}`,
    lines: page.boxes.length,
    chars,
    edits,
    'CER %': chars ? 100 * cer : '-',
    'low-conf lines (not in source)': `${low.length} (${low.filter(wrong).length})`,
    'other lines not in source': `${sure.filter(wrong).length}/${sure.length}`,
    'articles right': `${right}/${Math.max(found.length, expected?.articles.length ?? 0)}`,
    's load': (t1 - t0) / 1000,
    's OCR': (t2 - t1) / 1000,
    'cpu s': (cpu.user + cpu.system) / 1e6,
    'peak RSS MB': peakRssMb(),
  }
}

// The bar, as tests/ingest/pdf.test.ts applies it: headline, body start and end, and byline.
function isRight(e: ExpectedArticle, found: ParsedArticle[]): boolean {
  const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '')
  const a = found.find((a) => squash(a.title) === squash(e.title) && (e.title || squash(a.text).startsWith(squash(e.start))))
  return Boolean(a && squash(a.text).startsWith(squash(e.start)) && squash(a.text).endsWith(squash(e.end)) && squash(a.byline) === squash(e.byline))
}
