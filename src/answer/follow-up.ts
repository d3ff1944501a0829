import type { AnalyzedQuery } from '../retrieve/index.js'
import { CONVERSATION } from './conversation.js'
import type { CompleteOptions, LlmClient } from '../llm/index.js'
import { loadPrompt, renderPrompt } from './prompts.js'

/** One earlier question and what newsbot answered, as a chat remembers it. */
export interface Turn {
  question: string
  /** The standalone form the question was searched as (after follow-up rewriting). */
  searched: string
  answer: string
}

// Pronouns and openers that lean on the previous question: 那它什么时候完工？ 这个项目呢？
const LEANS_ON_CONTEXT = /^(那|那么|这|这个|那个|它|其|该|还有|另外|然后|此外)|[它其]|^[^，。？]{0,6}(呢|吗)[？?]?$/

// A short question naming this many things of its own (火星上的咖啡馆几点开门) stands alone.
const OWN_WORDS_TO_STAND_ALONE = 2

/** How the store reads a question (QuestionIndex.analyze): the one reading search and answers share. */
export type Analyze = (question: string) => Promise<AnalyzedQuery>

/** True when a question is probably a follow-up that cannot stand alone. */
export async function looksLikeFollowUp(question: string, analyze: Analyze): Promise<boolean> {
  const q = question.trim()
  if (LEANS_ON_CONTEXT.test(q)) return true
  if (q.length > 12) return false
  const own = (await analyze(q)).words.filter((w) => [...w.text].length > 1)
  return own.length < OWN_WORDS_TO_STAND_ALONE
}

/**
 * Offline follow-up handling: the question plus the previous turn's searched words, so
 * 那它什么时候完工？ after a question about 郑大二附院周边道路 still finds that article.
 */
export async function carryTopic(question: string, history: Turn[], analyze: Analyze): Promise<string> {
  const last = history.at(-1)
  if (!last || !(await looksLikeFollowUp(question, analyze))) return question
  return `${question} ${last.searched}`
}

const ANSWER_CHARS = 150
const MAX_REWRITE_CHARS = 200

/**
 * With a model: rewrites a follow-up into a standalone question from the chat's last turns
 * (prompts/rewrite.md). A reply that cannot be a question (empty, overlong) keeps the offline rewrite.
 */
export async function rewriteFollowUp(llm: LlmClient, question: string, history: Turn[], analyze: Analyze, opts: CompleteOptions = {}): Promise<string> {
  if (history.length === 0) return question
  const lines = history.slice(-CONVERSATION.turns).flatMap((t) => [`问：${t.searched}`, `答：${t.answer.slice(0, ANSWER_CHARS)}`])
  const prompt = renderPrompt(loadPrompt('rewrite'), { history: lines.join('\n'), question })
  const reply = await llm.complete([{ role: 'user', content: prompt }], { signal: opts.signal })
  const rewritten = (reply.trim().split('\n')[0] ?? '').replace(/^(改写后的问题|问题)[：:]\s*/, '').replace(/^["“「]|["”」]$/g, '').trim()
  if (!rewritten || rewritten.length > MAX_REWRITE_CHARS) return carryTopic(question, history, analyze)
  return rewritten
}
