import { readGreyImage } from './image.js'
import { readImagePage } from './image-source.js'
import { renderPdfPage } from './pdf-render.js'
import type { PageMeta, ParsedArticle } from './types.js'

// Scans are read at 200 dpi: body type of 9–10 pt is then ~25 px high, what the recogniser reads best;
// more resolution costs time and memory without fewer errors (see npm run bench:ocr).
export const OCR_DPI = 200

/** The articles of a PDF page that has no usable text layer: the page rendered and read by OCR. */
export async function readScannedPdfPage(file: string, pageNo: number, meta: PageMeta): Promise<ParsedArticle[]> {
  const png = await renderPdfPage(file, pageNo, OCR_DPI)
  const name = `第 ${pageNo} 页`
  return readImagePage(await readGreyImage(png, name), name, meta)
}
