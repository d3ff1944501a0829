import type { Scored } from './scored.js'

// 督导组都去了哪些地方: a question about the places a visit took in. A news report of an inspection
// tells them one sentence each (当天，督导组来到地铁3号线施工现场… 随后，督导组来到扬升公司…), and
// none of those sentences repeats the question's words; the answer is all of them, in the article's order.

// Asked where a visit went: 去了哪些地方, 跑了哪几个工地, 调研了哪些企业, 都到哪儿看了, 调研去的那家企业叫啥, 头一站跑去哪了, 第一站去的是哪儿.
const ASKS_VISITS =
  /(去|到|跑|看|走访|调研|考察|视察|察看|查看|检查|督导)了?[^，,。？?]{0,8}?(哪些|哪几|哪)(个|家|处|所)?[^，,。？?]{0,8}?(地方|单位|企业|公司|工地|现场|项目|点位?|园区|社区|村)|(都|还)(去|到)了?(哪|什么地方)|(去|到)哪(儿|里)(看|调研|督导)|(去|到|走访|调研|考察|视察)[^，,。？?]{0,3}的(那|哪)?(家|个|所)?(地方|企业|公司|单位|工地|项目)[^，,。？?]{0,3}(叫|是)(啥|什么|哪)|去哪(儿|里)?了|(第[一二三四五\d]|头一?|首|最后一?)站[^，,。？?]{0,6}?(哪|什么地方)/

// A sentence telling one stop of a visit: 来到X, 到X实地察看, 在X现场/项目/工地，…, 对X进行了实地调研, 走访X.
const VISIT_STOP =
  /(来到|走进|深入|前往|赶赴|先后到|还到|随后到|先后赴|赴)\p{Script=Han}{2,}|到\p{Script=Han}{2,20}(实地|察看|查看|调研|督导|检查|走访)|^[^，,]{0,8}在\p{Script=Han}{2,20}(现场|项目|工地|公司|企业|堆土场|园区|基地|社区|村)|进行了?实地(调研|察看|查看)|实地(察看|查看|调研)了|走访了?\p{Script=Han}{2,}/u

/** True when a question asks where a visit went. */
export function asksForVisits(question: string): boolean {
  return ASKS_VISITS.test(question)
}

/** True when a sentence tells one stop of a visit. */
export function tellsVisitStop(sentence: string): boolean {
  return VISIT_STOP.test(sentence)
}

// Items listed one after another: A公司、B公司.
const LISTS = /[、；;]/

/**
 * The units that tell the stops of a visit, in text order, from the given article when it tells them,
 * else from the best evidence's; none when no article tells more than one stop.
 */
export function visitStops(scored: Scored[], textOf: (e: Scored) => string, story?: number): Scored[] {
  const of = (article: number | undefined) => scored.filter((s) => s.candidate === article && tellsVisitStop(textOf(s))).sort((a, b) => a.span.start - b.span.start)
  // One sentence naming several stops (先后赴A公司、B公司) tells the visit as well as several sentences do.
  const tells = (stops: Scored[]) => stops.length >= 2 || (stops.length === 1 && LISTS.test(textOf(stops[0]!)))
  const told = of(story)
  const stops = tells(told) ? told : of(scored[0]?.candidate)
  return tells(stops) ? stops : []
}
