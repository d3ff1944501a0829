import { readFile } from 'node:fs/promises'
import { InputError } from '../errors.js'
import { openPdf } from './pdf.js'

// A page rendered larger than this many pixels would need gigabytes of memory (an A0 poster at 600 dpi).
const MAX_PIXELS = 60_000_000

/** pdfjs's canvas factory on Node: @napi-rs/canvas, pdfjs-dist's own optional dependency (prebuilt binaries). */
interface CanvasFactory {
  create: (width: number, height: number) => { canvas: { toBuffer: (mime: 'image/png') => Buffer }; context: unknown }
}

/**
 * Renders one page of a PDF (pages count from 1) to a PNG at `dpi`, for OCR of pages whose text layer
 * is missing or unusable.
 */
export async function renderPdfPage(path: string, pageNo: number, dpi: number): Promise<Buffer> {
  const pdf = await openPdf(await readFile(path), path)
  try {
    if (pageNo < 1 || pageNo > pdf.pages) throw new InputError(`${path}: 没有第 ${pageNo} 页（共 ${pdf.pages} 页）`)
    const page = await pdf.document.getPage(pageNo)
    const viewport = page.getViewport({ scale: dpi / 72 })
    const [width, height] = [Math.ceil(viewport.width), Math.ceil(viewport.height)]
    if (width * height > MAX_PIXELS) throw new InputError(`${path}: 第 ${pageNo} 页按 ${dpi} dpi 渲染过大，请降低分辨率`)
    const { canvas, context } = (pdf.document.canvasFactory as CanvasFactory).create(width, height)
    await page.render({ canvasContext: context as CanvasRenderingContext2D, viewport }).promise
    return canvas.toBuffer('image/png')
  } finally {
    await pdf.close()
  }
}
