import { askedContact, askedSet, askingClauses, asks, asksExtreme, ASKS_ITS_OWN, clausesOf, figureLookedUp, figuresGiven, foldText, isPersonWord, READERS_OWN_STORY, versionsOffered, type AnalyzedQuery, type QuestionPart, type QuestionType, type WeightedWord } from '../retrieve/index.js'
import { abstain } from './abstain.js'
import { ratioUntold, workedOut } from './arithmetic.js'
import { withoutReporter } from './byline.js'
import { chooseEvidence, composeAnswer, gapNote, MAX_ANSWER_CHARS } from './compose.js'
import { CONFIDENCE_FEATURES } from './confidence.js'
import { askedOf, FEATURE_NAMES, mentions, type Asked, type Candidate } from './evidence.js'
import { asksNoFact, factCheckOf, givesAskedFact } from './fact-check.js'
import { givesContact, hasFactFor, namesPerson, ranksOrCompares, withoutFigures } from './facts.js'
import { bodyInLead, countingList, detailTold, factBesideFocus, gradeGiven, handlingTold, listedShortOf, outcomeTold, parallelListTold, planTold, saidAtStop, setMembersIn, unspelledSet } from './leads.js'
import { assertFeatures, loadAnswerModel, type AnswerModel } from './model.js'
import { confidenceOf, FACT_COVERAGE, FACT_REQUIRED, inContext, scoreEvidence, textIn, type Scored } from './scored.js'
import type { Answer } from './types.js'
import { withTyposRead } from './typos.js'
import { checksVersion, verdictOn, VERDICT_CHARS } from './verdict.js'
import { aboutNamedScope, findsOnlyGenericWords, namesSibling, namesUnknownBody, namesUnknownPerson, namesUnknownPlace, ofSpeaker } from './unmentioned.js'
import { asksForVisits, visitStops } from './visits.js'

export interface ExtractiveOptions {
  maxChars?: number
  /** The kind of fact asked for, when the searched text is not the question itself (a follow-up with the topic carried). */
  questionType?: QuestionType
  /** The question as the user typed it, for the not-found sentence (default: the searched text). */
  asked?: string
  /** The fitted weights (default: data/answer-model.json). */
  model?: AnswerModel
}

// A word of another part of a multi-part question still sets the scene, a little.
const OTHER_PART_WEIGHT = 0.1

/** The words, those that only set the scene weighed at OTHER_PART_WEIGHT. */
function mutedWords(words: WeightedWord[], setsScene: (w: WeightedWord) => boolean): WeightedWord[] {
  return words.map((w) => (setsScene(w) ? { ...w, weight: w.weight * OTHER_PART_WEIGHT } : w))
}

/**
 * Answers from the candidates' own sentences, each cited. A fitted model scores every sentence;
 * another, over the question-level signals, decides whether to answer at all. A question of several
 * parts gets the best sentence for each part, and says which parts the articles do not answer.
 */
export function answerExtractively(analyzed: AnalyzedQuery, found: Candidate[], opts: ExtractiveOptions = {}): Answer {
  const model = opts.model ?? loadAnswerModel()
  assertFeatures(model.evidence, FEATURE_NAMES, 'evidence')
  assertFeatures(model.confidence, CONFIDENCE_FEATURES, 'confidence')
  const question = opts.asked ?? analyzed.text
  const query = withTyposRead(withoutReporter(analyzed, found), found)
  const candidates = ofSpeaker(query, aboutNamedScope(analyzed, found, query))
  if (candidates.length === 0 || namesUnknownPerson(query) || namesUnknownBody(query) || namesUnknownPlace(query) || namesSibling(query, found) || findsOnlyGenericWords(query)) return abstain(question, found)
  const type = opts.questionType && opts.questionType !== 'general' ? opts.questionType : query.type
  const asked: Asked = withoutOfferedNames(withoutCheckedVersionWords(withToldWordsMuted({ ...askedOf(query), type, unit: type === query.type ? query.unit : undefined })), candidates)
  const scored = scoreEvidence(model, withReadersQuoteMuted(asked), candidates)
  const signals = { text: query.text, words: asked.words, typed: type !== 'general' }
  const manyParts = query.parts.length > 1
  const textOf = textIn(candidates)
  // The members of a set named by its count (“三个导向”是哪三个) or one of them (五项督查机制的第二项) are those an
  // article spells out; a slogan the articles only name (“三送一强”), or never name, is not explained by them.
  const set = manyParts ? undefined : askedSet(query.text)
  const setLeads = set ? setMembersIn(set, scored, candidates, textOf) : []
  // Nor is one member of a set asked by its place (那58个项目，第一个是啥) where the articles only count it.
  if (set && setLeads.length === 0 && (set.quoted || listedShortOf(set, candidates))) return abstain(question, candidates, unspelledSet(set, candidates))
  const leads: Scored[] = []
  const open: QuestionPart[] = []
  for (const part of manyParts ? query.parts : []) {
    const reply = answerPart(model, asked, part, candidates, leads)
    if (!reply.covered) open.push(part)
    else leads.push(...reply.leads)
  }
  // A count left open whose members an answered part lists (几家企业？是哪两家) is told by that list.
  const unsure: QuestionPart[] = []
  for (const part of open) {
    const list = countingList(part, query.parts.filter((p) => !open.includes(p)), scored, textOf)
    if (list) leads.push(list)
    else unsure.push(part)
  }
  // A figure looked up (3636套是什么的数量) is answered by the sentence that prints it, however little else it shares.
  const figure = manyParts ? undefined : figureLookedUp(query.text)
  const printing = figure === undefined ? undefined : scored.find((s) => foldText(textOf(s)).includes(figure))
  // A figure asked to be worked out from two the best article prints (平均每个项目节约多少) is said before the quotes; the two
  // figures, printed in its sentences about the question, are what the answer rests on.
  const worked = manyParts ? undefined : workedOut(asked, scored, candidates)
  // A share or multiple asked that the best article neither prints nor lets one work out is not answered by its other figures.
  if (!manyParts && !worked && ratioUntold(asked, scored, candidates)) return abstain(question, candidates)
  if (setLeads.length > 0) leads.push(...setLeads)
  else if (printing) leads.push(printing)
  // Where a visit went is told a stop a sentence: all of the best article's, in its order.
  else if (!manyParts && asksForVisits(query.text)) leads.push(...visitStops(scored, textOf))
  // The amount or date asked sits right beside the word it is asked of (完成了多少 → 已完成544条) in the
  // sentence that answers, which may share fewer of the question's other words than one that only repeats them.
  else if (!manyParts) {
    const beside = factBesideFocus(asked, scored, candidates)
    if (beside.unit && !beside.bestGives) leads.push(beside.unit)
    // A grade asked (什么级别的集聚区) is told by the sentence that gives one, not by the best one that only names the thing.
    const graded = gradeGiven(query.text, scored, textOf)
    if (graded && graded !== scored[0]) leads.push(graded)
    const outcome = outcomeTold(query.text, scored, textOf)
    if (outcome && outcome !== scored[0]) leads.push(outcome)
    const handled = outcome ? undefined : handlingTold(query.text, asked.words, scored, textOf)
    if (handled && handled !== scored[0]) leads.push(handled)
    const plan = FACT_REQUIRED.has(type) ? undefined : planTold(query.text, scored, textOf)
    if (plan && plan !== scored[0]) leads.push(plan)
    const named = bodyInLead(query.text, scored, textOf)
    if (named) leads.push(named)
    const detail = detailTold(query.text, scored, textOf)
    if (detail && detail !== scored[0]) leads.push(detail)
    const said = saidAtStop(query.text, scored, textOf)
    if (said && said !== scored[0]) leads.push(said)
    // The list of parts is the answer; what else is quoted follows it.
    if (!FACT_REQUIRED.has(type)) leads.unshift(...parallelListTold(query.text, scored, textOf))
  }
  // A question whose every part is answered on its own stands, although the words of one part dilute the
  // evidence of the other (哪天几点开始的？请的哪家的老师讲课？), and so does one whose open parts ask no fact
  // (是个什么等级的医院？看大病能去吗): those are said to be left open. Otherwise the whole question must hold up too.
  // So does one whose open part asks an amount in a unit of its own that a sentence quoted for the other parts gives,
  // with the part's words the articles hold (…有多少人？分成了几组？ → 由15人…组成5个小组).
  const toldBeside = (p: QuestionPart) =>
    FACT_REQUIRED.has(p.type) &&
    p.unit !== undefined &&
    query.parts.every((q) => unsure.includes(q) || q.unit !== p.unit) &&
    leads.some((l) => hasFactFor(p.type, textOf(l), p.unit) && ownWords(p, asked.words).every((w) => w.docs === 0 || mentions(foldText(textOf(l)), w)))
  const everyPartAnswered = manyParts && (unsure.length === 0 || unsure.length * 2 < query.parts.length || (unsure.length < query.parts.length && unsure.every((p) => asksNoFact(p) || toldBeside(p))))
  if (worked) leads.unshift(...worked.quotes)
  const stands = everyPartAnswered || printing !== undefined || setLeads.length > 0 || worked !== undefined
  if (!stands && confidenceOf(model, signals, candidates, scored) < model.confidence.threshold) return abstain(question, candidates)
  if (!stands && !givesAskedFact({ ...asked, message: question }, scored, candidates, manyParts)) return abstain(question, candidates)
  // A part that names nothing of its own (名字能列一下吗) rests on the parts that do: when none of those is answered, nothing is.
  const naming = query.parts.filter((p) => namesOwn(p, asked.words))
  if (unsure.length > 0 && (unsure.length === query.parts.length || (naming.length > 0 && naming.every((p) => unsure.includes(p))))) {
    return abstain(question, candidates)
  }
  // Parts the articles do not answer are said to be so after the quotes, within the same 300 characters.
  const gapOf = (part: QuestionPart) => gapNote(part.text)
  // A figure the reader asks to have confirmed (……3663套，是吗？) is said back before the quotes, right or wrong.
  const checked = foldText(question)
  const checking = checksVersion(checked)
  const lead = (checking ? '' : worked?.line) ?? ''
  const maxChars = (opts.maxChars ?? MAX_ANSWER_CHARS) - unsure.map(gapOf).join('').length - (checking ? VERDICT_CHARS : lead.length)
  const chosen = chooseEvidence(leads, scored, model.compose, textOf, maxChars, SPELLED_OUT.has(asked.type))
  // An amount or date asked that no quote shows is not answered: not by the training's story, quoted because 五里堡's
  // drill of 60余人 shares its words (森林防火培训多少人参加), nor by the story of a gallery whose cost it leaves out, which
  // the check above let through for a sum of another of its sentences (清廉文化长廊花了多少钱 → 收入完成40亿元).
  // Nor by a figure the reader wrote as what they ask about (采购737.8万元里，给到小微企业的是多少钱).
  const contact = askedContact(query.text)
  const given = figuresGiven(query.text)
  const givesFact = (c: Scored) => (contact ? givesContact(contact, textOf(c)) : hasFactFor(asked.type, withoutFigures(textOf(c), given), asked.unit))
  if (!manyParts && !stands && FACT_REQUIRED.has(asked.type) && !chosen.some(givesFact)) return abstain(question, candidates)
  // Which one is the most (预算最大的一笔是哪个项目) is told by a quote that ranks them or lists their figures side by side,
  // not by one that gives the total of all (共完成政府采购项目52个…).
  if (!manyParts && !stands && asksExtreme(query.text) && !chosen.some((c) => ranksOrCompares(textOf(c)))) return abstain(question, candidates)
  // A part the model was unsure of is still answered when a quote holds the kind of fact it asks (多少人参加 → 60余人).
  const gaps = unsure.filter((p) => p.type === 'general' || !chosen.some((c) => hasFactFor(p.type, textOf(c), p.unit))).map(gapOf)
  const answer = composeAnswer(chosen, candidates, maxChars)
  const verdict = checking ? verdictOn(checked, answer.answer) : ''
  return { ...answer, answer: verdict + lead + answer.answer + gaps.join('') }
}

/**
 * Whether the candidates answer one part of a multi-part question, and the sentences to quote for it:
 * the stops of a visit, the clause giving the asked amount beside its word, or its best sentence not
 * quoted for an earlier part.
 */
function answerPart(model: AnswerModel, asked: Asked, part: QuestionPart, candidates: Candidate[], taken: Scored[]): { covered: boolean; leads: Scored[] } {
  // A part that names nothing of its own (谁讲的话？) asks about what the others name.
  const mine = ownWords(part, asked.words)
  const own = mine.length > 0
  // A part whose own words no article holds (看大病能去吗) is not answered by what the other parts name; an
  // ordinal or a share (第一个, 每队) is how it counts, which articles word their own way.
  const telling = mine.filter((w) => !/^[第每]/.test(w.text))
  if (telling.length > 0 && telling.every((w) => w.docs === 0)) return { covered: false, leads: [] }
  const words = mutedWords(asked.words, (w) => own && !part.text.includes(w.text))
  const partAsked: Asked = { text: part.text, words, bigrams: asked.bigrams.filter((b) => part.text.includes(b)), type: part.type, unit: part.unit }
  const scored = scoreEvidence(model, partAsked, candidates)
  const confident = confidenceOf(model, { text: part.text, words, typed: part.type !== 'general', whole: asked.text }, candidates, scored) >= model.confidence.threshold
  const before = asked.text.slice(0, Math.max(0, asked.text.indexOf(part.text)))
  if (!confident || !givesAskedFact({ ...partAsked, before, whole: asked.text }, scored, candidates)) return { covered: false, leads: [] }
  // Where they went next (会后他们又去了哪几家企业) is told by the story the other parts are answered from.
  const textOf = textIn(candidates)
  const stops = asksForVisits(part.text) ? visitStops(scored, textOf, taken[0]?.candidate) : []
  if (stops.length > 0) return { covered: true, leads: stops }
  // The clause giving the asked amount beside its word answers, even within the sentence another part
  // quotes (the two are joined later); otherwise another part's sentence already quoted does not answer
  // this one as well (哪天开的？谁讲的话？).
  const beside = factBesideFocus(partAsked, scored, candidates).unit
  const graded = gradeGiven(part.text, scored, textOf)
  const free = (s: Scored) => !taken.some((t) => t.candidate === s.candidate && t.span.start < s.span.end && s.span.start < t.span.end)
  // Of a part asking an amount or a date, the best article's best sentence that gives it (由15人…组成, not the story's opening).
  const gives = FACT_REQUIRED.has(part.type) ? factCheckOf({ ...partAsked, before, whole: asked.text }, candidates) : undefined
  const giving = gives && scored.find((s) => s.candidate === scored[0]!.candidate && free(s) && inContext(s) >= FACT_COVERAGE && gives(s))
  // A part that names nothing of its own (开座谈会了吗？哪天开的) is told by the sentence quoted for the others, read
  // from its start: 6月11日上午，马寨产业集聚区召开…座谈会, not only from the clause the other part was quoted from.
  const reachesBack = (s: Scored) => taken.some((t) => t.candidate === s.candidate && s.span.start < t.span.start && s.span.end > t.span.start)
  const widened = !own && gives ? scored.find((s) => reachesBack(s) && gives(s)) : undefined
  const lead = beside ?? graded ?? widened ?? giving ?? scored.find(free)
  return { covered: true, leads: lead ? [lead] : [] }
}

/** True when a part of the question names something of its own (a word of two or more characters). */
function namesOwn(part: QuestionPart, words: WeightedWord[]): boolean {
  return ownWords(part, words).length > 0
}

/** The question's words of more than one character that a part says itself. */
function ownWords(part: QuestionPart, words: WeightedWord[]): WeightedWord[] {
  return words.filter((w) => [...w.text].length > 1 && part.text.includes(w.text))
}

// Questions asking how or what (怎么处理, 都要干啥, 目的是什么): a story states a point and spells it out in the sentence
// after (王家鹏最后强调，坚持结果导向… → 优化营商环境…领导要靠前抓落实), so that sentence, when it holds a word of the
// question, is quoted second. On the CRUD train half: answer recall +0.003, key facts +0.005.
const SPELLED_OUT = new Set<QuestionType>(['how', 'general'])

// The reader's own story around the question (我们施工企业想对照着查漏补缺; 我们是做建材供应的) tells why they ask,
// not what: where the clauses that ask name two things of their own, its common words only set the scene. A name
// in it (我爸要去郑大二附院住院) or a clause saying what they want to know (我想了解一下爱国卫生月的情况) is the topic.
const OWN_ASKING_WORDS = 2

const WANTS_TO_KNOW = /了解|问|请教|打听|想知道|关于|咨询/

function withToldWordsMuted(asked: Asked): Asked {
  const clauses = clausesOf(asked.text)
  const asking = askingClauses(asked.text)
  const inAsking = (w: WeightedWord) => asking.some((c) => c.includes(w.text))
  const story = (c: string) => READERS_OWN_STORY.test(c) && !WANTS_TO_KNOW.test(c)
  const ownOnly = (w: WeightedWord) => !w.name && !inAsking(w) && clauses.filter((c) => c.includes(w.text)).every(story)
  if (asked.words.filter((w) => w.docs > 0 && [...w.text].length > 1 && inAsking(w)).length < OWN_ASKING_WORDS) return asked
  return { ...asked, words: mutedWords(asked.words, ownOnly) }
}

// A clause that checks the reader's own version (全赶走了吗, 总不能一赶了之吧, 是不是没地方摆了) beside one that asks in its
// own words (最后咋安排的): the article tells what was done, seldom in the reader's words for it, so those words no
// article holds are not looked for.
const CHECKED = /(吗|吧|是不是|难道|不会)/
// Whether the reader may or will (能报名参加吗, 会不会降价) is no version of what happened: the article must say it.
const MAY = /能|可以|会不会/

function withoutCheckedVersionWords(asked: Asked): Asked {
  const clauses = clausesOf(asked.text)
  const checked = clauses.filter((c) => CHECKED.test(c) && !ASKS_ITS_OWN.test(c) && !MAY.test(c))
  const open = clauses.filter((c) => asks(c) && ASKS_ITS_OWN.test(c))
  if (checked.length === 0 || open.length === 0) return asked
  const onlyChecked = (w: WeightedWord) => w.docs === 0 && !w.name && !w.person && !w.place && clauses.filter((c) => c.includes(w.text)).every((c) => checked.includes(c))
  return { ...asked, words: asked.words.filter((w) => !onlyChecked(w)) }
}

// The kinds of body or place a name ends in: a reader checking 明湖办事处 is answered by an article naming 祥云办事处.
const NAMED_KIND = /(办事处|街道|社区|村|镇|乡|局|公司|集团|学院|大学|医院|银行|中队|大队)$/

/**
 * A name the reader offers as their version to be checked (王庄村是不是明湖办事处的) is not looked for where the best
 * article names another of its kind instead (祥云办事处王庄村), or another person beside a post: that one is the answer,
 * and the reader's is wrong.
 */
function withoutOfferedNames(asked: Asked, candidates: Candidate[]): Asked {
  const versions = versionsOffered(asked.text)
  const best = candidates[0]
  if (versions.length === 0 || !best) return asked
  const told = foldText(`${best.title}\n${best.text}`)
  const other = (w: WeightedWord) => {
    if (!versions.some((v) => v.includes(w.text)) || [w.text, ...w.synonyms].some((f) => told.includes(f))) return false
    const kind = NAMED_KIND.exec(w.text)?.[1]
    if (kind) return new RegExp(`\\p{Script=Han}{2,6}${kind}`, 'u').test(told)
    // A person (前程办事处的主任是吴晓莉吗) where the article names another beside a post (主任陈伟).
    return isPersonWord(w) && namesPerson(told)
  }
  return { ...asked, words: asked.words.filter((w) => !other(w)) }
}

// A headline the reader pastes before the question (【郑大二附院周边道路9月底通车】周边修的是哪几条路), or a passage
// they quote from the paper (看到“…提高了…知识储备”，这个培训是哪个单位办的), names the article; the sentence that
// answers is chosen by what is asked outside it. A short quote names a thing (“亮赛比”, “1+N”), and so does one
// that words follow (“脚板+手指 你我齐努力”活动): the answer is about that.
const READER_QUOTES = /^\s*[【「]([^】」]{4,})[】」]|[“"「]([^”"」]{8,})[”"」](?!\p{Script=Han})/gu

function withReadersQuoteMuted(asked: Asked): Asked {
  const quotes = [...asked.text.matchAll(READER_QUOTES)]
  const rest = quotes.reduce((text, q) => text.replace(q[0], '，'), asked.text)
  if (quotes.length === 0 || [...rest.matchAll(/\p{Script=Han}/gu)].length < 4 || !asks(rest)) return asked
  const quoted = quotes.map((q) => q[1] ?? q[2]!)
  return { ...asked, words: mutedWords(asked.words, (w) => quoted.some((q) => q.includes(w.text)) && !rest.includes(w.text)) }
}
