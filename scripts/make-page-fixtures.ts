// Lays the seed pages' articles out as multi-column newspaper pages and renders each with Debian's chromium
// (fonts-wqy-zenhei) to a PDF with a text layer, a PDF holding only the page image, and a 200 dpi PNG.
// Writes tests/fixtures/pages/: <name>.pdf, <name>.png, for two pages <name>.image.pdf, and expected.json.
// Run: npx tsx scripts/make-page-fixtures.ts   (needs /usr/bin/chromium; the tests only read its output)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { PNG } from 'pngjs'
import { decodeText, parsePageText, type ParsedArticle } from '../src/ingest/index.js'

const SEEDS = join(import.meta.dirname, '../../shared/seeds')
const OUT = join(import.meta.dirname, '../tests/fixtures/pages')
const CHROMIUM = '/usr/bin/chromium'
const DPI = 200
// A page whose articles do not fit is made this much taller until they do (newspapers vary in height too).
const GROW_MM = 15

/** One article's place on the page: seed article index, columns and rows of the page grid it spans. */
interface Slot {
  article: number
  cols: number
  rows?: number
  boxed?: boolean
}

interface PagePlan {
  name: string
  seed: string
  /** Page size in millimetres. */
  size: [number, number]
  columns: number
  /** Body type size in px (CSS). */
  type: number
  slots: Slot[]
  /** Also write the page as an image-only PDF (kept to two pages: the fixtures stay a few MB). */
  imagePdf?: boolean
}

// Hand-made plans: a 3-column page, two 4-column pages (one with an article spanning three columns beside
// two stacked one-column stories, one with a boxed article), and an A3 page.
const PLANS: PagePlan[] = [
  {
    name: 'p1-three-columns',
    seed: '000_5adc3b2768a65fa1.txt',
    size: [210, 297],
    columns: 3,
    type: 11,
    imagePdf: true,
    slots: [
      { article: 1, cols: 3 },
      { article: 2, cols: 2 },
      { article: 0, cols: 1, boxed: true },
      { article: 3, cols: 1 },
      { article: 4, cols: 2 },
    ],
  },
  {
    name: 'p2-four-columns',
    seed: '001_c4740e32d0d06a7b.txt',
    size: [210, 297],
    columns: 4,
    type: 10,
    imagePdf: true,
    slots: [
      { article: 4, cols: 3, rows: 2 },
      { article: 1, cols: 1 },
      { article: 3, cols: 1 },
      { article: 0, cols: 2 },
      { article: 2, cols: 2 },
      { article: 5, cols: 2 },
      { article: 6, cols: 2, boxed: true },
    ],
  },
  {
    name: 'p3-four-columns-box',
    seed: '003_6e4b236814fb6be4.txt',
    size: [210, 297],
    columns: 4,
    type: 10,
    slots: [
      { article: 0, cols: 4 },
      { article: 4, cols: 3 },
      { article: 1, cols: 1, boxed: true },
      { article: 2, cols: 2 },
      { article: 3, cols: 2 },
      { article: 5, cols: 4 },
    ],
  },
  {
    name: 'p4-a3-five-columns',
    seed: '004_6062cc997fbd3bd9.txt',
    size: [297, 420],
    columns: 5,
    type: 11,
    slots: [
      { article: 0, cols: 5 },
      { article: 3, cols: 3, rows: 2 },
      { article: 1, cols: 2 },
      { article: 2, cols: 2 },
      { article: 5, cols: 3 },
      { article: 4, cols: 2, boxed: true },
      { article: 6, cols: 5 },
    ],
  },
]

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function articleHtml(a: ParsedArticle, slot: Slot): string {
  const paras = a.text.split('\n')
  // A dateline that is a credit of its own (本报记者 郭树勋) is printed on its own line, 本报讯 runs into the lead.
  const ownLine = a.dateline && !/^本报讯/.test(a.dateline)
  if (a.dateline && !ownLine) paras[0] = `${a.dateline} ${paras[0]}`
  const body = [
    ...(ownLine ? [`<p class="credit">${esc(a.dateline!)}</p>`] : []),
    ...paras.map((p) => `<p>${esc(p)}</p>`),
    ...(a.byline ? [`<p class="byline">${esc(a.byline)}</p>`] : []),
  ].join('')
  const head = [
    a.section ? `<div class="section">${esc(a.section)}</div>` : '',
    a.title ? `<h2>${a.title.split(' ').map(esc).join('<br>')}</h2>` : '',
    a.subtitle ? `<h3>${esc(a.subtitle)}</h3>` : '',
  ].join('')
  const style = `grid-column: span ${slot.cols}; grid-row: span ${slot.rows ?? 1}`
  const cls = ['article', slot.boxed ? 'boxed' : '', a.title ? '' : 'caption'].filter(Boolean).join(' ')
  return `<article class="${cls}" style="${style}">${head}<div class="body" style="column-count: ${slot.cols}">${body}</div></article>`
}

function pageHtml(plan: PagePlan, articles: ParsedArticle[]): string {
  const [w, h] = plan.size
  const t = plan.type
  const css = `
@page { size: ${w}mm ${h}mm; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; }
body { width: ${w}mm; height: ${h}mm; overflow: hidden; font-family: 'WenQuanYi Zen Hei'; color: #111; }
.page { box-sizing: border-box; width: ${w}mm; height: ${h}mm; padding: 10mm;
  display: grid; grid-template-columns: repeat(${plan.columns}, 1fr); grid-auto-rows: auto;
  grid-auto-flow: row dense; column-gap: 6mm; row-gap: 7mm; align-content: start; }
.article { border-top: 1px solid #444; padding-top: 2mm; }
.boxed { border: 1.2px solid #222; padding: 3mm; }
.section { display: inline-block; background: #222; color: #fff; font-size: ${t}px; padding: 1px 6px; margin-bottom: 2mm; }
h2 { font-size: ${Math.round(t * 1.9)}px; line-height: 1.25; margin: 0 0 ${t * 0.6}px; font-weight: normal; text-align: center; }
h3 { font-size: ${Math.round(t * 1.3)}px; line-height: 1.3; margin: 0 0 ${t * 0.6}px; font-weight: normal; text-align: center; }
.body { column-gap: 4mm; font-size: ${t}px; line-height: 1.55; text-align: justify; }
.body p { margin: 0; text-indent: 2em; }
.body p.byline, .body p.credit { text-indent: 0; }
.body p.byline { text-align: right; }
.caption .body { background: #f3f3f3; }`
  const body = plan.slots.map((s) => articleHtml(articles[s.article]!, s)).join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body><div class="page">${body}</div></body></html>`
}

function chromium(profile: string, args: string[]): void {
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--hide-scrollbars',
      ...args,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  )
}

/** The size of a page in CSS pixels (96 per inch). */
const cssPx = (mm: number): number => Math.round((mm / 25.4) * 96)

async function pageCount(pdf: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), useSystemFonts: false }).promise
  const n = doc.numPages
  await doc.destroy()
  return n
}

/** Prints the page to PDF, growing its height until everything is on one page; returns the height used. */
async function printPdf(plan: PagePlan, articles: ParsedArticle[], profile: string): Promise<number> {
  const html = join(profile, `${plan.name}.html`)
  const pdf = join(OUT, `${plan.name}.pdf`)
  for (let h = plan.size[1]; h < plan.size[1] * 2; h += GROW_MM) {
    writeFileSync(html, pageHtml({ ...plan, size: [plan.size[0], h] }, articles))
    chromium(profile, ['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href])
    if ((await pageCount(pdf)) === 1) return h
  }
  throw new Error(`${plan.name}: the articles do not fit on one page`)
}

/** Screenshots the page at DPI and stores it as 8-bit grey, as a scanner would, to keep the fixture small. */
function screenshot(plan: PagePlan, height: number, profile: string): void {
  const png = join(OUT, `${plan.name}.png`)
  chromium(profile, [
    `--window-size=${cssPx(plan.size[0])},${cssPx(height)}`,
    `--force-device-scale-factor=${DPI / 96}`,
    `--screenshot=${png}`,
    pathToFileURL(join(profile, `${plan.name}.html`)).href,
  ])
  const image = PNG.sync.read(readFileSync(png))
  writeFileSync(png, PNG.sync.write(image, { colorType: 0, inputColorType: 6 }))
}

/**
 * The screenshot as the only content of a PDF page: no text layer at all, as a scanned page has. The PNG's
 * compressed rows go into the PDF unchanged (Flate with the PNG predictor), so the file is no bigger than the image.
 */
function writeImagePdf(plan: PagePlan, height: number): void {
  const png = readFileSync(join(OUT, `${plan.name}.png`))
  const width = png.readUInt32BE(16)
  const rows = png.readUInt32BE(20)
  const idat: Buffer[] = []
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at)
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len))
    at += len + 12
  }
  const data = Buffer.concat(idat)
  const [w, h] = [plan.size[0], height].map((mm) => ((mm / 25.4) * 72).toFixed(2))
  const draw = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    [
      `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${rows} /ColorSpace /DeviceGray /BitsPerComponent 8`,
      ` /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent 8 /Columns ${width} >> /Length ${data.length} >>\nstream\n`,
      data,
      '\nendstream',
    ],
    [`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`],
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  const offsets: number[] = []
  let size = parts[0]!.length
  objects.forEach((o, i) => {
    offsets.push(size)
    const chunks = [`${i + 1} 0 obj\n`, ...(Array.isArray(o) ? o : [o]), '\nendobj\n'].map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c))
    for (const c of chunks) (parts.push(c), (size += c.length))
  })
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`))
  writeFileSync(join(OUT, `${plan.name}.image.pdf`), Buffer.concat(parts))
}

/** What a reader of the printed page finds per article, in the order the page prints them. */
function expectedArticles(plan: PagePlan, articles: ParsedArticle[]) {
  return plan.slots.map((s) => {
    const a = articles[s.article]!
    return {
      title: a.title,
      ...(a.subtitle && { subtitle: a.subtitle }),
      ...(a.section && { section: a.section }),
      ...(a.dateline && { dateline: a.dateline }),
      byline: a.byline ?? null,
      start: a.text.slice(0, 12),
      end: a.text.slice(-12),
      text: a.text,
      columns: s.cols,
      ...(s.boxed && { boxed: true }),
    }
  })
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const profile = mkdtempSync(join(tmpdir(), 'newsbot-chromium-'))
  const expected: Record<string, unknown> = {}
  try {
    for (const plan of PLANS) {
      const path = join(SEEDS, plan.seed)
      const articles = parsePageText(decodeText(readFileSync(path), path), {})
      const height = await printPdf(plan, articles, profile)
      screenshot(plan, height, profile)
      if (plan.imagePdf) writeImagePdf(plan, height)
      const size = [plan.size[0], height]
      expected[plan.name] = { seed: plan.seed, size, columns: plan.columns, articles: expectedArticles(plan, articles) }
      const sizes = ['.pdf', ...(plan.imagePdf ? ['.image.pdf'] : []), '.png'].map((e) => `${e} ${(statSync(join(OUT, plan.name + e)).size / 1024).toFixed(0)} KB`)
      console.log(`${plan.name} (${size.join(' x ')} mm): ${sizes.join(', ')}`)
    }
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 1) + '\n')
}

await main()
