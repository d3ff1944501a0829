import type { WeightedWord } from '../retrieve/index.js'
import { askingClauses, asks, clausesOf, foldText, lastAskingClause, READERS_OWN_STORY } from '../retrieve/index.js'
import { focusOf, mentions, type Candidate } from './evidence.js'

/** A piece of evidence as the confidence model sees it. */
export interface ScoredEvidence {
  candidate: number
  span: { start: number; end: number }
  p: number
  coverage: number
  hasFact: boolean
  features: number[]
}

/** The question-level signals whether the candidates answer the question; data/answer-model.json follows this order. */
export const CONFIDENCE_FEATURES = [
  'bestEvidence',
  'bestCoverage',
  'bestContext',
  'articleCoverage',
  'headlineCoverage',
  'absentWords',
  'absentNames',
  'absentCharsNear',
  'focusAbsent',
  'factFound',
  'wordCount',
] as const

/** What the confidence model reads of the question itself. */
export interface AskedSignals {
  /** The question, folded: where its words sit. */
  text: string
  words: WeightedWord[]
  /** The question asks for a kind of fact (an amount, a date, a name…). */
  typed: boolean
  /** The whole message, when `text` is one part of it. */
  whole?: string
}

const CANDIDATES_READ = 3
// An English word in a Chinese question (列个list, deadline) that no article holds is how the reader talks, as
// often in questions the articles answer as in those they do not.
const LATIN_WORD = /^[a-z]+$/i
// A word naming the kind of fact asked (参会人数, 企业名称, 举办地点): the article gives the count, name or place, seldom the word.
const FACT_NOUN = /^(人数|名称|数字|日期|地点)$/
// A count: a number and its counter (15个, 3.5万).
const NUMBER_WORD = /^(\d+(?:\.\d+)?)\p{Script=Han}{1,2}$/u

/** True when only the clauses of a question that tell, not ask, hold the word (孩子上学就指望它了). */
function isToldOnly(question: string, w: WeightedWord): boolean {
  return question.includes(w.text) && !askingClauses(question).some((c) => c.includes(w.text))
}

/**
 * Whether only the reader's asides about themselves hold a word: first-person clauses after a clause that asks of
 * the news (新增就业多少人？我这招工难不难招啊; 哪个大学搞的对接？想看看能不能给我厂里找点技术支持). What the reader
 * wonders of their own case no article tells; when the articles hold every word of the news part, it says nothing of
 * whether that part is answered. A news part with a word of its own no article holds (公租房怎么申请？像我这种外地来打工的
 * 能不能申请) is asked of something the articles may not cover, and the aside's words still count.
 */
function asideOnly(question: string, words: WeightedWord[]): (w: WeightedWord) => boolean {
  const clauses = clausesOf(question)
  const first = clauses.findIndex((c) => asks(c) && !READERS_OWN_STORY.test(c))
  if (first < 0 || words.some((o) => o.docs === 0 && [...o.text].length > 1 && clauses[first]!.includes(o.text))) return () => false
  return (w) => {
    const holding = clauses.map((c, i) => ({ c, i })).filter(({ c }) => c.includes(w.text))
    return holding.length > 0 && holding.every(({ c, i }) => i > first && READERS_OWN_STORY.test(c))
  }
}

/**
 * What says the question is answered: the best sentence (its probability and coverage), how much
 * of the question the top articles hold, and what is missing: words no article holds (by count, so
 * one odd word weighs as one word, not as the rarest thing in the store) and names the top
 * articles never mention.
 */
export function confidenceFeatures({ text, words, typed, whole }: AskedSignals, candidates: Candidate[], scored: ScoredEvidence[]): number[] {
  const best = scored[0]
  const top = candidates.slice(0, CANDIDATES_READ).map((c) => ({ title: foldText(c.title), text: foldText(c.text) }))
  const present = words.filter((w) => w.docs > 0)
  const total = present.reduce((s, w) => s + w.weight, 0) || 1
  const coverageIn = (f: (w: WeightedWord) => boolean) => present.reduce((s, w) => s + (f(w) ? w.weight : 0), 0) / total
  const articleCoverage = Math.max(0, ...top.map((a) => coverageIn((w) => mentions(a.title, w) || mentions(a.text, w))))
  const headlineCoverage = Math.max(0, ...top.map((a) => coverageIn((w) => mentions(a.title, w))))
  const multi = words.filter((w) => [...w.text].length > 1)
  const names = words.filter((w) => w.name)
  const factFound = !typed || scored.some((s) => s.hasFact && s.coverage >= 0.5)
  const near = best ? foldText(candidates[best.candidate]!.title + candidates[best.candidate]!.text.slice(best.span.start, best.span.end)) : ''
  // A word of the reader's own story (我家老头子年轻时候), or of a remark after the question (孩子以后坐地铁上学就指望它了),
  // that no article holds says nothing of whether the asked part is answered.
  const aside = asideOnly(text, words)
  const asideOfWhole = whole === undefined ? undefined : asideOnly(whole, words)
  const toldOnly = (w: WeightedWord) =>
    isToldOnly(text, w) || aside(w) || (whole !== undefined && !text.includes(w.text) && (isToldOnly(whole, w) || asideOfWhole!(w)))
  // A count no article holds as written (15个党员) whose number the top articles give (由15人组成) is said another way.
  const numberGiven = (w: WeightedWord) => {
    const n = NUMBER_WORD.exec(w.text)?.[1]
    return n !== undefined && top.some((a) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d.])`).test(a.text))
  }
  const absent = multi.filter((w) => w.docs === 0 && !toldOnly(w) && !numberGiven(w) && !LATIN_WORD.test(w.text) && !FACT_NOUN.test(w.text))
  // A name in what the reader says of themselves after the question (我们打算…搞一轮内训) is why they ask, not what.
  const clauses = clausesOf(text)
  const lastAsking = lastAskingClause(text)
  const afterword = clauses.filter((c, i) => i > lastAsking && READERS_OWN_STORY.test(c) && !asks(c))
  const ownAfterwards = (w: WeightedWord) => toldOnly(w) && clauses.filter((c) => c.includes(w.text)).every((c) => afterword.includes(c))
  const unseenNames = names.filter((w) => !top.some((a) => mentions(a.title, w) || mentions(a.text, w)) && !numberGiven(w) && !ownAfterwards(w))
  // The thing asked about is named where the question asks, not in a remark after it (想要原文口径, 麻烦给个准数).
  const focus = focusOf(text, multi.filter((w) => !LATIN_WORD.test(w.text) && !toldOnly(w) && !FACT_NOUN.test(w.text)))
  return [
    best?.p ?? 0,
    best?.coverage ?? 0,
    best?.features[1] ?? 0,
    articleCoverage,
    headlineCoverage,
    multi.length ? absent.length / multi.length : 0,
    names.length ? unseenNames.length / names.length : 0,
    // A word no article holds, said another way near the answer (下雨 for 雨后), shares characters with it.
    absent.length ? absent.reduce((s, w) => s + [...w.text].filter((ch) => near.includes(ch)).length / [...w.text].length, 0) / absent.length : 0,
    focus?.docs === 0 && !numberGiven(focus) ? 1 : 0,
    factFound ? 1 : 0,
    Math.min(words.length, 10) / 10,
  ]
}
