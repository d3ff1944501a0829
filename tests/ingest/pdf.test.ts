import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { listSources, type ArticleInput } from '../../src/ingest/index.js'
import { openPdf } from '../../src/ingest/pdf.js'
import { renderPdfPage } from '../../src/ingest/pdf-render.js'
import { checkTextLayer } from '../../src/ingest/text-layer.js'
import { createIndex } from '../../src/retrieve/index.js'
import { countArticles, openDb } from '../../src/store/index.js'
import { imageOnlyPdf } from '../helpers/image-pdf.js'
import { encryptedPdf, latinPdf } from '../helpers/pdf-files.js'
import { useTmpDir, writeFiles } from '../helpers/tmp.js'

const PAGES = join(import.meta.dirname, '../fixtures/pages')
const tmp = useTmpDir()
const LETTER = ['Dear Sir or Madam,', ...Array<string>(12).fill('Thank you for your letter of the fifth about the new road to the hospital.'), 'Yours faithfully, John Smith'].join('\n')

interface ExpectedArticle {
  title: string
  /** How many of the page's columns the article spans. */
  columns: number
  byline: string | null
  start: string
  end: string
  text: string
}
interface ExpectedPage {
  columns: number
  articles: ExpectedArticle[]
}
const EXPECTED = JSON.parse(readFileSync(join(PAGES, 'expected.json'), 'utf8')) as Record<string, ExpectedPage>

/** A PDF of the given fixture pages, one after the other (written uncompressed, so a test can edit it). */
async function joinPages(pages: (string | Buffer)[]): Promise<string> {
  const issue = await PDFDocument.create()
  for (const p of pages) {
    const [page] = await issue.copyPages(await PDFDocument.load(typeof p === 'string' ? readFileSync(join(PAGES, p)) : p), [0])
    issue.addPage(page)
  }
  return writeFiles(tmp(), { 'issue.pdf': Buffer.from(await issue.save({ useObjectStreams: false })) })['issue.pdf']!
}

/** The records of one file as the ingest reads them. */
async function readRecords(path: string) {
  const [file] = listSources([path]).files
  const out = []
  for await (const r of (await file!.open()).records()) out.push(r)
  return out
}

async function readArticles(path: string): Promise<ArticleInput[]> {
  return (await readRecords(path)).flatMap((r) => ('article' in r ? [r.article] : []))
}

// A PDF's text layer does not keep the spaces CJK text is set with; compare without whitespace.
const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '')

/** What is wrong with the article read for an expected one ([] when headline, start, end and byline match). */
function misses(e: ExpectedArticle, found: ArticleInput[]): string[] {
  const a = found.find((a) => squash(a.title) === squash(e.title) && (e.title || squash(a.text).startsWith(squash(e.start))))
  if (!a) return ['no article with this headline']
  return [
    ...(squash(a.text).startsWith(squash(e.start)) ? [] : [`starts ${a.text.slice(0, 16)}`]),
    ...(squash(a.text).endsWith(squash(e.end)) ? [] : [`ends ${a.text.slice(-16)}`]),
    ...(squash(a.byline) === squash(e.byline) ? [] : [`byline ${a.byline}`]),
  ]
}

describe('page PDFs with a text layer', () => {
  it('reads ≥ 90 % of the fixture articles with the right headline, body start and end, and byline', async () => {
    let right = 0
    let total = 0
    for (const [name, page] of Object.entries(EXPECTED)) {
      const found = await readArticles(join(PAGES, `${name}.pdf`))
      total += Math.max(page.articles.length, found.length)
      for (const e of page.articles) {
        const m = misses(e, found)
        if (m.length) console.log(`miss ${name} 「${e.title}」: ${m.join('; ')}`)
        else right++
      }
    }
    console.log(`PDF text layer: ${right}/${total} articles right`)
    expect(right / total).toBeGreaterThanOrEqual(0.9)
  })

  it.each(['p2-four-columns', 'p3-four-columns-box', 'p4-a3-five-columns'])(
    'keeps each article of %s contiguous and in order across its columns',
    async (name) => {
      const found = await readArticles(join(PAGES, `${name}.pdf`))
      for (const e of EXPECTED[name]!.articles) {
        const a = found.find((a) => squash(a.title) === squash(e.title) && squash(a.text).startsWith(squash(e.start)))
        expect(squash(a?.text), e.title).toBe(squash(e.text))
      }
    },
  )

  it.each(Object.keys(EXPECTED))('gives each article of %s the region of the page it was read from', async (name) => {
    const page = EXPECTED[name]!
    const found = await readArticles(join(PAGES, `${name}.pdf`))
    const regions = page.articles.map((e) => {
      const a = found.find((a) => squash(a.title) === squash(e.title) && squash(a.text).startsWith(squash(e.start)))
      const r = a?.region
      expect(r, e.title).toBeDefined()
      for (const v of [r!.x, r!.y, r!.x + r!.width, r!.y + r!.height]) {
        expect(v).toBeGreaterThanOrEqual(0)
        expect(v).toBeLessThanOrEqual(1)
      }
      // An article spanning k of n columns is at most about k/n of the page wide, and at least half a column.
      expect(r!.width, e.title).toBeLessThan(e.columns / page.columns + 0.1)
      expect(r!.width, e.title).toBeGreaterThan(0.5 / page.columns)
      return r!
    })
    // Articles are read from different places: no two regions share much of their area.
    const overlap = (a: (typeof regions)[number], b: (typeof regions)[number]) =>
      Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))
    for (const [i, a] of regions.entries()) for (const b of regions.slice(i + 1)) expect(overlap(a, b)).toBeLessThan(0.2 * Math.min(a.width * a.height, b.width * b.height))
  })

  it('gives each article its page, and the page a file name names to a one-page PDF', async () => {
    const dir = tmp()
    const pdf = readFileSync(join(PAGES, 'p1-three-columns.pdf'))
    const { '经开时报_2023-11-15_第2版.pdf': named } = writeFiles(dir, { '经开时报_2023-11-15_第2版.pdf': pdf })
    const articles = await readArticles(named!)
    expect(articles.length).toBe(5)
    expect(articles.every((a) => a.page === '2' && a.paper === '经开时报' && a.issueDate === '2023-11-15')).toBe(true)
    expect((await readArticles(join(PAGES, 'p1-three-columns.pdf'))).every((a) => a.page === '1')).toBe(true)
  })

  it('is ingested through the index like page text, and a second ingest changes nothing', async () => {
    const db = openDb(':memory:')
    const index = createIndex(db)
    const first = await index.write([join(PAGES, 'p2-four-columns.pdf')])
    expect(first).toMatchObject({ files: 1, added: 7, failed: [] })
    expect(await index.write([join(PAGES, 'p2-four-columns.pdf')])).toMatchObject({ added: 0, unchanged: 7 })
    expect((await index.search('郑大二附院周边道路什么时候通车')).hits[0]?.title).toContain('郑大二附院')
  })
})

describe('PDFs that cannot be read as they are', () => {
  it('finds that a page whose CJK font lost its Unicode map needs OCR', async () => {
    // The fixture with its font's ToUnicode entry blanked out (same length, so the offsets still hold).
    const pdf = readFileSync(join(PAGES, 'p1-three-columns.pdf')).toString('latin1')
    const blanked = pdf.replace(/\/ToUnicode \d+ 0 R/g, (m) => ' '.repeat(m.length))
    expect(blanked).not.toBe(pdf)
    const file = await openPdf(Buffer.from(blanked, 'latin1'), 'x.pdf')
    const page = await file.readPage(1)
    await file.close()
    expect(checkTextLayer(page.boxes, page.size)).toBe('unusable')
  })

  it('renders a page to a PNG at the asked resolution for OCR', async () => {
    const png = await renderPdfPage(join(PAGES, 'p2-four-columns.image.pdf'), 1, 100)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]
    const page = EXPECTED['p2-four-columns'] as unknown as { size: [number, number] }
    expect(width).toBe(Math.ceil((page.size[0] / 25.4) * 100))
    expect(Math.abs(height - (page.size[1] / 25.4) * 100)).toBeLessThanOrEqual(1)
  })

  it.each([
    ['encrypted', () => encryptedPdf(), /已加密/],
    ['not a PDF at all', () => Buffer.from('<html>not a pdf</html>'), /不是有效的 PDF/],
    ['cut short', () => readFileSync(join(PAGES, 'p1-three-columns.pdf')).subarray(0, 2000), /PDF/],
    ['500 pages long', () => latinPdf(Array.from({ length: 500 }, (_, i) => `Page ${i + 1}`)), /共 500 页.*上限/],
    ['an English letter, not a newspaper', () => latinPdf([LETTER]), /没有中文正文/],
  ])('rejects a PDF that is %s with one sentence', async (_, make, message) => {
    const { 'x.pdf': path } = writeFiles(tmp(), { 'x.pdf': make() })
    const err = await readRecords(path!).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(InputError)
    expect((err as Error).message).toMatch(message)
    expect((err as Error).message).not.toMatch(/\n/)
  })

  it('reads the pages that have a text layer and reports by number a scanned page OCR finds no text on', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#6a8caf', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
      .blur(4)
      .png()
      .toBuffer()
    const path = await joinPages(['p2-four-columns.pdf', await imageOnlyPdf(photo, 800, 600)])
    const s = await createIndex(openDb(':memory:')).write([path])
    expect(s).toMatchObject({ added: 7, failed: [{ path, line: 2, error: expect.stringMatching(/^第 2 页: 图片中只识别出 \d+ 个汉字，不像是报纸版面$/) }] })
  }, 120_000) // OCR of the scanned page: seconds on a busy machine

  it('keeps the pages it can read when one page of the file is broken', async () => {
    const path = await joinPages(['p2-four-columns.pdf', 'p3-four-columns-box.pdf'])
    const pdf = readFileSync(path).toString('latin1')
    // The page tree's second entry made to point at an object that is no page.
    const broken = pdf.replace(/\/Kids \[ ?(\d+ 0 R) \d+ 0 R ?\]/, (_, first: string) => `/Kids [${first} 1 0 R]`)
    expect(broken).not.toBe(pdf)
    writeFileSync(path, Buffer.from(broken, 'latin1'))
    const s = await createIndex(openDb(':memory:')).write([path])
    expect(s).toMatchObject({ added: 7, failed: [{ path, line: 2, error: '第 2 页无法读取（PDF 已损坏）' }] })
  })

  it('goes on with the batch and writes nothing of a bad PDF', async () => {
    const db = openDb(':memory:')
    const dir = tmp()
    const bad = writeFiles(dir, { 'a-encrypted.pdf': encryptedPdf(), 'b-long.pdf': latinPdf(Array(500).fill('x')), 'c-letter.pdf': latinPdf([LETTER]) })
    const s = await createIndex(db).write([bad['a-encrypted.pdf']!, bad['c-letter.pdf']!, bad['b-long.pdf']!, join(PAGES, 'p3-four-columns-box.pdf')])
    expect(s.failed.map((f) => f.path)).toEqual([bad['a-encrypted.pdf'], bad['c-letter.pdf'], bad['b-long.pdf']])
    expect(s.added).toBe(6)
    expect(countArticles(db)).toBe(6)
  })
})
