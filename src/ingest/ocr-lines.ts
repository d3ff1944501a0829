import type { GreyImage } from './image.js'
import type { Region } from './ocr-regions.js'

/** The recogniser's input height (PP-OCRv4 rec: 3 × 48 × W). */
export const LINE_HEIGHT = 48
// A longer line is squeezed; wider than this it is a rule or a border, not one line of type.
const MAX_LINE_WIDTH = 4096

/** The width a line is read at: its box scaled to LINE_HEIGHT. */
export function lineWidth(r: Region): number {
  return Math.min(MAX_LINE_WIDTH, Math.max(8, Math.ceil((r.width * LINE_HEIGHT) / r.height)))
}

/**
 * Writes the box's pixels, scaled to LINE_HEIGHT rows (bilinear), into item n of a batch tensor
 * [N, 3, LINE_HEIGHT, width] as values 0–1 (the scale @gutenye/ocr-node feeds these models); the rest of
 * the row stays as the caller filled it (white).
 */
export function cropLine(image: GreyImage, r: Region, out: Float32Array, n: number, width: number): void {
  const w = Math.min(width, lineWidth(r))
  const plane = LINE_HEIGHT * width
  const base = n * 3 * plane
  const sx = r.width / w
  const sy = r.height / LINE_HEIGHT
  for (let y = 0; y < LINE_HEIGHT; y++) {
    const fy = Math.min(r.height - 1, Math.max(0, (y + 0.5) * sy - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(r.height - 1, y0 + 1)
    const wy = fy - y0
    const row0 = (r.y + y0) * image.width + r.x
    const row1 = (r.y + y1) * image.width + r.x
    for (let x = 0; x < w; x++) {
      const fx = Math.min(r.width - 1, Math.max(0, (x + 0.5) * sx - 0.5))
      const x0 = Math.floor(fx)
      const x1 = Math.min(r.width - 1, x0 + 1)
      const wx = fx - x0
      const top = image.data[row0 + x0]! * (1 - wx) + image.data[row0 + x1]! * wx
      const bottom = image.data[row1 + x0]! * (1 - wx) + image.data[row1 + x1]! * wx
      const v = (top * (1 - wy) + bottom * wy) / 255
      const i = base + y * width + x
      out[i] = v
      out[i + plane] = v
      out[i + 2 * plane] = v
    }
  }
}

/** One recognised line: its text and the mean probability of the characters kept. */
export interface LineReading {
  text: string
  confidence: number
  /** For each character of text, the share of the line's width (0–1) where the model read it. */
  at: number[]
}

/** Greedy CTC decoding of the recogniser's output [N, T, classes]: best class per step, blanks and repeats dropped. */
export function decodeLines(probs: Float32Array, dims: number[], dictionary: string[]): LineReading[] {
  const [n, steps, classes] = dims as [number, number, number]
  const lines: LineReading[] = []
  for (let b = 0; b < n; b++) {
    let text = ''
    let sum = 0
    let count = 0
    let previous = -1
    const at: number[] = []
    for (let t = 0; t < steps; t++) {
      const row = (b * steps + t) * classes
      let best = 0
      for (let c = 1; c < classes; c++) if (probs[row + c]! > probs[row + best]!) best = c
      if (best !== 0 && best !== previous) {
        const char = dictionary[best] ?? ''
        text += char
        for (let k = 0; k < char.length; k++) at.push((t + 0.5) / steps)
        sum += probs[row + best]!
        count++
      }
      previous = best
    }
    lines.push({ text, confidence: count ? sum / count : 0, at })
  }
  return lines
}

// Full-width punctuation carries its own blank, and a space is not doubled.
const SPACED = /[\p{P}\s]/u

/**
 * The line's text with a space where the print leaves one: before the first character read right of
 * each blank (page x), when characters were read on both sides of it.
 */
export function insertSpaces(text: string, charX: number[], spaces: number[]): string {
  const chars = [...text]
  if (chars.length !== charX.length) return text
  let out = ''
  let s = 0
  for (let i = 0; i < chars.length; i++) {
    while (s < spaces.length && spaces[s]! < charX[i]!) {
      if (i > 0 && charX[i - 1]! < spaces[s]! && !SPACED.test(chars[i]!) && !SPACED.test(chars[i - 1]!)) out += ' '
      s++
    }
    out += chars[i]
  }
  return out
}

const OPENS_BEFORE = /[\s，。：；、（(]/u
const CLOSES_BEFORE = /[，。、；：！？,.;:!?）)]/u

/**
 * Straight quotes in a Chinese line made curly (the recogniser often reads ” as "): closing at the line's
 * end, opening at its start or after punctuation, closing before punctuation, else alternating.
 */
export function curlQuotes(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text
  let open = false
  return text.replace(/["“”]/g, (q: string, i: number) => {
    const before = text[i - 1]
    const after = text[i + 1]
    const opening = q === '“' || (q === '"' && after !== undefined && (before === undefined || OPENS_BEFORE.test(before) || (!CLOSES_BEFORE.test(after) && !open)))
    open = opening
    return opening ? '“' : '”'
  })
}
