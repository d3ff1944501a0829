import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js'
import { InputError } from '../errors.js'
import type { PageSize, TextBox } from './layout/index.js'

// Chinese PDFs often name a predefined CMap (GBK-EUC-H, UniGB-UCS2-H) instead of embedding one: pdfjs needs
// its CMap files to turn their codes into text, and its standard font data for fonts not embedded.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
const PDFJS_DATA = {
  cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
}

// An issue of a newspaper has 4–48 pages (a special edition about 100); more is a book or an archive.
export const MAX_PDF_PAGES = 120
// pdfjs holds the whole file in memory: a page PDF with photos is tens of megabytes, not gigabytes.
export const MAX_PDF_BYTES = 500 * 1024 * 1024

/** One page of a PDF as positioned text: boxes in PDF points, top-left origin. */
export interface PdfPageText {
  pageNo: number
  size: PageSize
  boxes: TextBox[]
}

/** An opened PDF: its page count, and its pages' text read one at a time. */
export interface PdfFile {
  pages: number
  /** The pdfjs document, for rendering pages. */
  document: PDFDocumentProxy
  readPage: (pageNo: number) => Promise<PdfPageText>
  close: () => Promise<void>
}

/**
 * Opens a PDF with pdfjs (text layer only: no fonts loaded, no scripts). An encrypted, corrupt or
 * over-long file is an InputError with one sentence that names it.
 */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PdfFile> {
  const doc = await loadDocument(bytes, file)
  if (doc.numPages > MAX_PDF_PAGES) {
    await doc.destroy()
    throw new InputError(`${file}: PDF 共 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限，不像是一期报纸；请拆分后再导入`)
  }
  return {
    pages: doc.numPages,
    document: doc,
    readPage: async (pageNo) => readPageText(await doc.getPage(pageNo), pageNo),
    close: () => doc.destroy(),
  }
}

async function loadDocument(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA, isEvalSupported: false, disableFontFace: true, verbosity: 0 })
  try {
    return await task.promise
  } catch (err) {
    await task.destroy()
    const name = err instanceof Error ? err.name : ''
    if (name === 'PasswordException') throw new InputError(`${file}: PDF 已加密，需要密码才能读取；请先去掉密码再导入`, { cause: err })
    throw new InputError(`${file}: 不是有效的 PDF 文件，或文件已损坏`, { cause: err })
  }
}

async function readPageText(page: PDFPageProxy, pageNo: number): Promise<PdfPageText> {
  const view = page.getViewport({ scale: 1 })
  const content = await page.getTextContent()
  const boxes: TextBox[] = []
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue
    boxes.push(toBox(item, view.transform))
  }
  page.cleanup()
  return { pageNo, size: { width: view.width, height: view.height }, boxes }
}

/** A text item's box in viewport space (top-left origin, rotation applied), its height the type size. */
function toBox(item: TextItem, viewport: number[]): TextBox {
  const [a, b, c, d, e, f] = multiply(viewport, item.transform)
  const size = Math.hypot(c!, d!)
  const scale = Math.hypot(a!, b!) / Math.hypot(item.transform[0]!, item.transform[1]!)
  // The baseline sits at (e, f) with y growing downwards; the glyphs rise `size` above it.
  return { text: item.str, x: e!, y: f! - size, width: item.width * (Number.isFinite(scale) ? scale : 1), height: size }
}

function multiply(m: number[], n: number[]): number[] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ]
}
