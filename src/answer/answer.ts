import { InputError } from '../errors.js'
import { searchArticles } from '../retrieve/index.js'
import type { Db } from '../store/index.js'
import { answerExtractively, type ExtractiveAnswer } from './extractive.js'
import { carryTopic, type Turn } from './follow-up.js'
import { weightQuestionTerms } from './query-terms.js'

export type AnswerMode = 'auto' | 'extractive' | 'llm'

export interface AskOptions {
  mode?: AnswerMode
  /** The chat's earlier turns, oldest first, for follow-up questions. */
  history?: Turn[]
  /** Receives the answer's text as it streams (LLM mode only). */
  onToken?: (token: string) => void
}

/** An answer plus what it was searched as (the standalone form of a follow-up). */
export type AnswerResult = ExtractiveAnswer & { searched: string }

export const MAX_QUESTION_CHARS = 500

const CANDIDATES = 8

/** Answers a question from the store's articles. */
export async function answerQuestion(db: Db, question: string, opts: AskOptions = {}): Promise<AnswerResult> {
  const q = checkQuestion(question)
  if (opts.mode === 'llm') throw new InputError('未配置大模型：设置 OPENAI_BASE_URL 或 OPENAI_API_KEY 以启用 LLM 模式')
  const searched = carryTopic(q, opts.history ?? [])
  const candidates = searchArticles(db, searched, { k: CANDIDATES })
  return { ...answerExtractively(searched, weightQuestionTerms(db, searched), candidates), searched }
}

/** Trims a question and refuses what cannot be one: empty, or longer than a question could be. */
export function checkQuestion(question: string): string {
  const q = question.replace(/\s+/g, ' ').trim()
  if (!q || !/[\p{L}\p{N}]/u.test(q)) throw new InputError('问题是空的，请输入要查询的内容。')
  if (q.length > MAX_QUESTION_CHARS) throw new InputError(`问题太长了（${q.length} 字），请精简到 ${MAX_QUESTION_CHARS} 字以内。`)
  return q
}
