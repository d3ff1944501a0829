import type { Candidate } from './evidence.js'
import type { Answer } from './types.js'

// A question in another language (English, as a visitor or a returnee asks): no Chinese character, two words of letters.
const FOREIGN_QUESTION = /^[^\p{Script=Han}]*[a-z]{2,}[^\p{Script=Han}]+[a-z]{2,}[^\p{Script=Han}]*$/iu

/**
 * The honest no-answer: says the sources do not cover the question (or why, when that is known) and offers
 * the closest headlines.
 * A question in another language is told the bulletins can only be searched in Chinese: matched
 * against Chinese articles it finds nothing, and "not found" would say the bulletins do not cover it.
 */
export function abstain(question: string, candidates: Omit<Candidate, 'score' | 'text'>[], why?: string): Answer {
  if (FOREIGN_QUESTION.test(question)) {
    return { answer: '报道都是中文的，目前只能回答用中文提的问题，请用中文再问一次。', mode: 'extractive', abstained: true, citations: [], warnings: [], suggestions: [] }
  }
  const suggestions = candidates.slice(0, 3).map(({ id, title, paper, date }) => ({ id, title, paper, date }))
  const topic = question.length > 30 ? `${question.slice(0, 30)}…` : question
  const nearby = suggestions.filter((s) => s.title).map((s) => `《${s.title}》`)
  const answer = `${why ?? `资料中未找到关于“${topic}”的明确信息。`}${nearby.length ? `相关报道：${nearby.join('、')}。` : ''}`
  return { answer, mode: 'extractive', abstained: true, citations: [], warnings: [], suggestions }
}
