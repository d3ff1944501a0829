/** Line-level clean-up of OCR'd page text: width folding, punctuation, spacing, page furniture. */

const HAN = '\\p{Script=Han}'
// CJK punctuation, full-width forms and the curly quotes Chinese text uses.
const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018-\\u201f\\u2026\\u2014\\u00b7'
const WIDE = `${HAN}${CJK_PUNCT}`

const HAN_RE = new RegExp(HAN, 'u')
const WIDE_RE = new RegExp(`[${WIDE}]`, 'u')
const HAN_GAP = new RegExp(`${HAN} +(?=${HAN})`, 'gu')

// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible,
// they can make a headline or a quoted sentence display differently from what is stored and searched.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/** The text without bidi controls; applied to every text that enters the store. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}

/** Full-width letters, digits and %, the ideographic space and stray U+FFFD/zero-width marks and bidi controls folded away. */
export function foldWidth(line: string): string {
  return stripBidiControls(line)
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0b\uff0e\uff0f\uff20]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\u3000/g, ' ')
    .replace(/[\ufffd\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\t/g, ' ')
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' }

/** Half-width , : ; ? ! and ( ) next to Chinese text become their full-width forms; 1,000 and 9:30 stay. */
export function normalizePunctuation(line: string): string {
  const out = line.replace(/[,:;?!]/g, (c, i: number) => {
    const before = line[i - 1] ?? ''
    const after = line[i + 1] ?? ''
    return WIDE_RE.test(before) || WIDE_RE.test(after) ? HALF_TO_FULL[c]! : c
  })
  return out.replace(/\(([^()]*)\)/g, (whole, inner: string, i: number) =>
    HAN_RE.test(inner) || HAN_RE.test(out[i - 1] ?? '') ? `（${inner}）` : whole,
  )
}

/**
 * Collapses OCR spacing. A spaced-out line (本 报 讯 为 落 实, S P A) loses every space except those
 * before Latin words; any line loses spaces next to Chinese punctuation or between Chinese and digits, and
 * single spaced digits between Chinese (3 6 3 6 套) are glued. Spaces before Latin (A 区, COVID 19) stay.
 */
export function collapseSpacing(line: string): string {
  let s = line.replace(/ {2,}/g, ' ').trim()
  const han = s.match(new RegExp(HAN, 'gu'))?.length ?? 0
  const gaps = s.match(HAN_GAP)?.length ?? 0
  if (gaps >= 2 && gaps >= han * 0.3) {
    // Letter by letter (S P A) is one word spaced out; whole words (COVID 19) keep their space.
    s = s.replace(/(?<![A-Za-z0-9])[A-Za-z0-9](?: [A-Za-z0-9])+(?![A-Za-z0-9])/g, (w) => w.replace(/ /g, ''))
    s = s.replace(/(?<![A-Za-z0-9]) | (?![A-Za-z0-9])/g, '')
  }
  s = s.replace(new RegExp(`(?<=[${CJK_PUNCT}]) | (?=[${CJK_PUNCT}])`, 'gu'), '')
  s = s.replace(new RegExp(`(?<=${HAN}|^) ?\\d(?: \\d)+ ?(?=${HAN}|$)`, 'gu'), (d) => d.replace(/ /g, ''))
  return s.replace(new RegExp(`(?<=${HAN}) (?=\\d)|(?<=\\d) (?=${HAN})`, 'gu'), '')
}

// Page numbers, lone symbols and rules, 第2版 markers: printed on the page, not part of any article.
const LONE_MARKS = /^[-—–_=~·•●■□◆◇○◎※★☆|*#.…\s]*\d{0,3}[-—–_=~·•●■□◆◇○◎※★☆|*#.…\s]*$/
const PAGE_MARK = /^第?[\d一二三四五六七八九十]+版(?: .{1,10})?$/

/** True for lines that are page furniture rather than text. */
export function isFurniture(line: string): boolean {
  return line !== '' && (LONE_MARKS.test(line) || PAGE_MARK.test(line))
}

/** One raw line made clean: width folded, punctuation normalised, spacing collapsed ('' for furniture). */
export function cleanLine(raw: string): string {
  const s = collapseSpacing(normalizePunctuation(foldWidth(raw)))
  return isFurniture(s) ? '' : s
}

/** Joins a line broken at column width to its continuation; Latin words keep a space between them. */
export function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b
}

/** True when a line ends a sentence (。！？… with any closing quotes or brackets). */
export function endsSentence(line: string): boolean {
  return /[。！？!?…]["”’」』）)]*$/.test(line)
}

/** Printed width in full-width cells: digits, Latin and curly quotes count as half a cell. */
export function printedWidth(line: string): number {
  let w = 0
  for (const c of line) w += /[\x20-\x7e“”‘’]/.test(c) ? 0.5 : 1
  return w
}
