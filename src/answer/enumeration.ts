// 制定了哪五项督查工作机制, “五做”具体是哪几项, 三个“着眼”分别是什么: a question about the members of a set an
// article lays out one per paragraph, under sub-headings (健全完善任务分解及交办机制), in sentences that open
// alike (做好工作推进会。做好材料报送。) or with 一是, 二是; or lists in one sentence (坚持问题导向、目标导向、结果导向).
import { isOutline, numeralsOf, type AskedSet, type SetPart } from '../retrieve/index.js'

// An ordinal a member may open with: 一是, （一）, 1., 第一，.
const ORDINAL = /^\s*(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+[，,、]?)/
// A sub-heading: a short line with no sentence end.
const HEADING_CHARS = 30
const SENTENCE_END = /[。！？!?；;…”」]\s*$/
const MIN_MEMBERS = 2
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const MAX_MEMBERS = 10

/** The units that lay out members sharing a marker, one a unit: those opening with it, or sub-headings ending in it. */
function membersLaidOut(part: SetPart, units: string[]): number[] {
  const bare = units.map((u) => u.replace(ORDINAL, '').replace(/^[“"]/, ''))
  const opening = bare.flatMap((u, i) => (u.startsWith(part.marker) ? [i] : []))
  const headings = bare.flatMap((u, i) => (isHeading(units[i]!) && u.trim().endsWith(part.marker) ? [i] : []))
  // As many as the question counts (五项督查工作机制, 三个“着眼”).
  return [opening, headings].find((members) => members.length >= MIN_MEMBERS && members.length <= MAX_MEMBERS && members.length === part.count) ?? []
}

/** A sub-heading: a short line with no sentence end. */
function isHeading(unit: string): boolean {
  return unit.trim().length <= HEADING_CHARS && !SENTENCE_END.test(unit)
}

/** Where one article spells out a named set's members: the units that do, and whether one unit lists them all. */
export interface SpelledOut {
  units: number[]
  oneUnit: boolean
}

// What separates the members listed in one sentence (问题导向、目标导向、结果导向; 重心下沉，力量下沉).
const LIST_BREAK = /[、，,；;：:]|以及|和|及|与/

/** One article's units in its order, each marked when it opens a paragraph. */
export interface StoryUnit {
  text: string
  opensParagraph: boolean
}

/**
 * The units of one article that spell out the members of the set asked (“三个导向”, 四条要求): a unit listing as
 * many words sharing each part's marker as the part counts; units laid out a member each (opening with the
 * marker, sub-headings ending in it); a run of 一是, 二是… as long as the count; or as many paragraphs opening
 * with a short lead (提高政治站位，全盘认领问题。). Undefined when the article only names the set, or does not
 * name it. `laidOutOnly`: only units laid out a member each, for an article that does not name the set.
 */
export function spelledOut(set: AskedSet, story: StoryUnit[], laidOutOnly = false): SpelledOut | undefined {
  const units = story.map((u) => u.text)
  const [part] = set.parts
  const single = set.parts.length === 1 && part ? part : undefined
  const laidOut = single ? membersLaidOut(single, units) : []
  if (laidOutOnly) return laidOut.length > 0 ? { units: laidOut, oneUnit: false } : undefined
  const listing = units.findIndex((u) => set.parts.every((p) => listedIn(u, p) === p.count) || (single !== undefined && listedBeside(u, single)))
  if (listing >= 0) return { units: [listing], oneUnit: true }
  if (!single) return undefined
  const layouts = [laidOut, numberedRun(single, units), paragraphLeads(single.count, story)]
  if (isOutline(single)) layouts.push(subHeadings(single.count, units))
  const members = layouts.find((l) => l.length > 0)
  return members ? { units: members, oneUnit: false } : undefined
}

/** The units among spelled-out members that answer the question: the one asked by its place, or all. */
export function membersAsked(set: AskedSet, found: SpelledOut): number[] {
  if (set.ordinal === undefined || found.oneUnit) return found.units
  const at = set.ordinal < 0 ? found.units.length - 1 : set.ordinal - 1
  return found.units[at] === undefined ? [] : [found.units[at]!]
}

/** How many of a unit's listed words share the part's marker (坚持问题导向、目标导向、结果导向 → 3 for 导向), the set's own name left out. */
function listedIn(unit: string, part: SetPart): number {
  const own = new RegExp(`[一二两三四五六七八九十\\d]+[个项条大件种类点]?${part.marker}`)
  return unit
    .split(LIST_BREAK)
    .map((s) => s.replace(ORDINAL, '').replace(ASIDE, '').replace(/[“”"「」‘’《》。！？!?\s]/g, ''))
    .filter((s) => s.length > part.marker.length && !own.test(s) && (s.startsWith(part.marker) || s.endsWith(part.marker))).length
}

// A remark in brackets: 自查整改活动（5月至6月）.
const ASIDE = /（[^）]*）|\([^)]*\)/g
// Where a sentence breaks into clauses.
const CLAUSE_BREAK = /[，,；;：:]/
// The most a clause may say after the set's name for the next clause to be about the set.
const NAME_CLOSES = 6

/** The set's name as an article counts it, with the part's count: 三项活动, 两个重点, “四害”, 11个方面. */
function countedName(part: SetPart): RegExp {
  const said = numeralsOf(part.count)
  return new RegExp(`(?<![\\d一二两三四五六七八九十])(${[String(part.count), ...said].join('|')})[个项条大件种类点]?[“"]?${part.marker}[”"]?`)
}

/**
 * True when a unit names the set with its members listed beside: right before the name, as many or a few then
 * 等 (围绕灭火基础理论、…、现场急救等五项内容); or in the clause right after it, as many or one fewer (开展三项活动，
 * 即自查整改活动（5月至6月）、百分考核活动、精品选树活动; 集中开展“四害”孳生地治理，全面开展灭鼠、灭蟑、灭蚊蝇活动).
 */
function listedBeside(unit: string, part: SetPart): boolean {
  const m = countedName(part).exec(unit)
  if (!m) return false
  const before = unit.slice(0, m.index).split(CLAUSE_BREAK).at(-1)!.replace(ASIDE, '')
  const itemsBefore = before.split('、').length
  if (itemsBefore >= MIN_MEMBERS && (itemsBefore === part.count || before.endsWith('等'))) return true
  // The name closes its clause (“四害”孳生地治理，…), so the next clause is about it.
  const [rest, next] = unit.slice(m.index + m[0].length).split(/[。；;]/)[0]!.split(CLAUSE_BREAK)
  const itemsAfter = next === undefined || rest!.length > NAME_CLOSES ? 0 : next.replace(ASIDE, '').split('、').length
  return itemsAfter >= MIN_MEMBERS && (itemsAfter === part.count || itemsAfter === part.count - 1)
}

const ORDINAL_OPENS = NUMERALS.map((n) => new RegExp(`(^|[，,：:。；;])\\s*(${n}是|（${n}）|第${n}[，,、])`))

/** Units holding 一是, 二是… in turn (示范区要求，一是领导要靠前抓落实。二是…), when there are as many as the part counts. */
function numberedRun(part: SetPart, units: string[]): number[] {
  if (part.count > NUMERALS.length) return []
  for (const [start, unit] of units.entries()) {
    if (!ORDINAL_OPENS[0]!.test(unit)) continue
    const run = [start]
    for (let i = start + 1; i < units.length && run.length < part.count + 1; i++) {
      if (ORDINAL_OPENS[run.length]?.test(units[i]!)) run.push(i)
    }
    if (run.length === part.count) return run
  }
  return []
}

/** An article's sub-headings, when there are as many as the outline's parts asked (分了三部分). */
function subHeadings(count: number, units: string[]): number[] {
  const found = units.flatMap((u, i) => (isHeading(u) ? [i] : []))
  return found.length === count ? found : []
}

// A paragraph's lead that states its point (提高政治站位，全盘认领问题。), not a news lead.
const LEAD_CHARS = 24

/** The short leads of as many paragraphs as the set counts: the points an article makes one paragraph each. */
function paragraphLeads(count: number, story: StoryUnit[]): number[] {
  const found = story.flatMap((u, i) => (u.opensParagraph && u.text.trim().length <= LEAD_CHARS && !isHeading(u.text) ? [i] : []))
  return found.length === count ? found : []
}

