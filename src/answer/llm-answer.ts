import { z } from 'zod'
import { UpstreamError } from '../errors.js'
import type { SearchHit } from '../retrieve/index.js'
import { checkAnswer } from './citations.js'
import { abstain } from './abstain.js'
import type { ExtractiveAnswer } from './types.js'
import type { ChatMessage, CompleteOptions, LlmClient } from './llm-client.js'
import { loadPrompt, renderPrompt } from './prompts.js'
import { formatSources, numberSources, type NumberedSource } from './sources.js'

/** What a server with structured output returns instead of plain text. */
const LlmReply = z.object({
  /** False when the sources do not answer the question. */
  found: z.boolean(),
  answer: z.string(),
})

const NOT_FOUND = '资料中未找到'

/** The prompt for a question and its numbered sources: rules as the system message, sources delimited. */
function buildAnswerMessages(question: string, sources: NumberedSource[]): ChatMessage[] {
  return [
    { role: 'system', content: loadPrompt('answer-system') },
    { role: 'user', content: renderPrompt(loadPrompt('answer'), { sources: formatSources(sources), question }) },
  ]
}

/**
 * Asks the model and checks its reply. Throws UpstreamError when there is nothing usable (failure,
 * empty or uncited reply, every claim unsupported), so the caller can fall back.
 */
export async function answerWithLlm(llm: LlmClient, question: string, hits: SearchHit[], opts: CompleteOptions = {}): Promise<ExtractiveAnswer> {
  const numbered = numberSources(hits)
  const messages = buildAnswerMessages(question, numbered)
  const reply = llm.structured && !opts.onToken
    ? await llm.completeJson(messages, LlmReply, 'newsbot_answer', opts)
    : { found: undefined, answer: await llm.complete(messages, opts) }
  if (reply.found === false) return { ...abstain(question, hits), mode: 'llm' }
  const raw = reply.answer.trim()
  if (!raw) throw new UpstreamError('大模型返回了空回答')
  const checked = checkAnswer(raw, numbered.map(({ n, hit }) => ({ n, ...hit })))
  if (checked.cited === 0 && raw.includes(NOT_FOUND)) {
    return { ...abstain(question, hits), mode: 'llm' }
  }
  if (checked.cited === 0) {
    const why = checked.warnings.length > 0 ? checked.warnings.join('；') : '回答没有引用任何资料'
    throw new UpstreamError(`大模型的回答未通过核对（${why}）`)
  }
  return { answer: checked.answer, mode: 'llm', abstained: false, citations: checked.citations, warnings: checked.warnings, suggestions: [] }
}
