import { countForms, countValue } from './numerals.js'

// “三个导向”是哪三个, “四抓”是抓哪四样, 啥叫“四不两直”, 五项督查机制的第二项是啥: a set the paper names by its count
// (a slogan of counted parts, or a counted kind) whose members, or one of them, are asked. Only the article that
// spells the members out answers; one that only names the set does not.

/** One counted part of a set's name and the word its members share: 三区一高地 → 3 × 区 and 1 × 高地. */
export interface SetPart {
  count: number
  marker: string
}

export interface AskedSet {
  /** The set as the question writes it: 三个导向, 三区一高地, 五项督查机制. */
  term: string
  parts: SetPart[]
  /** A slogan in quotes (“四抓”), not a counted kind (五项督查机制). */
  quoted: boolean
  /** How an article may write a counted kind's count (四项, 4项); none for a slogan. */
  counts: string[]
  /** The one member asked (1 for 第一个 and 头一项, -1 for 最后一条); undefined when all are. */
  ordinal?: number
}

const NUMBER = '\\d+|[一二两三四五六七八九十]+'
const MEASURE = '个|项|条|大|件|种|类|点|张|支|家|部分|方面'
// A slogan made of counted parts, each a count, maybe a measure word, and the word its members share.
// Counted in words only: a figure in digits in quotes (“800余件”, “22类56个”) is looked up, not a slogan.
const SLOGAN_PART = new RegExp(`([一二两三四五六七八九十]+)(?:${MEASURE})?([^\\P{Script=Han}一二两三四五六七八九十]{1,4})`, 'gu')
const SLOGAN = new RegExp(`^(?:[一二两三四五六七八九十]+(?:${MEASURE})?[^\\P{Script=Han}一二两三四五六七八九十]{1,4}、?)+$`, 'u')
const QUOTED = /[“"‘「]([^”"’」]{2,12})[”"’」]/gu
// A counted kind, the count first: 五项督查机制, 那四项重点, 四条要求, 三部分, 三个“着眼”; or the count asked with it:
// 哪五项督查工作机制. The kind ends before an adverb of the question (五项督查机制分别是哪几项).
const COUNTED_KIND = new RegExp(`(?<!第)(哪)?(${NUMBER})(${MEASURE})[“"]?((?:(?!分别|具体|到底|究竟|一共|总共)[^\\P{Script=Han}的是都有哪几第最头末里中那这，。？]){0,6})[”"]?`, 'gu')
// A slogan of a count and one word, unquoted (四抓 of 叫四抓): not a count of things (四样, 四个).
const BARE_SLOGAN = /([二两三四五六七八九十])([^\P{Script=Han}一二两三四五六七八九十的是了个样项条件种类点次家位名])/gu
// The rest of a set the reader knows part of: 另外两个是啥, 其余三项.
const ASKS_REST = /(另外|其余|剩下|其他)的?[几两二三四五六七八九十\d]+[项个条点样]/
// The parts of an article's outline (分了三部分, 从哪几个方面).
const OUTLINE_PARTS = /^(部分|方面)$/
// Asked for the members: 哪三个, 哪几样, 哪些, 是什么, 是啥意思, 分别是, 具体指.
const ASKS_WHICH = /哪[一二两三四五六七八九十几\d]|哪些|什么|啥|分别|何/
// What may stand before the last asking word (“四抓”是抓哪四样, “三学三省”学什么、省什么, “四单”交办里的四单是哪四单):
// linking words, asking words and the slogan's own words, nothing that asks what was done with it (具体做了啥) or
// what it is called (啥的具体叫什么).
const LINKING = /^[的里中这那个说提到底具体究竟都分别是就要指包括有讲意思含些什么啥哪样，,、\s]*$/u
// What the slogan names, said right after it (“四个高地”建设目标说的是哪四个高地, “三学三省”教育活动是学哪三样).
const HEAD_NOUN = /^(建设|教育|集中|专项)?(目标|行动|活动|工作法|工程|制度|机制|政策|经济|改革|模式|要求|原则|措施|任务|理念|提法|整治|治理)/
const COUNT_AFTER = /^[一二两三四五六七八九十几\d]*(个|样|项|条|种|类|些|点|张|件|大)?/
const CLOSES = /^($|[，,。？?！!、\s]|意思|内容|东西|事|方面|呢|啊|呀|吗|来着)/
// 啥叫“四不两直”, 什么是“三新”.
const ASKED_BEFORE = /(啥叫|什么叫|何为|何谓|什么是|啥是)\s*$/
// One member asked by its place: 第二项, 第三条, 头一部分, 最后一项, 排第一的; followed, in its clause, by what asks it.
const ORDINAL = new RegExp(`(?:第(${NUMBER})|(头)一?|(最后|末)一?)(?:${MEASURE}|样)(?=[^，。？?！!]{0,8}?(什么|啥|哪))|排在?第(${NUMBER})(?=的?[^，。？?！!]{0,8}?(什么|啥|哪|谁))`, 'u')

/** The set whose members, or one of them, the question asks for; undefined when it asks none. */
export function askedSet(question: string): AskedSet | undefined {
  const ordinal = ordinalAsked(question)
  for (const m of question.matchAll(QUOTED)) {
    const term = m[1]!
    if (!SLOGAN.test(term)) continue
    const said = [...term.matchAll(SLOGAN_PART)]
    const parts = said.map(([, n, marker]) => ({ count: countValue(n!), marker: marker! }))
    if (!parts.some((p) => p.count >= 2)) continue
    // Asked right after the slogan, or after it or a part of it is said again (“十乱”整治，十乱指的是哪十乱;
    // “三区一高地”是个啥提法，三区指哪三区).
    const again = [term, ...(said.length > 1 ? said.map((p) => p[0]) : [])].flatMap((t) => [...question.matchAll(new RegExp(t, 'g'))].map((o) => o.index + t.length))
    const ends = [m.index + m[0].length, ...again, ...clausesSayingPart(question, m.index + m[0].length, parts)]
    const asked = ends.some((end) => asksAfter(question.slice(end), parts)) || ASKED_BEFORE.test(question.slice(0, m.index)) || ASKS_REST.test(question)
    if (asked || ordinal !== undefined) return { term, parts, quoted: true, counts: [], ...(ordinal ? { ordinal } : {}) }
  }
  // Typed or spoken without quotes (叫四抓…抓的是哪四样, 说是四抓，都抓的啥): a count and one word, that word said again
  // before what asks.
  for (const m of question.matchAll(BARE_SLOGAN)) {
    const [term, number, marker] = m
    const count = countValue(number!)
    if (count >= 2 && new RegExp(`${marker}[的是了]{0,2}(哪${number}|啥|什么)`).test(question.slice(m.index + term!.length))) {
      return { term: term!, parts: [{ count, marker: marker! }], quoted: true, counts: [], ...(ordinal ? { ordinal } : {}) }
    }
  }
  for (const kind of question.matchAll(COUNTED_KIND)) {
    const [term, which, number, measure, word] = kind
    const count = countValue(number!)
    const parts = [{ count, marker: [...(word || measure!)].slice(-2).join('') }]
    // A bare count (另外两个是啥) names no kind, but an outline's parts do (分了三部分).
    if (count < 2 || (!word && !OUTLINE_PARTS.test(measure!))) continue
    if (ordinal === undefined && !which && !asksAfter(question.slice(kind.index + term!.length), parts)) continue
    return { term: term!.replace(/^哪|[“”"]/g, ''), parts, quoted: false, counts: countForms(number!, measure!), ...(ordinal ? { ordinal } : {}) }
  }
  return undefined
}

/**
 * Where the later clauses of the slogan's sentence start that say a part's word again (“四抓”促问题整改，到底抓的是哪四样):
 * such a clause may ask the members after what the sentence says of the slogan.
 */
function clausesSayingPart(question: string, from: number, parts: SetPart[]): number[] {
  const sentence = question.slice(from).split(/[？?。！!]/)[0]!
  const starts = [...sentence.matchAll(/[，,]/g)].map((c) => c.index + 1)
  return starts.filter((start) => parts.some((p) => sentence.slice(start).split(/[，,]/)[0]!.includes(p.marker))).map((start) => from + start)
}

/** True when the words after a slogan ask what it is made of (是抓哪四样, 学什么、省什么), not what was done with it. */
function asksAfter(after: string, parts: SetPart[]): boolean {
  const which = ASKS_WHICH.exec(after)
  if (!which || which.index > 10) return false
  const clause = after.slice(which.index).split(/[？?。！!]/)[0]!
  const last = [...clause.matchAll(new RegExp(ASKS_WHICH, 'g'))].at(-1)!
  const end = which.index + last.index + last[0].length
  const between = parts.reduce((s, p) => s.replaceAll(p.marker, ''), after.slice(0, end).replace(HEAD_NOUN, '')).replace(/[一二两三四五六七八九十几]/g, '')
  // What follows the asking word closes the question (哪三样？, 啥意思, 哪四个方面), or is the slogan's own word (哪三个下沉, 哪三件事),
  // not a thing of its own (“三治”什么行动 asks the name of the campaign).
  const rest = after.slice(end).replace(COUNT_AFTER, '')
  return LINKING.test(between) && (CLOSES.test(rest) || parts.some((p) => rest.startsWith(p.marker) || rest.startsWith(p.marker.slice(-1))))
}

/** True when the set is an article's outline (分了三部分): its members are the article's sub-headings. */
export function isOutline(part: SetPart): boolean {
  return OUTLINE_PARTS.test(part.marker)
}

function ordinalAsked(question: string): number | undefined {
  const m = ORDINAL.exec(question)
  if (!m) return undefined
  if (m[3]) return -1
  return m[2] ? 1 : countValue(m[1] ?? m[5]!)
}
