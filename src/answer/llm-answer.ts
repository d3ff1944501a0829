import { z } from 'zod'
import { UpstreamError } from '../errors.js'
import type { AnalyzedQuery, SearchHit } from '../retrieve/index.js'
import { checkAnswer, normalizeMarkers, splitAnswerSentences, type CitableSource } from './citations.js'
import { abstain } from './abstain.js'
import type { Answer } from './types.js'
import type { ChatMessage, CompleteOptions, LlmClient } from '../llm/index.js'
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
export async function answerWithLlm(
  llm: LlmClient,
  question: string,
  hits: SearchHit[],
  query: AnalyzedQuery,
  opts: CompleteOptions = {},
): Promise<Answer> {
  const numbered = numberSources(hits, query)
  const citable = numbered.map(({ n, hit }) => ({ n, ...hit }))
  const messages = buildAnswerMessages(question, numbered)
  const stream = opts.onToken ? checkedStream(opts.onToken, citable) : undefined
  const reply = llm.structured && !stream
    ? await llm.completeJson(messages, LlmReply, 'newsbot_answer', opts)
    : { found: undefined, answer: await llm.complete(messages, { ...opts, onToken: stream?.push }) }
  stream?.flush()
  if (reply.found === false) return { ...abstain(question, hits), mode: 'llm' }
  const raw = reply.answer.trim()
  if (!raw) throw new UpstreamError('大模型返回了空回答')
  const checked = checkAnswer(raw, citable)
  if (checked.cited === 0 && raw.includes(NOT_FOUND)) {
    return { ...abstain(question, hits), mode: 'llm' }
  }
  if (checked.cited === 0) {
    const why = checked.warnings.length > 0 ? checked.warnings.join('；') : '回答没有引用任何资料'
    throw new UpstreamError(`大模型的回答未通过核对（${why}）`)
  }
  return { answer: checked.answer, mode: 'llm', abstained: false, citations: checked.citations, warnings: checked.warnings, suggestions: [] }
}

/**
 * What a reader sees while the model writes: only sentences that are complete and have passed the
 * answer's checks, as they will stand in the final answer (a sentence is complete once the next
 * one has begun, so its markers have arrived). `flush` adds the last sentence when the reply ends.
 */
function checkedStream(onToken: (text: string) => void, sources: CitableSource[]) {
  let raw = ''
  let complete = 0
  let shown = ''
  const show = (text: string) => {
    const checked = checkAnswer(text, sources).answer
    if (checked.length > shown.length && checked.startsWith(shown)) onToken(checked.slice(shown.length))
    if (checked.startsWith(shown)) shown = checked
  }
  return {
    push(token: string) {
      raw += token
      const sentences = splitAnswerSentences(normalizeMarkers(raw))
      if (sentences.length - 1 <= complete) return
      complete = sentences.length - 1
      show(sentences.slice(0, complete).join(''))
    },
    flush() {
      show(raw)
    },
  }
}
