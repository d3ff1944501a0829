import { createRequire } from 'node:module'

// cjk-decomp, as the hanzi package ships it: one character a line with how its parts are laid out (a: side by
// side, d: one above the other, stl: inside a frame) and the parts, e.g. 抓:a(扌,爪), 庄:stl(广,土); a part without
// a code point of its own is a number with a line of its own.
const DECOMPOSITION = 'hanzi/lib/data/cjk-decomp.txt.js'
const LINE = /^([^:]+):([^(]*)\((.*)\)$/

// A radical that only says what a character is about (water, hand, person, speech) is shared by hundreds of
// characters of other shapes: 江 and 河 are no more alike than 工 and 可.
const MEANING_RADICALS = new Set([...'氵扌亻讠忄纟钅口木艹'])

interface Glyph {
  layout: string
  parts: string[]
}

let glyphs: Map<string, Glyph> | undefined
const heights = new Map<string, number>()

/**
 * Two characters handwriting input or a quick eye confuses: the one, or a part it is written from,
 * is a part of the other or of its parts (抓 holds 爪, 压 and 庄 both 土, 稈 and 程 禾, 阴 and 阳 阝).
 * Single strokes, parts written in one (一, 丶, 八, 厂) and radicals of meaning (氵, 扌) are shared by too many
 * characters to count.
 */
export function looksAlike(a: string, b: string): boolean {
  return partsAlike(a, b) || sameFrame(a, b)
}

function partsAlike(a: string, b: string): boolean {
  if (a === b) return true
  const [nearA, nearB] = [within(a), within(b)]
  const shared = (top: string[], near: Set<string>) => top.some((p) => near.has(p) && height(p) >= 2 && !MEANING_RADICALS.has(p))
  return shared([a, ...partsOf(a)], nearB) || shared([b, ...partsOf(b)], nearA)
}

/**
 * Two characters written the same way from two parts, one the same and the other alike: 休 and 体 (亻 with
 * 木 or 本), 沽 and 洁 (氵 with 古 or 吉). The shared radical alone does not make them alike; the parts beside it do.
 */
function sameFrame(a: string, b: string): boolean {
  const [pa, pb] = [partsOf(a), partsOf(b)]
  if (pa.length !== 2 || pb.length !== 2 || layoutOf(a) !== layoutOf(b)) return false
  return (pa[0] === pb[0] && pa[1] !== pb[1] && partsAlike(pa[1]!, pb[1]!)) || (pa[1] === pb[1] && pa[0] !== pb[0] && partsAlike(pa[0]!, pb[0]!))
}

/** The character with its parts and their parts. */
function within(ch: string): Set<string> {
  const near = new Set([ch])
  for (const part of partsOf(ch)) {
    near.add(part)
    for (const sub of partsOf(part)) near.add(sub)
  }
  return near
}

/** How many levels of parts a character has above its strokes: ㇒ 0, 一 and 八 1, 十 2, 土 3. */
function height(ch: string, seen = new Set<string>()): number {
  const known = heights.get(ch)
  if (known !== undefined) return known
  const parts = partsOf(ch).filter((p) => p !== ch && !seen.has(p))
  seen.add(ch)
  const h = parts.length > 0 ? 1 + Math.max(...parts.map((p) => height(p, seen))) : glyphOf(ch) !== undefined ? 1 : 0
  heights.set(ch, h)
  return h
}

function partsOf(ch: string): string[] {
  return glyphOf(ch)?.parts ?? []
}

function layoutOf(ch: string): string | undefined {
  return glyphOf(ch)?.layout
}

function glyphOf(ch: string): Glyph | undefined {
  glyphs ??= loadDecomposition()
  return glyphs.get(ch)
}

// Read when the first typo is looked at: 85k lines, some tens of milliseconds.
function loadDecomposition(): Map<string, Glyph> {
  const text = createRequire(import.meta.url)(DECOMPOSITION) as string
  const out = new Map<string, Glyph>()
  for (const line of text.split('\n')) {
    const m = LINE.exec(line)
    if (m) out.set(m[1]!, { layout: m[2]!, parts: m[3] ? m[3].split(',') : [] })
  }
  return out
}
