import { askedBody, askedOutcome, asksGrade, askedHandling, asksPlan, foldText, listedKind, type AskedSet, type QuestionPart, type WeightedWord } from '../retrieve/index.js'
import { membersAsked, spelledOut } from './enumeration.js'
import { focusOf, mentions, type Asked, type Candidate } from './evidence.js'
import { detailAsked, tellsDetail, TELLS_PLAN } from './fact-check.js'
import { factsNear, givesGrade, indicesOf, namesAskedBody, namesTwoOf, tellsHandling, tellsOutcome, tellsPlan } from './facts.js'
import { aboutQuestion, FACT_COVERAGE, FACT_REQUIRED, inContext, type Scored } from './scored.js'
import { tellsVisitStop } from './visits.js'

// Units quoted first because they tell what the question asks in so many words (the grade, how it turned out, the
// plan, the body named in the lead, the amount beside its word, a named set's members, the list that tells a count),
// although the evidence model may rate others higher.

// Asked how far along something is: 完成得咋样了, 进展如何.
const PROGRESS = /(完成|进展|进度|推进)[^，。？?]{0,3}(咋样|怎么样|怎样|如何)/

/**
 * The body asked (这个培训是哪个单位办的) named by the best article's lead (日前，经开区森防办开展…培训) when the
 * best unit does not name it: the lead's unit that names it. A body asked in a role (哪个单位的老师来讲课) is named
 * where the story tells that role (众安防火中心的郑老师向大家讲解), wherever in the article.
 */
export function bodyInLead(question: string, scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  const body = askedBody(question)
  const best = scored[0]
  if (!body || !best || namesAskedBody(body, textOf(best))) return undefined
  return scored.find((s) => s.candidate === best.candidate && (s.span.start === 0 || body.role !== undefined) && namesAskedBody(body, textOf(s)))
}

/** The best sentence about the question that gives the grade it asks (什么级别的集聚区 → 省级二星级); undefined when it asks none. */
export function gradeGiven(question: string, scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  return asksGrade(question) ? scored.find((s) => inContext(s) >= FACT_COVERAGE && givesGrade(textOf(s))) : undefined
}

/**
 * The unit of the best article that tells how it turned out, one that says what is asked of (效果显著 for 效果咋样) first;
 * not a plan (下一步…满意度); undefined when that is not asked. It may share none of the question's words (经过持续努力，成功恢复了…).
 */
export function outcomeTold(question: string, scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  const noun = askedOutcome(question)
  if (noun === undefined) return undefined
  const telling = scored.filter((s) => s.candidate === scored[0]!.candidate && tellsOutcome(textOf(s)) && !TELLS_PLAN.test(textOf(s)))
  return (noun && telling.find((s) => textOf(s).includes(noun))) || telling[0]
}

/**
 * The unit of the best article that tells how a thing was dealt with (及时进行更换) when that is asked (超期的灭火器最后咋处理的)
 * and the best unit does not, in the question's verb or another: one naming what was dealt with (灭火器), not only the
 * dealing (予以严肃处理); undefined otherwise.
 */
export function handlingTold(question: string, words: WeightedWord[], scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  const best = scored[0]
  const verb = askedHandling(question)
  if (!best || !verb || tellsHandling(textOf(best)) || textOf(best).includes(verb)) return undefined
  const things = words.filter((w) => w.weight > 0 && !tellsHandling(w.text))
  return scored.find((s) => s.candidate === best.candidate && tellsHandling(textOf(s)) && things.some((w) => mentions(foldText(textOf(s)), w)))
}

/**
 * The best unit of the best article that tells a detail told only in so many words (线上线下相结合 for 线上还是线下), when
 * one is asked.
 */
export function detailTold(question: string, scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  const detail = detailAsked(question)
  return detail && scored.find((s) => s.candidate === scored[0]!.candidate && inContext(s) >= FACT_COVERAGE && tellsDetail(detail, textOf(s)))
}

// Asked which parts something has, by the deed (整改要抓哪几个方面, 从哪几个方面抓的, 抓的是哪几块).
const ASKS_PARTS = /(哪几|哪些|几)个?(方面|块|点|条|项)/
// Short units in a row that open with one verb and go on differently list the parts: 抓组织，促工作协调；抓信息，促工作创新；
// 抓重点，…; not sentences that open with the same word (中国经济…。中国的发展…).
const MIN_PARALLEL = 3
const MAX_PARALLEL_CHARS = 24

/**
 * The units of the best article, in a row, that each open with a verb of the question (抓组织，…；抓信息，…；抓重点，…),
 * when it asks which parts something has: they list them, though they share few other words of the question.
 */
export function parallelListTold(question: string, scored: Scored[], textOf: (e: Scored) => string): Scored[] {
  if (!ASKS_PARTS.test(question) || scored.length === 0) return []
  const units = scored.filter((s) => s.candidate === scored[0]!.candidate).sort((a, b) => a.span.start - b.span.start)
  const opening = (s: Scored) => (textOf(s).trim().length <= MAX_PARALLEL_CHARS ? textOf(s).trim()[0] ?? '' : '')
  for (let i = 0; i < units.length; i++) {
    const first = opening(units[i]!)
    if (!/\p{Script=Han}/u.test(first) || !question.includes(first)) continue
    let j = i
    while (j + 1 < units.length && opening(units[j + 1]!) === first && units[j + 1]!.span.start - units[j]!.span.end <= 1) j++
    const run = units.slice(i, j + 1)
    if (new Set(run.map((s) => textOf(s).trim().slice(0, 2))).size >= MIN_PARALLEL) return run
  }
  return []
}

// Asked what was required or stressed (领导对相关部门提了哪些要求, 督导时要求加快哪些事, 强调了啥).
const ASKS_SAID = /要求|(提|强调)了?[^，,。？?]{0,4}(哪些|什么|啥)/

/**
 * What was said at one stop of a visit (在中铁高端项目，领导对相关部门提了哪些要求) is told by the unit after the one
 * naming the stop (…督导组现场听取了督办事项汇报。武斌强调，…相关部门要加强协作…): that unit, after the stop most about
 * the question.
 */
export function saidAtStop(question: string, scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  if (!ASKS_SAID.test(question)) return undefined
  const stops = scored.filter((s) => inContext(s) >= FACT_COVERAGE && tellsVisitStop(textOf(s)))
  const stop = stops.sort((a, b) => inContext(b) - inContext(a))[0]
  if (!stop) return undefined
  return scored.filter((s) => s.candidate === stop.candidate && s.span.start >= stop.span.end).sort((a, b) => a.span.start - b.span.start)[0]
}

/**
 * The best unit about the question, of its best article, that tells what is planned or aimed at (下一步，…将…) when that is
 * asked (下一步打算怎么搞); one holding the question's own word for the plan (下一步, 接下来) first.
 */
export function planTold(question: string, scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  if (!asksPlan(question)) return undefined
  const telling = scored.filter((s) => s.candidate === scored[0]!.candidate && s.coverage > 0 && tellsPlan(textOf(s)))
  const frame = /下一步|接下来|今后/.exec(question)?.[0]
  return (frame && telling.find((s) => textOf(s).includes(frame))) || telling[0]
}

/**
 * The unit that gives the asked amount or date right beside the word asked of most often (the better one
 * of a tie), and whether the best unit gives it already.
 */
export function factBesideFocus(asked: Asked, scored: Scored[], candidates: Candidate[]): { unit?: Scored; bestGives: boolean } {
  // How far along something is (完成得咋样了) is told by an amount beside it (完成率100％).
  const type = FACT_REQUIRED.has(asked.type) ? asked.type : PROGRESS.test(asked.text) ? 'amount' : undefined
  if (!type) return { bestGives: false }
  const focus = focusOf(asked.text, asked.words.filter((w) => w.docs > 0 && [...w.text].length > 1))
  if (!focus) return { bestGives: false }
  const forms = [focus.text, ...focus.synonyms]
  const about = aboutQuestion(scored)
  const near = (s: Scored) => (about(s) ? factsNear(type, candidates[s.candidate]!.text.slice(s.span.start, s.span.end), asked.unit, forms) : 0)
  const counts = scored.map(near)
  const most = Math.max(0, ...counts)
  // Asked how far along, the fuller statement of it wins (已完成544条，完成率100％ over 已完成544条).
  const enough = FACT_REQUIRED.has(asked.type) ? 1 : most
  return { unit: most > 0 ? scored[counts.indexOf(most)] : undefined, bestGives: most > 0 && (counts[0] ?? 0) >= enough }
}

/**
 * The units that answer a question about a named set's members, spelled out by an article that names the set
 * (a slogan in quotes; a counted kind by its count, 四项工作重点), else by the best article; else, for a slogan, by
 * units laid out a member each in another article (a page cut into two stories may print the name in one and
 * the members in the other).
 */
export function setMembersIn(set: AskedSet, scored: Scored[], candidates: Candidate[], textOf: (e: Scored) => string): Scored[] {
  const naming = candidates.flatMap((c, i) => (namesSet(set, c) ? [i] : []))
  const tries = [...naming, ...(scored[0] ? [scored[0].candidate] : [])].map((c) => ({ candidate: c, laidOutOnly: false }))
  if (set.quoted) tries.push(...[...candidates.keys()].map((c) => ({ candidate: c, laidOutOnly: true })))
  for (const { candidate, laidOutOnly } of tries) {
    const text = candidates[candidate]!.text
    const story = scored.filter((s) => s.candidate === candidate).sort((a, b) => a.span.start - b.span.start)
    const units = story.map((s) => ({ text: textOf(s), opensParagraph: s.span.start === 0 || text[s.span.start - 1] === '\n' }))
    const found = spelledOut(set, units, laidOutOnly)
    if (found) return membersAsked(set, found).map((i) => story[i]!)
  }
  return []
}

/** True when an article names the set: the slogan, or the counted kind's count (四项 of 四项工作重点). */
function namesSet(set: AskedSet, c: Candidate): boolean {
  const said = foldText(`${c.title}\n${c.text}`)
  return set.quoted ? said.includes(foldText(set.term)) : set.counts.some((n) => said.includes(n))
}

/** Why a named set is not answered: the articles name it and do not say what it is made of. */
export function unspelledSet(set: AskedSet, candidates: Candidate[]): string | undefined {
  return candidates.some((c) => namesSet(set, c)) ? `报道提到了“${set.term}”，但没有列出具体是哪些。` : undefined
}

// A list after a count (开展三项活动，即A、B、C; 包括A、B): the members follow in the next part of the sentence.
const LIST_FOLLOWS = /^[,，:：]?(即|包括|分别是|分别为|:|：)/
// The clause a count stands in: what runs before it, and after it, up to a clause break.
const CLAUSE_BEFORE = /[^，,。；;！!？?\n]*$/
const CLAUSE_AFTER = /^[^，,。；;！!？?\n]*/

/**
 * True when a member asked by its place (第一个, 最后一项) is of a set the articles count but never list that far:
 * 共申报…项目58个 lists none of them; 康桥华城社区、嵩山社区等6支代表队 lists the first but not the last. A count said
 * in a clause without the set's word (三个 of another phrase) says nothing of it.
 */
export function listedShortOf(set: AskedSet, candidates: Candidate[]): boolean {
  const part = set.parts[0]
  if (set.ordinal === undefined || set.quoted || !part) return false
  const needed = set.ordinal === -1 ? part.count : set.ordinal
  const naming = candidates.flatMap((c) => countingClauses(foldText(c.text), set.counts)).filter((c) => c.clause.includes(part.marker))
  return naming.length > 0 && naming.every((c) => listedAt(c) < needed)
}

/** Each clause of a text that says one of the counts, with what follows it. */
function countingClauses(text: string, counts: string[]): { clause: string; count: string; next: string }[] {
  return counts.flatMap((count) =>
    indicesOf(text, count).map((at) => {
      const start = at - CLAUSE_BEFORE.exec(text.slice(0, at))![0].length
      const end = at + CLAUSE_AFTER.exec(text.slice(at))![0].length
      return { clause: text.slice(start, end), count, next: text.slice(end) }
    }),
  )
}

/** How many members a counting clause lists: those before the count (A、B等6支), or after it (三项活动，即A、B、C). */
function listedAt({ clause, count, next }: { clause: string; count: string; next: string }): number {
  const before = clause.slice(0, clause.indexOf(count)).split('、').length
  const after = LIST_FOLLOWS.test(next) ? next.slice(0, next.search(/。|$/)).split(/[、；;]/).length : 1
  return Math.max(before > 1 ? before : 0, after > 1 ? after : 0)
}

// A count asked of things (几家企业, 多少个园区), not of money or people.
const COUNT_OF_THINGS = /(几|多少)\s*(个|家|所|项|条|座|处|支)/

/**
 * The unit naming two or more of the things a part counts (几家企业, 进了几个园区) when another part, answered, asks which
 * ones (是哪两家, 都有哪些园区): the list tells the count, which an article that lists them need not print.
 */
export function countingList(part: QuestionPart, answered: QuestionPart[], scored: Scored[], textOf: (e: Scored) => string): Scored | undefined {
  const count = COUNT_OF_THINGS.exec(part.text)
  if (part.type !== 'amount' || !count) return undefined
  // The kind is named by the list part (都有哪些园区), else by the count (几家企业 read as 哪几家企业).
  const counted = listedKind(part.text.replace(count[1]!, '哪几'))
  const about = aboutQuestion(scored)
  for (const other of answered) {
    const kind = listedKind(other.text) ?? counted
    if (other.type !== 'list' || kind === undefined || (kind !== counted && !part.text.includes(kind))) continue
    const unit = scored.find((s) => about(s) && namesTwoOf(kind, textOf(s)))
    if (unit) return unit
  }
  return undefined
}
