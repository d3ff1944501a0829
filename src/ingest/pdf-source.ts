import { readFileSync, statSync } from 'node:fs'
import { InputError } from '../errors.js'
import { deriveArticleId, sha1Hex } from './ids.js'
import { parseLaidOutPage } from './layout/index.js'
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

const PROBLEMS: Record<TextLayerProblem, string> = {
  none: '没有文字层（扫描件，或文字已转为曲线），需要 OCR 识别',
  unusable: '的文字层无法使用（字体缺少 Unicode 映射，提取出的是乱码），需要 OCR 识别',
  'not-chinese': '没有中文正文，不像是中文报纸的版面',
}

/**
 * A page PDF as a source: each page's text layer laid out and segmented, its articles carrying the page
 * number. A page whose text layer is missing or garbled is rendered and read by OCR; a page that gives
 * nothing is reported by number; a file where no page gives an article fails as a whole, so nothing of
 * it is written.
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
  try {
    const ids = new Map<string, number>()
    const problems: PageProblem[] = []
    let found = 0
    for (let pageNo = 1; pageNo <= pdf.pages; pageNo++) {
      const page = await pdf.readPage(pageNo)
      const problem = checkTextLayer(page.boxes, page.size)
      if (problem === 'not-chinese') {
        problems.push({ pageNo, problem })
        continue
      }
      // A one-page PDF keeps the page its name or manifest gives (第2版); pages of an issue are numbered.
      const pageMeta = { ...meta, page: pdf.pages === 1 && meta.page ? meta.page : String(pageNo) }
      let articles: ParsedArticle[]
      try {
        // A scan, or text whose fonts map to no Unicode: the rendered page is read by OCR instead.
        articles = problem ? await readScannedPdfPage(file, pageNo, pageMeta) : parseLaidOutPage(page.boxes, page.size, pageMeta)
      } catch (err) {
        if (!problem || !(err instanceof InputError)) throw err
        problems.push({ pageNo, problem, ocr: err.message })
        continue
      }
      for (const a of articles) {
        found++
        yield { article: prepareArticle(a, uniqueId(deriveArticleId(a), ids)) }
      }
    }
    if (found === 0) throw new InputError(`${file}: ${wholeFileProblem(problems, pdf.pages)}`)
    for (const p of problems) yield { line: p.pageNo, error: p.ocr ?? `第 ${p.pageNo} 页${PROBLEMS[p.problem]}` }
  } finally {
    await pdf.close()
  }
}

/** A page that gave no articles: its text layer's problem, and what OCR said when the page was read by it. */
interface PageProblem {
  pageNo: number
  problem: TextLayerProblem
  ocr?: string
}

/** Why no page gave an article: the one text-layer problem all pages share, or none of them. */
function wholeFileProblem(problems: PageProblem[], pages: number): string {
  if (problems.length === 1 && pages === 1 && problems[0]!.ocr) return problems[0]!.ocr
  const kinds = new Set(problems.map((p) => p.problem))
  if (problems.length < pages || kinds.size !== 1) return '没有识别出任何文章'
  const [kind] = kinds
  return `这份 PDF ${PROBLEMS[kind!]}`
}
