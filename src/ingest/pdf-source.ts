import { readFileSync, statSync } from 'node:fs'
import { InputError } from '../errors.js'
import { deriveArticleId, sha1Hex } from './ids.js'
import { parseIssue, type IssuePage } from './issue.js'
import { markUncertain } from './image-source.js'
import { layoutPageText, withRegions, type PageSize, type TextBox } from './layout/index.js'
import { MAX_PDF_BYTES, openPdf } from './pdf.js'
import { readScannedPdfPage } from './pdf-ocr.js'
import { prepareArticle, uniqueId } from './prepare.js'
import { metaKey } from './source-meta.js'
import type { OpenedSource, SourceRecord } from './sources.js'
import { checkTextLayer, type TextLayerProblem } from './text-layer.js'
import type { ArticleInput, PageMeta, ParsedArticle } from './types.js'

/** True for page PDFs, by name. */
export function isPdfPath(path: string): boolean {
  return /\.pdf$/i.test(path)
}

/** What keeps a page from being read: its text layer, or the page itself being broken. */
type PageProblem = TextLayerProblem | 'broken'

const PROBLEMS: Record<PageProblem, string> = {
  broken: '无法读取（PDF 已损坏）',
  none: '没有文字层（扫描件，或文字已转为曲线），需要 OCR 识别',
  unusable: '的文字层无法使用（字体缺少 Unicode 映射，提取出的是乱码），需要 OCR 识别',
  'not-chinese': '没有中文正文，不像是中文报纸的版面',
}

/**
 * A page PDF as a source: each page's text layer laid out and segmented, its articles carrying the page
 * number and the issue's date and paper (parseIssue). A page whose text layer is missing or garbled is
 * rendered and read by OCR; a page that gives nothing is reported by number; a file where no page gives
 * an article fails as a whole, so nothing of it is written.
 */
export function openPdfSource(file: string, meta: PageMeta): OpenedSource<ArticleInput> {
  const size = statSync(file).size
  if (size > MAX_PDF_BYTES) throw new InputError(`${file}: PDF 超过 ${MAX_PDF_BYTES >> 20} MB，不像是一期报纸的版面；请拆分后再导入`)
  const bytes = readFileSync(file)
  return {
    hash: sha1Hex(bytes) + metaKey(meta),
    inBatches: false,
    records: () => readPdfRecords(bytes, file, meta),
  }
}

async function* readPdfRecords(bytes: Uint8Array, file: string, meta: PageMeta): AsyncGenerator<SourceRecord<ArticleInput>> {
  const pdf = await openPdf(bytes, file)
  const pages: IssuePage[] = []
  const problems: { pageNo: number; problem: PageProblem; ocr?: string }[] = []
  const ocrBoxes: TextBox[] = []
  // Where each page's articles were read from, to give every article its region of the page.
  const laidOut = new Map<string, { boxes: TextBox[]; size: PageSize }>()
  try {
    for (let pageNo = 1; pageNo <= pdf.pages; pageNo++) {
      // pdfjs reads past most damage; a page it cannot find or parse at all is reported, the others kept.
      const page = await pdf.readPage(pageNo).catch(() => undefined)
      if (!page) {
        problems.push({ pageNo, problem: 'broken' })
        continue
      }
      const problem = checkTextLayer(page.boxes, page.size)
      // A one-page PDF keeps the page its name or manifest gives (第2版); pages of an issue are numbered.
      const pageName = pdf.pages === 1 && meta.page ? meta.page : String(pageNo)
      if (!problem) {
        pages.push({ page: pageName, text: layoutPageText(page.boxes, page.size) })
        laidOut.set(pageName, { boxes: page.boxes, size: page.size })
      }
      else if (problem === 'not-chinese') problems.push({ pageNo, problem })
      else {
        // A scan, or text whose fonts map to no Unicode: the rendered page is read by OCR instead.
        const scanned = await readScannedPdfPage(file, pageNo).catch((err: unknown) => {
          if (err instanceof InputError) problems.push({ pageNo, problem, ocr: err.message })
          else throw err
        })
        if (scanned) {
          pages.push({ page: pageName, text: scanned.text })
          laidOut.set(pageName, { boxes: scanned.boxes, size: scanned.size })
          ocrBoxes.push(...scanned.boxes)
        }
      }
    }
  } finally {
    await pdf.close()
  }
  const articles = markUncertain(placeOnPages(parseIssue(pages, meta), laidOut), ocrBoxes)
  if (articles.length === 0) throw new InputError(`${file}: ${wholeFileProblem(problems, pdf.pages)}`)
  const ids = new Map<string, number>()
  for (const a of articles) yield { article: prepareArticle(a, uniqueId(deriveArticleId(a), ids)) }
  for (const p of problems) yield { line: p.pageNo, error: p.ocr ?? `第 ${p.pageNo} 页${PROBLEMS[p.problem]}` }
}

/** Each article with its region of the page it was read from (the pages of a PDF are laid out one by one). */
function placeOnPages(articles: ParsedArticle[], laidOut: Map<string, { boxes: TextBox[]; size: PageSize }>): ParsedArticle[] {
  const placed = [...articles]
  for (const [page, layout] of laidOut) {
    const on = articles.flatMap((a, i) => (a.page === page ? [i] : []))
    withRegions(on.map((i) => articles[i]!), layout.boxes, layout.size).forEach((a, k) => (placed[on[k]!] = a))
  }
  return placed
}

/** Why no page gave an article: the one text-layer problem all pages share, or none of them. */
function wholeFileProblem(problems: { problem: PageProblem; ocr?: string }[], pages: number): string {
  if (pages === 1 && problems[0]?.ocr) return problems[0].ocr
  const kinds = new Set(problems.map((p) => p.problem))
  if (problems.length < pages || kinds.size !== 1) return '没有识别出任何文章'
  const [kind] = kinds
  return `这份 PDF ${PROBLEMS[kind!]}`
}
