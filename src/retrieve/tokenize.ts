import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { loadLexicon } from './lexicon.js'

let jieba: Jieba | undefined

// Pointing back at an occasion or a batch (那回, 这批): jieba's dictionary lacks them, so it cuts the counter off
// into the next word (那|回去|看 for 那回|去看, 那|批省|专项债).
const POINTING = ['那回', '这回', '上回', '那批', '这批', '那届', '这届', '那趟', '这趟']

// Loading the dictionary takes ~200 ms, so it happens on first use, not at import. The local
// lexicon goes in with a high frequency so names such as 郑大二附院 stay one word; a reader's word for
// a name (开发区) is a word of jieba's already, and raising it would recut the articles' text.
function getJieba(): Jieba {
  if (jieba) return jieba
  jieba = Jieba.withDict(dict)
  const words = [...loadLexicon().entries].filter(([, e]) => !e.readers).map(([w]) => `${w} 200000 nz`)
  jieba.loadDict(Buffer.from([...words, ...POINTING.map((w) => `${w} 20000 r`)].join('\n')))
  return jieba
}

/** Full-width → half-width (NFKC) and lower case: the form both index and queries are read in. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

// Units foldText maps to one unit each, whatever their neighbours (none composes with another): ASCII, Han
// ideographs, full-width forms (to ASCII), the ideographic space and the common CJK punctuation.
const FOLDS_UNIT_BY_UNIT = /^[\0-\x7f\u00b7\u2014\u2018\u2019\u201c\u201d\u3000-\u3002\u3008-\u3011\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/

/** foldText of slices of one text, `(start, end) => foldText(text.slice(start, end))`. */
export type FoldedSlices = (start: number, end: number) => string

/**
 * The folded slices of a text. Passages of the same candidates are folded several times a search; a
 * text that folds unit by unit (most articles) is folded once and sliced, any other slice by slice.
 */
export function foldedSlices(text: string): FoldedSlices {
  if (!FOLDS_UNIT_BY_UNIT.test(text)) return (start, end) => foldText(text.slice(start, end))
  const folded = foldText(text)
  return (start, end) => folded.slice(start, end)
}

const WORD = /[\p{L}\p{N}]/u

/** A (folded) text cut by jieba plus the local lexicon, punctuation and spaces included. */
export function cutWords(text: string): string[] {
  return getJieba().cut(foldText(text), false)
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u

/**
 * Words jieba's HMM finds in a (folded) text that neither its dictionary nor the lexicon holds:
 * mostly names of people, places and firms (赵荀, 康安友, 卡努), a question's most specific part.
 * The dictionary cut splits them into single characters; a caller that has it already passes it in.
 */
export function newWords(text: string, dictionaryCut: string[] = cutWords(text)): string[] {
  const known = new Set(dictionaryCut)
  const folded = foldText(text)
  return getJieba()
    .cut(folded, true)
    .filter((w) => HAN_WORD.test(w) && !known.has(w) && !startsWithDateUnit(folded, w) && !POINTING.some((p) => folded.includes(p + w)))
}

/** True when a word begins with the unit of a date or time the text writes in digits (日去 of 6月1日去看). */
function startsWithDateUnit(text: string, word: string): boolean {
  return /^[年月日号时点]/u.test(word) && new RegExp(`\\d${word}`).test(text)
}

// How often a character must stand as a word of its own in jieba's dictionary for two of them side by side, a
// pair the dictionary lacks, to be read as two words (给区 of 给区里, 各来 of 各来了多少家), not one name.
const COMMON_WORD_FREQ = 10000
let dictionary: { pairs: Set<string>; singles: Map<string, number> } | undefined

/** jieba's dictionary as its two-character words and its one-character words' frequencies, read on first use. */
function dictionaryWords(): { pairs: Set<string>; singles: Map<string, number> } {
  if (dictionary) return dictionary
  const pairs = new Set<string>()
  const singles = new Map<string, number>()
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const [word, freq] = line.split(' ')
    const length = word ? [...word].length : 0
    if (length === 1) singles.set(word!, Number(freq))
    else if (length === 2) pairs.add(word!)
  }
  dictionary = { pairs, singles }
  return dictionary
}

/** True when a two-character word jieba's HMM made is two common words its dictionary holds apart (给|区, 各|来). */
export function isTwoCommonWords(word: string): boolean {
  const chars = [...word]
  if (chars.length !== 2) return false
  const { pairs, singles } = dictionaryWords()
  return !pairs.has(word) && chars.every((c) => (singles.get(c) ?? 0) >= COMMON_WORD_FREQ)
}

/** The words of a (folded) text with jieba's part-of-speech tags (lexicon names are tagged nz). */
export function tagWords(text: string): { word: string; tag: string }[] {
  return getJieba().tag(foldText(text), false)
}

/** Person, place, organisation and other proper-name tags (nr, ns, nt, nz and their kin). */
export function isNameTag(tag: string): boolean {
  return /^n[rstz]/.test(tag)
}

/** Words of a (folded) text, jieba plus the local lexicon: how queries are understood. */
export function tokenize(text: string): string[] {
  return cutWords(text)
    .map((t) => t.trim())
    .filter((t) => WORD.test(t))
}

// A run of letters/digits (a point inside, as in 9.97, included); inside it every Han
// character is one unit and every other stretch (a number, a Latin word) is one unit.
const RUN = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)
}

function pushRunTokens(run: string, out: string[]): void {
  const units: string[] = []
  let i = 0
  while (i < run.length) {
    if (isHan(run.charCodeAt(i))) {
      units.push(run[i++]!)
      continue
    }
    let j = i + 1
    while (j < run.length && !isHan(run.charCodeAt(j))) j++
    const unit = run.slice(i, j)
    // Numbers and Latin words also stand alone, so "GDP" finds "GDP增速".
    if (unit.length > 1) out.push(unit)
    units.push(unit)
    i = j
  }
  if (units.length === 1 && units[0]!.length === 1) out.push(units[0]!)
  for (let u = 0; u + 1 < units.length; u++) out.push(units[u]! + units[u + 1]!)
}

/**
 * The index tokens of a text: overlapping bigrams of units (Han characters, numbers, Latin words)
 * within each run, so any name, known to a dictionary or not, is found as a phrase of its bigrams.
 */
export function indexTokens(text: string): string[] {
  const out: string[] = []
  for (const m of foldText(text).matchAll(RUN)) pushRunTokens(m[0], out)
  return out
}

/**
 * The index tokens a text makes as a phrase inside a longer run of an article: its bigrams, without the
 * number or Latin word the index also holds alone (ahead of the run's bigrams, so 80 80岁 is never a
 * phrase of 全区80岁以上); a text of one unit is that unit.
 */
export function phraseTokens(text: string): string[] {
  const tokens = indexTokens(text)
  return tokens.length > 1 ? tokens.filter((t) => /\p{Script=Han}/u.test(t)) : tokens
}

/** The index tokens of a text as one space-joined string, the form the FTS columns hold. */
export function tokenizeForIndex(text: string): string {
  return indexTokens(text).join(' ')
}
