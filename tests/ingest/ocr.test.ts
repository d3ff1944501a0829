import { crc32 } from 'node:zlib'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { listSources } from '../../src/ingest/index.js'
import { readGreyImage } from '../../src/ingest/image.js'
import { getOcrEngine } from '../../src/ingest/ocr.js'
import { createIndex } from '../../src/retrieve/index.js'
import { listIssueArticles, openDb } from '../../src/store/index.js'
import { editsWithin, foldForCer } from '../helpers/cer.js'
import { imageOnlyPdf } from '../helpers/image-pdf.js'
import { useTmpDir, writeFiles } from '../helpers/tmp.js'

const PAGES = join(import.meta.dirname, '../fixtures/pages')
const tmp = useTmpDir()
// Reading takes seconds on a busy machine (the models load once per test file): a bound, not a timing claim.
const OCR = { timeout: 120_000 }

// The boxed article 培训实操齐上阵 of the three-column fixture page (200 dpi), cut out so the test reads little.
const cropBoxedArticle = () =>
  sharp(join(PAGES, 'p1-three-columns.png')).extract({ left: 1090, top: 940, width: 560, height: 540 }).png().toBuffer()
interface ExpectedArticle {
  title: string
  dateline: string | null
  byline: string | null
  text: string
}
const EXPECTED = JSON.parse(readFileSync(join(PAGES, 'expected.json'), 'utf8')) as Record<string, { articles: ExpectedArticle[] }>
const boxed = EXPECTED['p1-three-columns']!.articles.find((a) => a.title.startsWith('培训实操齐上阵'))!

/** A PNG whose header claims the given size (the pixels are a 1 × 1 image: nothing past the header is read). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer()
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

describe('OCR of a page image', OCR, () => {
  it('reads a boxed article with under 2 % character errors, each line a box in page pixels', async () => {
    const image = await readGreyImage(await cropBoxedArticle(), 'crop.png')
    const page = await (await getOcrEngine()).read(image)
    const read = foldForCer(page.boxes.map((b) => b.text).join(''))
    const source = foldForCer([boxed.title, boxed.dateline, boxed.text, boxed.byline].join(''))
    expect(read.length).toBeGreaterThan(0.9 * source.length)
    expect(editsWithin(read, source) / read.length).toBeLessThanOrEqual(0.02)
    for (const b of page.boxes) {
      expect(b.x + b.width).toBeLessThanOrEqual(page.width)
      expect(b.y + b.height).toBeLessThanOrEqual(page.height)
      expect(b.confidence).toBeGreaterThan(0)
    }
    const headline = page.boxes.find((b) => b.text.includes('培训实操'))!
    const body = page.boxes.find((b) => b.text.includes('本报讯'))!
    expect(headline.height).toBeGreaterThan(1.5 * body.height)
  })
})

const photoPng = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#6a8caf', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .blur(4)
    .png()
    .toBuffer()

describe('page images in the ingest', OCR, () => {
  it('stores the article of a page image and goes on past a corrupt image, a 20,000 × 20,000 image and a photo', async () => {
    const photo = await sharp(await photoPng()).jpeg().toBuffer()
    const files = writeFiles(tmp(), {
      'a-corrupt.png': Buffer.concat([(await pngClaiming(800, 600)).subarray(0, 40), Buffer.from('not pixels')]),
      'b-huge.png': await pngClaiming(20_000, 20_000),
      'c-photo.jpg': photo,
      '经开时报_2023-11-15_第3版.png': await cropBoxedArticle(),
    })
    const db = openDb(':memory:')
    const summary = await createIndex(db).write(Object.values(files))
    expect(summary.failed.map((f) => f.path)).toEqual([files['a-corrupt.png'], files['b-huge.png'], files['c-photo.jpg']])
    const [corrupt, huge, notPage] = summary.failed.map((f) => f.error)
    expect(corrupt).toMatch(/损坏/)
    expect(huge).toMatch(/20000 × 20000 像素，超过/)
    expect(notPage).toMatch(/不像是报纸版面/)
    for (const e of [corrupt, huge, notPage]) expect(e).not.toMatch(/\n/)
    expect(summary.added).toBe(1)
    const article = listIssueArticles(db, '2023-11-15')[0]!
    expect(foldForCer(article.title)).toBe(foldForCer(boxed.title))
    expect(article).toMatchObject({ paper: '经开时报', date: '2023-11-15', page: '3', byline: '记者 鲁慧' })
  })
})

describe('PDF pages without a usable text layer', OCR, () => {
  it('reads a scanned page by OCR and keeps the page number', async () => {
    const pdf = await imageOnlyPdf(await cropBoxedArticle(), 560, 540)
    const { '经开时报_2023-11-15_第4版.pdf': path } = writeFiles(tmp(), { '经开时报_2023-11-15_第4版.pdf': pdf })
    const [article] = await readArticles(path!)
    expect(foldForCer(article!.title)).toBe(foldForCer(boxed.title))
    expect(article).toMatchObject({ page: '4', byline: '记者 鲁慧' })
    expect(editsWithin(foldForCer(article!.text), foldForCer(boxed.text)) / foldForCer(boxed.text).length).toBeLessThanOrEqual(0.02)
  })

  it('says in one sentence that a scanned page holding a photo has no text', async () => {
    const { 'photo.pdf': path } = writeFiles(tmp(), { 'photo.pdf': await imageOnlyPdf(await photoPng(), 800, 600) })
    const err = await readArticles(path!).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(InputError)
    expect((err as Error).message).toMatch(/^.*photo\.pdf: 第 1 页: 图片中只识别出 \d+ 个汉字，不像是报纸版面$/)
  })
})

async function readArticles(path: string) {
  const [file] = listSources([path]).files
  const out = []
  for await (const r of (await file!.open()).records()) if ('article' in r) out.push(r.article)
  return out
}
