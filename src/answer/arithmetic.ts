import { computationAsked, countValue, foldText, tagWords, type ComputationAsked, type WeightedWord } from '../retrieve/index.js'
import { mentions, type Asked, type Candidate } from './evidence.js'
import { aboutQuestion, textIn, type Scored } from './scored.js'
import type { Answer } from './types.js'

// The extractive answer quotes; a figure the reader asks to have worked out from two the paper prints (平均每个项目节约
// 多少, 还剩多少没发, 区级的比市级的多几个, 针对班子成员的占百分之几, 企业是银行的几倍) is said before the quotes, worked
// from the figures they print, so the reader sees both the result and where its figures come from.

/** How a worked-out figure is said, before the quotes that print its figures. */
export const WORKED_OUT = '按报道中的数字计算：'

/** A figure as an article (or the reader) writes it, with what it is worth. */
interface Printed {
  text: string
  value: number
  /** 万 or 亿 as printed (1361.26万元), '' for none. */
  magnitude: string
  /** 元, 人, 个…; '' for a sum the reader writes with its magnitude alone (127.58亿). */
  counter: string
  /** Said roughly: 近150家, 3500余份. */
  rough: boolean
  at: number
}

export interface WorkedOut {
  /** 按报道中的数字计算：1361.26万元÷52个≈26.18万元。 */
  line: string
  /** The sentences that print its figures, to quote after it. */
  quotes: Scored[]
}

/** Whether a figure is in the unit asked (元 of 多少钱, 万 of 多少万). */
type InUnit = (f: Printed) => boolean

interface Located {
  f: Printed
  unit: Scored
}

const COUNTER = '人次|个百分点|平方米|公里|小时|元|个|套|人|名|位|家|项|条|所|座|户|亩|吨|次|期|批|场|篇|支|份|件|张|台|辆|起|类'
const PRINTED = new RegExp(`(近|约|逾|超过)?(?<![第\\d.])(\\d+(?:\\.\\d+)?|[二两三四五六七八九十][一二两三四五六七八九十百千]*)(余|多)?(万亿|万|亿|千)?(${COUNTER})?`, 'gu')
const SCALE: Record<string, number> = { '': 1, 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 }
// People are counted in 人, 名 or 位 alike.
const PEOPLE = new Set(['人', '名', '位'])
// The share of a side's words (by weight) the story must hold.
const SIDE_HELD = 0.5
// A share as printed (62.5%, 百分之三十, 八成, 占比); a multiple (1.86倍).
const PRINTS_SHARE = /[\d.]+\s*[%％]|百分之[一二三四五六七八九十百]|[一二两三四五六七八九十]成(?![立为功效绩果交员长])|占比/u
const PRINTS_MULTIPLE = /[\d.]+\s*倍/u
// Where a figure's stretch of a sentence ends: 9个建城区社区和9个村改居社区 holds two.
const STRETCH_BREAK = /[，,。；;、：:！!？?]|(?<![总温共调缓])和(?![平谐睦])|及(?![时早])|(?<![参给授赋])与/u

function printedIn(text: string): Printed[] {
  return [...text.matchAll(PRINTED)]
    .filter((m) => m[4] !== undefined || m[5] !== undefined)
    .map((m) => {
      const magnitude = m[4] ?? ''
      const number = /^\d/.test(m[2]!) ? Number(m[2]) : countValue(m[2]!)
      return { text: m[0], value: number * SCALE[magnitude]!, magnitude, counter: m[5] ?? '', rough: Boolean(m[1] || m[3]), at: m.index }
    })
    .filter((f) => Number.isFinite(f.value) && f.value > 0)
}

const kindOf = (f: Printed) => (PEOPLE.has(f.counter) ? '人' : f.counter)
const sameValue = (a: Printed, b: Printed) => Math.abs(a.value - b.value) <= 1e-9 * Math.max(a.value, b.value)
/** A figure the reader writes (127.58亿, 52个) is one an article prints when their values and counters agree. */
const writes = (reader: Printed, printed: Printed) => sameValue(reader, printed) && (reader.counter === '' || kindOf(reader) === kindOf(printed))

/**
 * The figure the question asks to have worked out, from the figures printed by the sentences of the best article that
 * are about the question; undefined when it asks none, or when the article does not print both figures unmistakably.
 */
export function workedOut(asked: Asked, scored: Scored[], candidates: Candidate[]): WorkedOut | undefined {
  const computation = computationAsked(asked.text)
  const best = scored[0]?.candidate
  if (!computation || best === undefined) return undefined
  const textOf = textIn(candidates)
  const about = aboutQuestion(scored)
  const units = scored.filter((s) => s.candidate === best && about(s))
  // The unit asked may be a magnitude (审定是多少万 → 1573.339万元).
  const unit = asked.unit ? new RegExp(`^(?:${asked.unit})$`, 'u') : undefined
  const inUnit: InUnit | undefined = unit && ((f) => unit.test(f.counter) || unit.test(f.magnitude))
  // What a count in 个 counts (几个点位 → 点位), said after its figure when the article prints it there (56个点位).
  const counted = /(?:几|多少)个(\p{Script=Han}{2})/u.exec(asked.text)?.[1] ?? ''
  if (computation.op === 'average') return averageOf(computation.per!, counted, inUnit, units, textOf)
  const story = foldText(`${candidates[best]!.title}\n${candidates[best]!.text}`)
  if (computation.op === 'sum' || computation.op === 'difference') return twoFiguresOf(computation, asked, inUnit, units, textOf, story)
  // A share or multiple the story prints itself of what the question asks it of (完成率100% of 544条可量化举措, 是2019年全年
  // 发行额1.86倍 of 累计发行) is quoted, not worked out; its two figures are counts or sums, whatever unit the result is in.
  const prints = computation.op === 'share' ? PRINTS_SHARE : PRINTS_MULTIPLE
  const measured = asked.words.filter((w) => w.docs > 0 && computation.sides?.[0].includes(w.text))
  if (units.some((unit) => prints.test(textOf(unit)) && measured.some((w) => mentions(textOf(unit), w)))) return undefined
  return twoFiguresOf(computation, asked, undefined, units, textOf, story)
}

/** 平均每个项目节约多少: the figure in the asked unit over the count of what it is per, printed in one sentence. */
function averageOf(per: string, counted: string, inUnit: InUnit | undefined, units: Scored[], textOf: (s: Scored) => string): WorkedOut | undefined {
  // An average the story prints itself (每支队伍由3名队员组成, 人均服务时长5.7小时) is quoted, not worked out.
  const printsEach = new RegExp(`每一?[个名位支家]?${per[0]}|平均|[人户]均`, 'u')
  if (units.some((unit) => printsEach.test(textOf(unit)))) return undefined
  for (const unit of units) {
    const text = textOf(unit)
    const figures = printedIn(text)
    // Of two figures in the counter (参会企业近150家，参与银行机构近20家), the one beside what it is per (每家银行).
    const counts = figures.filter((f) => countsPer(per, f, text))
    const beside = counts.filter((f) => besideWords(per, f, text))
    const count = counts.length === 1 ? counts[0] : beside.length === 1 ? beside[0] : undefined
    if (!count) continue
    // Asked in no unit of its own, the total is counted in another (节约多少 → 万元 over 52个), or in 个 of another thing.
    const totals = figures.filter((f) => f !== count && f.counter !== '' && (inUnit ? inUnit(f) : f.counter !== count.counter || f.counter === '个'))
    const total = totals.sort((a, b) => Math.abs(a.at - count.at) - Math.abs(b.at - count.at))[0]
    // A total far smaller than the count it is shared by (5.7小时 over 35万人次) is not what is shared.
    if (!total || total.value < count.value / 100) continue
    return { line: lineOf(`${named(total, text, counted)}÷${named(count, text, per)}`, total.value / count.value, total, [total, count]), quotes: [unit] }
  }
  return undefined
}

/**
 * Whether a figure counts what an average is per: 每人次 → 35万人次, 每条 → 544条, 每人 → 16名, 每个小组 → 5个小组,
 * 一个组 → 六个督导组, 每个项目 → 项目52个 or 5项.
 */
function countsPer(per: string, f: Printed, text: string): boolean {
  if (f.counter === '' || f.counter === '元') return false
  if (PEOPLE.has(f.counter) && per.startsWith('人') && !per.startsWith('人次')) return true
  if (f.counter !== '个' && per.startsWith(f.counter)) return true
  return besideWords(per, f, text) || (f.counter === '个' && stretchOf(text, f)[1].slice(0, 4).includes(per[0]!))
}

/** A figure in 个 with the word it counts, printed right after it, when that holds the question's (5个小组, 六个督导组). */
function named(f: Printed, text: string, asked: string): string {
  const word = f.counter === '个' && asked ? tagWords(stretchOf(text, f)[1])[0]?.word : undefined
  return word && word.includes(asked[0]!) ? f.text + word : f.text
}

/** Whether the first two characters of `words` are printed right beside the figure: 5个小组, 项目52个, 银行机构近20家. */
function besideWords(words: string, f: Printed, text: string): boolean {
  const two = words.slice(0, 2)
  const [before, after] = stretchOf(text, f)
  return [...two].length === 2 && (after.slice(0, 5).includes(two) || before.slice(-6).includes(two))
}

/**
 * 还剩多少, 比…多多少, A和B一共, 占几成, 是…的几倍: the two figures the reader writes, where the article prints both;
 * otherwise, of each side of the question, the one figure in the asked unit it is nearest to in the article (one side's
 * being the reader's figure, where the reader writes one: 征集到的673条意见建议里).
 */
function twoFiguresOf(
  computation: ComputationAsked,
  asked: Asked,
  inUnit: InUnit | undefined,
  units: Scored[],
  textOf: (s: Scored) => string,
  story: string,
): WorkedOut | undefined {
  const printed = units.flatMap((unit) => printedIn(textOf(unit)).map((f) => ({ f, unit })))
  const written = printedIn(asked.text).flatMap((g) => printed.filter((p) => writes(g, p.f)).slice(0, 1).map((p) => ({ ...p, at: g.at })))
  const distinct = written.filter((p, i) => written.findIndex((q) => sameValue(q.f, p.f)) === i)
  // A multiple may be of two counts of things, each asked as one (企业数是派出干部数的几倍: 40家 over 16名), though not of
  // money over a count.
  const counts = computation.op === 'multiple' && computation.sides?.every((side) => side.includes('数'))
  const kind = counts ? (f: Printed) => (f.counter === '元' ? '元' : '') : kindOf
  const ratio = computation.op === 'share' || computation.op === 'multiple'
  const fits = (after: string) => !ratio || countsAsked(after, asked)
  const pair = distinct.length >= 2 ? ordered(computation, distinct.slice(0, 2)) : sidesNearest(computation.sides, asked, distinct[0], inUnit, units, textOf, story, kind, fits)
  if (!pair || kind(pair[0]!.f) !== kind(pair[1]!.f)) return undefined
  const [a, b] = pair.map((p) => p.f) as [Printed, Printed]
  const quotes = [...new Set(pair.map((p) => p.unit))]
  if (computation.op === 'sum') return { line: lineOf(`${a.text}＋${b.text}`, a.value + b.value, a, [a, b]), quotes }
  // A part as large as its whole is not a part of it.
  if (computation.op === 'share') return a.value < b.value ? { line: ratioLine(a, b, 100, '%'), quotes } : undefined
  if (computation.op === 'multiple') return { line: ratioLine(a, b, 1, '倍'), quotes }
  const [big, small] = a.value >= b.value ? [a, b] : [b, a]
  return { line: lineOf(`${big.text}－${small.text}`, big.value - small.value, big, [big, small]), quotes }
}

/** The reader's two figures as the operation takes them: a share's part is the smaller; otherwise as written. */
function ordered(computation: ComputationAsked, pair: Located[]): Located[] {
  return computation.op === 'share' ? [...pair].sort((a, b) => a.f.value - b.f.value) : pair
}

/**
 * Of each side of the question, the one figure in the asked unit whose nearest question word is that side's; of two,
 * the one beside more of the side's words (各级媒体累计发稿报道8661篇 over 各级媒体发布…报道100余篇). A figure the reader
 * writes is its side's.
 */
function sidesNearest(
  sides: [string, string] | undefined,
  asked: Asked,
  written: (Located & { at: number }) | undefined,
  inUnit: InUnit | undefined,
  units: Scored[],
  textOf: (s: Scored) => string,
  story: string,
  kind: (f: Printed) => string,
  fits: (after: string) => boolean,
): Located[] | undefined {
  if (!sides) return undefined
  // Words of two characters or more: 队 of 参赛队 is also 代表队's, which went on to the final.
  const named = (side: string) => asked.words.filter((w) => w.docs > 0 && [...w.text].length > 1 && side.includes(w.text))
  // A side whose every word the other names too (整改目标体系里措施数 / 目标数) is named by those words.
  const own = (side: string, other: string) => named(side).filter((w) => !other.includes(w.text))
  const ofSide = [own(sides[0], sides[1]), own(sides[1], sides[0])].map((side, i) => (side.length > 0 ? side : named(sides[i]!)))
  // Each side is of the story: a side whose words it mostly lacks (纪检监察工委确定的典型企业数, beside the banks of the
  // banks' meeting) is told by another story, whose figure this one does not print.
  const weight = (side: WeightedWord[]) => side.reduce((sum, w) => sum + w.weight, 0)
  if (ofSide.some((side) => weight(side.filter((w) => mentions(story, w))) < weight(side) * SIDE_HELD)) return undefined
  const found: (Located & { held: number })[][] = [[], []]
  for (const unit of units) {
    const text = textOf(unit)
    for (const f of printedIn(text)) {
      if (f.counter === '' || (inUnit && !inUnit(f))) continue
      const [before, after] = stretchOf(text, f)
      if (!fits(after)) continue
      const side = sideNearest(before, after, ofSide)
      if (side === undefined) continue
      const held = ofSide[side]!.filter((w) => mentions(before + after, w)).length
      if (!found[side]!.some((p) => sameValue(p.f, f))) found[side]!.push({ f, unit, held })
    }
  }
  const writtenSide = written && sides.findIndex((side) => asked.text.indexOf(side) <= written.at && written.at < asked.text.indexOf(side) + side.length)
  if (written && writtenSide !== undefined && writtenSide >= 0) {
    found[writtenSide] = [{ ...written, held: 0 }]
    found[1 - writtenSide] = found[1 - writtenSide]!.filter((p) => !sameValue(p.f, written.f))
  }
  // Asked in no unit, the pair is of the one kind both sides find a figure of (万元 beside 万元, not 52个).
  const kinds = [...new Set(found[0]!.map((p) => kind(p.f)))].filter((k) => found[1]!.some((p) => kind(p.f) === k))
  if (kinds.length !== 1) return undefined
  const chosen = found.map((side) => side.filter((p) => kind(p.f) === kinds[0])).map((side) => side.filter((p) => p.held === Math.max(...side.map((q) => q.held))))
  return chosen.every((side) => side.length === 1) ? chosen.map((side) => side[0]!) : undefined
}

// How far after a figure the things it counts are named (16名科级以上纪检监察干部).
const COUNTED_REACH = 12

/**
 * Whether a figure counts what the question asks of, by what its sentence names right after it: 14家食用农产品交易市场
 * (农贸市场) does, 110家幼儿园 does not of 农贸市场, 5个项目 does of 项目数; a figure followed by no words (参会企业近150家，)
 * may.
 */
function countsAsked(after: string, asked: Asked): boolean {
  const tail = after.slice(0, COUNTED_REACH)
  const named = tagWords(tail).filter((w) => [...w.word].length > 1)
  return named.length === 0 || named.some((w) => asked.text.includes(w.word)) || asked.words.some((w) => mentions(tail, w))
}

/** The figure's stretch of its sentence, before it and after it, between commas, list marks and 和. */
function stretchOf(text: string, f: Printed): [string, string] {
  const breaks = new RegExp(STRETCH_BREAK.source, 'gu')
  const start = Math.max(0, ...[...text.slice(0, f.at).matchAll(breaks)].map((m) => m.index + m[0].length))
  const end = f.at + f.text.length
  const stop = text.slice(end).search(STRETCH_BREAK)
  return [text.slice(start, f.at), text.slice(end, stop < 0 ? undefined : end + stop)]
}

/** Which side's word sits nearest the figure, those before it first; undefined for none, or both as near. */
function sideNearest(before: string, after: string, ofSide: WeightedWord[][]): number | undefined {
  // How far a side's nearest word is: back from the figure, or on from it.
  const distance = (side: WeightedWord[], within: string, back: boolean) =>
    Math.min(
      ...side.flatMap((w) => [w.text, ...w.synonyms]).flatMap((form) => {
        const at = back ? within.lastIndexOf(form) : within.indexOf(form)
        return at < 0 ? [] : [back ? within.length - at : at]
      }),
    )
  for (const [within, back] of [[before, true], [after, false]] as const) {
    const near = ofSide.map((side) => distance(side, within, back))
    if (near[0] !== near[1]) return near[0]! < near[1]! ? 0 : 1
  }
  return undefined
}

/** 按报道中的数字计算：1361.26万元÷52个≈26.18万元。 The result in the magnitude and counter of the figure it is of. */
function lineOf(sum: string, value: number, of: Printed, figures: Printed[]): string {
  const magnitude = ['亿', '万'].find((m) => figures.some((f) => SCALE[f.magnitude]! >= SCALE[m]!) && value >= SCALE[m]!) ?? ''
  const scaled = value / SCALE[magnitude]!
  // As many decimals as the figures print (1831.6万元－258.261万元＝1573.339万元), and two at least.
  const decimals = Math.max(2, ...figures.map((f) => /\.(\d+)/.exec(f.text)?.[1]!.length ?? 0))
  const rounded = Number(scaled.toFixed(decimals))
  const rough = Math.abs(rounded - scaled) > 1e-9 * Math.max(1, scaled) || figures.some((f) => f.rough)
  const counter = of.counter === '' ? (figures.find((f) => f.counter !== '')?.counter ?? '') : of.counter
  return `${WORKED_OUT}${sum}${rough ? '≈' : '＝'}${rounded}${magnitude}${counter}。`
}

/**
 * True when the question asks a share or a multiple (民办园占百分之多少, 床位数是老院区的几倍) and no sentence about the
 * question prints one: the figures they print are of something else, unless they let the share be worked out.
 */
export function ratioUntold(asked: Asked, scored: Scored[], candidates: Candidate[]): boolean {
  const op = computationAsked(asked.text)?.op
  if (op !== 'share' && op !== 'multiple') return false
  const textOf = textIn(candidates)
  const about = aboutQuestion(scored)
  const prints = op === 'share' ? PRINTS_SHARE : PRINTS_MULTIPLE
  return !scored.some((s) => about(s) && prints.test(textOf(s)))
}

/** 按报道中的数字计算：113条÷673条≈16.79%。 A share in hundredths, a multiple as such. */
function ratioLine(a: Printed, b: Printed, scale: number, unit: string): string {
  const ratio = (a.value / b.value) * scale
  const rounded = Number(ratio.toFixed(2))
  const rough = Math.abs(rounded - ratio) > 1e-9 * Math.max(1, ratio) || a.rough || b.rough
  return `${WORKED_OUT}${a.text}÷${b.text}${rough ? '≈' : '＝'}${rounded}${unit}。`
}

/** True when an answer says a worked-out figure (asked apart, neither side would). */
export function isWorkedOut(answer: Answer): boolean {
  return answer.answer.includes(WORKED_OUT)
}
