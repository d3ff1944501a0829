import { InputError, NewsbotError } from '../errors.js'
import { askedApart, detectQuestionType, inMandarin, type QuestionIndex, type SearchHit } from '../retrieve/index.js'
import { isWorkedOut } from './arithmetic.js'
import { addByline, besideByline, bylineTopic, withByline } from './byline.js'
import { gapNote, joinAnswers, MAX_ANSWER_CHARS } from './compose.js'
import { answerExtractively } from './extractive.js'
import { carryTopic, rewriteFollowUp, type Turn } from './follow-up.js'
import { answerWithLlm } from './llm-answer.js'
import { askedInMessage } from './message.js'
import { respelt } from './typos.js'
import type { LlmClient } from '../llm/index.js'
import type { Answer } from './types.js'
import { type Embedder } from '../llm/index.js'

export type AnswerMode = 'auto' | 'extractive' | 'llm'

export interface AskOptions {
  /** auto (the default): the model when one is configured, else extractive. */
  mode?: AnswerMode
  /** The chat's earlier turns, oldest first, for follow-up questions. */
  history?: Turn[]
  /** Receives the answer's text as it streams (LLM mode only). */
  onToken?: (token: string) => void
  /** The model client from createLlmClient(config.llm); null or absent means extractive only. */
  llm?: LlmClient | null
  /** The embeddings endpoint from createEmbedder(config): dense retrieval fused with the lexical one. */
  embedder?: Embedder | null
  signal?: AbortSignal
  /** Articles to leave out, with their reprints (an evaluation asks without the answering articles). */
  exclude?: string[]
  /** The longest extractive answer (default 300 characters). */
  maxChars?: number
}

/**
 * An answer plus what it was searched as (the standalone form of a follow-up). After a model failure,
 * `fallbackReason` is the detail for the log and --verbose, never for readers (it may name the
 * endpoint or an HTTP status); readers get the answer's `notice`.
 */
export type AnswerResult = Answer & { searched: string; fallbackReason?: string }

/** What readers are told when the model could not answer and the extractive answer stands in. */
export const FALLBACK_NOTICE = '大模型暂时无法回答，以下是从报道中直接摘录的回答。'

export const MAX_QUESTION_CHARS = 500

const CANDIDATES = 12
// Two questions of one message are of two stories when the message's search finds both among its first few.
const STORIES_FOUND = 5
// After a byline, the quote that says which article it is: about a sentence.
const BYLINE_QUOTE_CHARS = 100

/**
 * Answers a question from the store's articles. Only a bad question throws (InputError); when the
 * model fails in any way the extractive answer comes back with a one-line notice in `warnings`.
 */
export async function answerQuestion(index: QuestionIndex, question: string, opts: AskOptions = {}): Promise<AnswerResult> {
  // A question wrapped in markup, a preamble or words addressed to a model is read without them.
  const message = askedInMessage(checkQuestion(question))
  // 这篇是哪个记者写的？ beside other questions: those are answered, and the cited article's byline added.
  const others = besideByline(message)
  const q = others ?? message
  const signed = (answer: Answer, hits: SearchHit[]) => (others === null ? answer : addByline(answer, hits))
  const history = opts.history ?? []
  // Who wrote an article is in its byline, which the sources a model reads do not hold: answered from
  // it. Asked of no topic (这篇是谁写的), it is asked of the chat's last one.
  const topic = bylineTopic(q)
  const byline = topic === '' && history.length === 0 ? null : topic
  const model = pickModel(opts.mode, opts.llm)
  const llm = byline === null ? model : null
  let searched = await carryTopic(byline ?? q, history, index.analyze)
  let failure: NewsbotError | undefined
  if (llm && history.length > 0) {
    try {
      searched = await rewriteFollowUp(llm, q, history, index.analyze, { signal: opts.signal })
    } catch (err) {
      failure = asKnown(err)
    }
  }
  const search = (text: string) => index.searchWithEmbedder(text, { k: CANDIDATES, embedder: opts.embedder, exclude: opts.exclude })
  const first = await search(searched)
  // A misspelt name is searched again as the articles spell it (安至房 → 安置房).
  const spelt = respelt(first.query, first.hits)
  if (spelt) searched = spelt
  const { hits, query, notice: searchNotice } = spelt ? await search(spelt) : first
  if (llm && !failure && hits.length > 0) {
    try {
      const r = signed(await answerWithLlm(llm, searched, hits, query, { onToken: opts.onToken, signal: opts.signal }), hits)
      return { ...r, warnings: [...searchNotice, ...r.warnings], searched }
    } catch (err) {
      failure = asKnown(err)
    }
  }
  opts.signal?.throwIfAborted()
  // 那它有多长？ asks for an amount even when the carried topic's words asked 什么时候.
  const asked = byline === null ? q : searched
  const questionType = detectQuestionType(inMandarin(asked))
  const maxChars = opts.maxChars ?? MAX_ANSWER_CHARS
  const extractive = answerExtractively(query, hits, { questionType, asked, maxChars: byline === null ? maxChars : Math.min(maxChars, BYLINE_QUOTE_CHARS) })
  const answered = byline === null ? signed(extractive, hits) : withByline(extractive, hits)
  const found = hits.slice(0, STORIES_FOUND).map((h) => h.id)
  // A figure worked out from two the whole answer quotes (区级的比市级的多几个) stands: asked apart, neither side works it out.
  const fallback = history.length === 0 && !isWorkedOut(answered) ? await orAskedApart(answered, message, found, maxChars, (thing, room) => answerQuestion(index, thing, { ...opts, mode: 'extractive', maxChars: room })) : answered
  const fell = failure ? { notice: FALLBACK_NOTICE, fallbackReason: failure.message } : {}
  return { ...fallback, warnings: [...searchNotice, ...fallback.warnings], searched, ...fell }
}

/**
 * A comparison of two things (A和B，哪个早; A那篇和B那篇是一个记者写的吗; A多少？B跟它比谁多) is asked of each thing in
 * turn (A是哪天？ B是哪天？), each in half the room, since one story seldom tells both: the whole question's answer
 * quotes one side. So is a question asking one thing of each (A与B分别是多少) that the whole answers from one of the
 * two stories, and a question asking more (…是哪所高校？B又邀请了几所), or two questions of two stories, that the
 * whole question's answer refuses. The whole answer stands unless both are answered: one side alone does not compare
 * (二七区的新增就业 is printed, 中原区's is not), and two questions answered from one story are one question the story
 * does not answer whole (几个专项小组？分别是哪些). A first thing asked outright (A有多少家，比B多吗) is answered alone
 * when the second is not, saying so.
 */
async function orAskedApart(whole: Answer, question: string, found: string[], maxChars: number, ask: (thing: string, room: number) => Promise<Answer>): Promise<Answer> {
  const apart = askedApart(inMandarin(question))
  // A comparison, or one thing asked of each of two stories, is asked apart even when the whole is answered.
  if (!apart || (!whole.abstained && apart.kind !== 'compared' && apart.kind !== 'each')) return whole
  const answers = await Promise.all(apart.things.map((thing) => ask(thing, Math.floor(maxChars / 2))))
  const both = answers.every((a) => !a.abstained)
  // One thing asked of each of two stories (A和B的通讯员分别是谁) and answered whole from one of them: each is told
  // by its own story, so the answers apart stand.
  if (apart.kind === 'each' && !whole.abstained) return both && twoStoriesFound(found, answers) && !citesBoth(whole, answers) ? joinAnswers(answers, maxChars) : whole
  if (both && (apart.kind !== 'two' || twoStoriesFound(found, answers))) return joinAnswers(answers, maxChars)
  if (!apart.firstAlone || answers[0]!.abstained) return whole
  const gap = apart.things[1] ? gapNote(apart.things[1]) : ''
  const joined = joinAnswers([answers[0]!], maxChars - gap.length)
  return { ...joined, answer: joined.answer + gap }
}

/** Whether the whole answer already quotes the story each answer apart is from. */
function citesBoth(whole: Answer, answers: Answer[]): boolean {
  return answers.every((a) => whole.citations.some((c) => c.id === a.citations[0]?.id))
}

/**
 * Two questions are of two stories when each is answered from its own, and both are among the first the whole
 * message finds: 分别是哪些 or 医保能报多少, asked alone, is answered from any story at all.
 */
function twoStoriesFound(found: string[], answers: Answer[]): boolean {
  const cited = answers.map((a) => a.citations[0]?.id)
  return cited[0] !== cited[1] && cited.every((id) => id !== undefined && found.includes(id))
}

/** The model a mode will use (null: extractive); 'llm' without a configured model is a usage error. */
export function pickModel(mode: AnswerMode = 'auto', llm: LlmClient | null = null): LlmClient | null {
  if (mode === 'extractive') return null
  if (mode === 'llm' && !llm) throw new InputError('未配置大模型：设置 OPENAI_BASE_URL 或 OPENAI_API_KEY 以启用 LLM 模式')
  return llm
}

/** Failures newsbot knows (upstream, missing prompt file) fall back; anything else is a bug and surfaces. */
function asKnown(err: unknown): NewsbotError {
  if (err instanceof NewsbotError) return err
  throw err
}

/** Trims a question and refuses what cannot be one: empty, or longer than a question could be. */
export function checkQuestion(question: string): string {
  const q = question.replace(/\s+/g, ' ').trim()
  if (!q || !/[\p{L}\p{N}]/u.test(q)) throw new InputError('问题是空的，请输入要查询的内容。')
  if (q.length > MAX_QUESTION_CHARS) throw new InputError(`问题太长了（${q.length} 字），请精简到 ${MAX_QUESTION_CHARS} 字以内。`)
  return q
}
