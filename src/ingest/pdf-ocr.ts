import { readGreyImage } from './image.js'
import { readPageBoxes } from './image-source.js'
import { layoutPageText, type PageSize, type TextBox } from './layout/index.js'
import { renderPdfPage } from './pdf-render.js'

// Scans are read at 200 dpi: body type of 9–10 pt is then ~25 px high, what the recogniser reads well;
// more resolution costs time and memory (see npm run bench:ocr).
const OCR_DPI = 200

/** A PDF page that has no usable text layer, rendered and read by OCR: its page text, the boxes read and the rendered size. */
export async function readScannedPdfPage(file: string, pageNo: number): Promise<{ text: string; boxes: TextBox[]; size: PageSize }> {
  const png = await renderPdfPage(file, pageNo, OCR_DPI)
  const name = `第 ${pageNo} 页`
  const page = await readPageBoxes(await readGreyImage(png, name), name)
  return { text: layoutPageText(page.boxes, page), boxes: page.boxes, size: { width: page.width, height: page.height } }
}
