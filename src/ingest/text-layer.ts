import type { PageSize, TextBox } from './layout/index.js'

/** Why a page's text layer cannot be read as Chinese text: the page needs OCR, or is not a Chinese page. */
export type TextLayerProblem = 'none' | 'unusable' | 'not-chinese'

// Fewer printed characters than this is a page of pictures (a scan, a photo page, text as outlines).
const MIN_CHARS = 20
// CJK fonts embedded without a Unicode map come out as U+FFFD, private-use code points or control characters.
const MAX_BROKEN = 0.05
// A Chinese newspaper page is mostly Han characters; a page with fewer than this is something else.
const MIN_HAN = 0.3
// Garbage from glyph ids read as Latin-1 is full of symbols and runs of letters without vowels…
const MAX_SYMBOLS = 0.15
// …and a CJK font read without its Unicode map gives code points from all over: Han extension A, CJK
// compatibility, bopomofo, kana, Yi, Braille, symbols. A Chinese page is set in few blocks; more than this
// share of characters outside them is garbage.
const MAX_UNEXPECTED = 0.1
const EXPECTED = /[\u4e00-\u9fff\u0020-\u007e\u00a0-\u00bf\u00d7\u00f7\u2010-\u205e\u2160-\u217f\u2460-\u24ff\u3000-\u303f\uff00-\uffef]/u
// A scan with a few typed words on it (a header, a stamp): little text, covering little of the page.
const SPARSE_CHARS = 200
const SPARSE_AREA = 0.03

/**
 * Checks a page's text layer before layout: undefined when it reads as Chinese text; otherwise what is
 * wrong ('none': no text at all, 'unusable': replacement, private-use or garbled Latin characters, so the
 * page needs OCR; 'not-chinese': real text, but not a Chinese page).
 */
export function checkTextLayer(boxes: TextBox[], page: PageSize): TextLayerProblem | undefined {
  const chars = [...boxes.map((b) => b.text).join('')].filter((c) => !/\s/.test(c))
  if (chars.length < MIN_CHARS) return 'none'
  const area = boxes.reduce((sum, b) => sum + b.width * b.height, 0)
  if (chars.length < SPARSE_CHARS && area < SPARSE_AREA * page.width * page.height) return 'none'
  const share = (re: RegExp) => chars.filter((c) => re.test(c)).length / chars.length
  if (share(/[\ufffd\ue000-\uf8ff\u0000-\u001f\u007f-\u009f]/u) > MAX_BROKEN) return 'unusable'
  if (1 - share(EXPECTED) > MAX_UNEXPECTED) return 'unusable'
  if (share(/[\u4e00-\u9fff]/u) >= MIN_HAN) return undefined
  return share(/[^\p{L}\p{N}\s.,;:'"()\-–—!?%/]/u) > MAX_SYMBOLS || !readsAsWords(boxes) ? 'unusable' : 'not-chinese'
}

/** Latin text of a real page is mostly words with vowels; glyph-id garbage mostly is not. */
function readsAsWords(boxes: TextBox[]): boolean {
  const words = boxes.flatMap((b) => b.text.match(/[A-Za-z]{2,}/g) ?? [])
  if (words.length === 0) return false
  return words.filter((w) => /[aeiouyAEIOUY]/.test(w)).length >= 0.7 * words.length
}
