import { pinyin } from 'pinyin-pro'
import { foldText, isNameTag, loadLexicon, tagWords, type AnalyzedQuery, type WeightedWord } from '../retrieve/index.js'
import { CANDIDATES_READ, type Candidate } from './evidence.js'
import { looksAlike } from './glyphs.js'

// A window this long around the word, one character of the word wrong, is still the same name (阳妙镇 →
// 阳庙镇); shorter, a one-character difference is a different word.
const WINDOW = 3
const HAN = /^\p{Script=Han}+$/u
// Another number is another thing, not a typo: 第三季度 is not 第二季度 misspelt, nor 第二届 第二阶.
const NUMERAL = /[\d零一二两三四五六七八九十百千万]/
// A count jieba glued to what it counts (一个组, 两个村) is no name: 一个组要管 is not 一个主要管 misspelt.
const COUNT_OF = /^[\d零一二两三四五六七八九十百千万]+[个位名项条家支所]/

/**
 * The question's words with a misspelt name read as the articles spell it: a word no article holds
 * that, with the characters around it in the question, differs by one character from a stretch of the
 * articles found (蜜峰张 → 蜜蜂张, 瑞亭酒店 → 瑞庭酒店), a person's name only by a character that sounds
 * alike (书记吴斌 → 书记武斌). Words with digits are left alone: another number is not a typo.
 */
export function withTyposRead(query: AnalyzedQuery, candidates: Candidate[]): AnalyzedQuery {
  const read = readTypos(query, candidates)
  if (read.size === 0) return query
  return { ...query, words: query.words.map((w) => (read.has(w) ? { ...w, text: read.get(w)!, docs: 1 } : w)) }
}

/**
 * The question as the articles spell its misspelt names (经开区安至房 → 经开区安置房), or undefined when
 * none is: searched again, the words jieba cut around the typo (安至/房到) are read whole.
 */
export function respelt(query: AnalyzedQuery, candidates: Candidate[]): string | undefined {
  const read = readTypos(query, candidates)
  let text = query.text
  for (const [w, spelt] of read) text = text.replace(w.text, spelt)
  const unknown = query.words.filter((w) => w.docs === 0 && HAN.test(w.text) && !w.person && !w.place)
  if (unknown.length > 0) for (const [typed, word] of homophonesIn(text, unknown, quotableTexts(candidates))) text = text.replace(typed, word)
  return text === query.text ? undefined : text
}

// Voice and pinyin input put a word's sound in other characters (金旗 for 锦旗, 摊饭 for 摊贩, 节杆进烧 for 秸秆禁烧).
const HOMOPHONE_LENGTHS = [4, 3, 2]
// Characters of the asking, not of a word the articles print (的, 是, 几, 啥…).
const ASKING_CHARACTER = /[的地得了着过是在有和与或及吗呢吧啊呀嘛么哪啥谁几多少什怎咋个这那我你他她它们就也都还要会能想说]/

/**
 * Stretches of two to four characters where the question holds a word no article holds (neither a person's nor a
 * place's name) and the dictionary none (金旗, 节杆进烧), which no article found holds either but one spells with
 * characters that all sound alike, in whole words of its own (锦旗, 秸秆禁烧), or the lexicon does: each with that
 * spelling. A numeral or a character of the asking is never respelt.
 */
function homophonesIn(text: string, unknown: WeightedWord[], texts: string[]): Map<string, string> {
  const heard = new Map<string, string>()
  const question = foldText(text)
  const odd = oddStretches(question, unknown.map((w) => w.text))
  if (odd.length === 0) return heard
  const printed = [...texts.map((t) => ({ text: t, starts: wordStarts(t) })), ...lexiconForms()]
  for (const [from, to] of odd) {
    const free = new Array<boolean>(to - from).fill(true)
    for (const length of HOMOPHONE_LENGTHS) {
      for (let at = from; at + length <= to; at++) {
        const typed = question.slice(at, at + length)
        if (!free.slice(at - from, at - from + length).every(Boolean) || !HAN.test(typed) || ASKING_CHARACTER.test(typed) || NUMERAL.test(typed)) continue
        if (texts.some((t) => t.includes(typed))) continue
        const word = soundingWordIn(typed, printed)
        if (!word) continue
        heard.set(typed, word)
        free.fill(false, at - from, at - from + length)
      }
    }
  }
  return heard
}

let forms: { text: string; starts: Set<number> }[] | undefined

/** The lexicon's forms, each a whole word: words the articles print too (城管 for 综合行政执法局), though not in those found. */
function lexiconForms(): { text: string; starts: Set<number> }[] {
  return (forms ??= [...loadLexicon().entries.keys()].filter((form) => HAN.test(form)).map((form) => ({ text: form, starts: new Set([0, form.length]) })))
}

/**
 * The stretches [from, to) of the question where jieba's dictionary knows no word (it cuts single characters) and
 * a word no article holds lies: 送/金/旗, 节/杆/进/烧. A word the dictionary knows (意思, 日子, 航空港) is never in one.
 */
function oddStretches(question: string, unknown: string[]): [number, number][] {
  const singles: { from: number; to: number; odd: boolean }[][] = [[]]
  let offset = 0
  for (const { word } of tagWords(question)) {
    if (word.length === 1) singles.at(-1)!.push({ from: offset, to: offset + 1, odd: false })
    else singles.push([])
    offset += word.length
  }
  for (const word of unknown) {
    const at = question.indexOf(word)
    for (const run of singles) for (const t of run) if (at >= 0 && t.from < at + word.length && t.to > at) t.odd = true
  }
  return singles.filter((run) => run.length > 1 && run.some((t) => t.odd)).map((run) => [run[0]!.from, run.at(-1)!.to])
}

/** Where each word of a text starts, and where the last ends, by jieba's cut. */
function wordStarts(text: string): Set<number> {
  const starts = new Set<number>()
  let offset = 0
  for (const { word } of tagWords(text)) {
    starts.add(offset)
    offset += word.length
  }
  starts.add(offset)
  return starts
}

/** A stretch of whole words of the texts that sounds as `typed` does, character by character, and is not it. */
function soundingWordIn(typed: string, printed: { text: string; starts: Set<number> }[]): string | undefined {
  for (const { text, starts } of printed) {
    for (let i = 0; i + typed.length <= text.length; i++) {
      if (!starts.has(i) || !starts.has(i + typed.length)) continue
      const stretch = text.slice(i, i + typed.length)
      if (HAN.test(stretch) && [...stretch].every((c, k) => c === typed[k] || soundsTheSame(typed[k]!, c))) return stretch
    }
  }
  return undefined
}

/** The headlines and texts, folded, of the articles the answer may quote from: where typos and siblings are looked for. */
export function quotableTexts(candidates: Candidate[]): string[] {
  return candidates.slice(0, CANDIDATES_READ).map((c) => foldText(`${c.title}\n${c.text}`))
}

/** Each misspelt word of the question with the articles' spelling of it. */
function readTypos(query: AnalyzedQuery, candidates: Candidate[]): Map<WeightedWord, string> {
  const read = new Map<WeightedWord, string>()
  const absent = query.words.filter((w) => w.docs === 0 && HAN.test(w.text) && !COUNT_OF.test(w.text))
  if (absent.length === 0) return read
  const texts = quotableTexts(candidates)
  for (const w of absent) {
    const spelt = spellingIn(foldText(query.text), w.text, texts, w.person ? 'sound' : 'typo')
    if (spelt) read.set(w, spelt)
  }
  return read
}

/** How the articles spell `word`: a window of the question around it matched with one character of the word wrong. */
function spellingIn(question: string, word: string, texts: string[], reading: Reading): string | undefined {
  const at = question.indexOf(word)
  if (at < 0) return undefined
  const len = Math.max(WINDOW, word.length)
  for (let start = Math.max(0, at + word.length - len); start <= at && start + len <= question.length; start++) {
    const window = question.slice(start, start + len)
    if (!HAN.test(window)) continue
    for (const text of texts) {
      const found = oneOff(window, text, at - start, at - start + word.length, reading)
      if (found) return found.slice(at - start, at - start + word.length)
    }
  }
  return undefined
}

// A name printed with the two characters after it the same and one character of its own other (瑞庭酒店 for
// 瑞丰酒店): the question names its sibling, not a misspelling of it. The characters before it do not tell
// (福华街发巡逻车 is not 福华街街道 misnamed, but a verb jieba glued to the street), nor does its first
// character, where jieba glues a verb (搞明厨亮灶 beside 了明厨亮灶).
const SIBLING_CONTEXT = 2

/**
 * A stretch of the articles that spells a name of the question's as a sibling of it: the word no article
 * holds with the SIBLING_CONTEXT characters after it, one character of the word other, and that character
 * neither sounding nor looking alike (those are read as typos first). 客运路社区 beside 客技路社区,
 * 中车高端 beside 中铁高端: another road, another firm.
 */
export function siblingIn(question: string, word: string, texts: string[]): string | undefined {
  const at = question.indexOf(word)
  const window = question.slice(at, at + word.length + SIBLING_CONTEXT)
  if (at < 0 || [...word].length < 2 || window.length < word.length + SIBLING_CONTEXT || !HAN.test(window)) return undefined
  for (const text of texts) {
    const found = oneOff(window, text, 1, word.length, 'sibling')
    if (found) return found
  }
  return undefined
}

/**
 * A stretch of `text` as long as `window` that differs from it in exactly one place, inside [from, to),
 * by a character that sounds alike, or looks alike inside a name, and is no numeral nor follows one:
 * 天天气 does not become 天天过, 第三季度 not 第二季度; 阳妙镇 becomes 阳庙镇, 指尖清峰 指尖清风, 王压村 王庄村.
 * Read by 'sound', only a character that sounds alike (a person's name: 吴斌 is 武斌 misspelt, 文昌 is no 文明);
 * as a 'sibling', only one that neither sounds nor looks alike (瑞丰 beside 瑞庭).
 */
function oneOff(window: string, text: string, from: number, to: number, reading: Reading): string | undefined {
  for (let i = 0; i + window.length <= text.length; i++) {
    let wrong = -1
    for (let k = 0; k < window.length; k++) {
      if (text[i + k] === window[k]) continue
      if (wrong >= 0 || k < from || k >= to || NUMERAL.test(window[k - 1] ?? '') || NUMERAL.test(window[k]!) || NUMERAL.test(text[i + k]!)) {
        wrong = -2
        break
      }
      wrong = k
    }
    // Readings are looked up only for a stretch that differs in one place: most of the text differs in more.
    const stretch = text.slice(i, i + window.length)
    if (wrong < 0 || !HAN.test(stretch)) continue
    const [typed, printed] = [window[wrong]!, stretch[wrong]!]
    if (readAs(reading, typed, printed, () => inName(text, i + wrong, i, i + window.length))) return stretch
  }
  return undefined
}

/** How a character of the question is read against one printed: as a typo, a typo by sound alone, or a sibling's. */
type Reading = 'typo' | 'sound' | 'sibling'

function readAs(reading: Reading, typed: string, printed: string, inAName: () => boolean): boolean {
  if (reading === 'sound') return soundsAlike(typed, printed)
  // A look-alike outside a name is no typo read, nor another name's character.
  if (reading === 'sibling') return !soundsAlike(typed, printed) && !looksAlike(typed, printed)
  return soundsAlike(typed, printed) || (looksAlike(typed, printed) && inAName())
}

// Characters either side of a character that jieba reads with it to tag the word it is in.
const NAME_CONTEXT = 8

/**
 * Whether the character at `at` is part of a word jieba tags as a name (王庄村, 前程办事处), together
 * with a neighbour inside the stretch [from, to) matched. Many characters share a part with another
 * (议 and 调 both 讠), so a look-alike is read as a typo only in a name, where a one-character-off word
 * is rarely another word: 协议 is not a misspelt 协调, nor 校领导 the 区领导 after 经开区.
 */
function inName(text: string, at: number, from: number, to: number): boolean {
  const start = Math.max(0, at - NAME_CONTEXT)
  let offset = start
  for (const { word, tag } of tagWords(text.slice(start, at + NAME_CONTEXT))) {
    const end = offset + word.length
    if (at < end) return isNameTag(tag) && ((at > offset && at > from) || (at + 1 < end && at + 1 < to))
    offset = end
  }
  return false
}

/**
 * Two characters a pinyin keyboard confuses: one reading of each is the same, tones aside, and so are
 * the sounds many speakers do not tell apart (zh/z, ch/c, sh/s, n/l, -ng/-n). 安至房 is 安置房 misspelt;
 * 进展 is not 发展, nor 亩产 单产: those are other words.
 */
function soundsAlike(a: string, b: string): boolean {
  const of = readingsOf(b)
  return [...readingsOf(a)].some((r) => of.has(r))
}

/**
 * Two characters whose common readings are the same, tones and the blurred sounds aside (金 and 锦, 进 and 禁): a
 * stretch respelt whole is held to this, as a rare reading (厂 read ān) would make other words of many.
 */
function soundsTheSame(a: string, b: string): boolean {
  return commonReading(a) === commonReading(b)
}

const COMMON_READING = new Map<string, string>()

function commonReading(ch: string): string {
  let found = COMMON_READING.get(ch)
  if (found === undefined) COMMON_READING.set(ch, (found = blur(pinyin(ch, { toneType: 'none' }))))
  return found
}

// Each character's readings, blurred, looked up once: homophones are sought across whole articles.
const READINGS = new Map<string, Set<string>>()

function readingsOf(ch: string): Set<string> {
  let found = READINGS.get(ch)
  if (!found) READINGS.set(ch, (found = new Set(pinyin(ch, { multiple: true, toneType: 'none', type: 'array' }).map(blur))))
  return found
}

function blur(syllable: string): string {
  return syllable.replace(/^([zcs])h/, '$1').replace(/^l/, 'n').replace(/ng$/, 'n')
}
