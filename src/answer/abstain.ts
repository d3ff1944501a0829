import type { Candidate } from './evidence.js'
import type { Answer } from './types.js'

/** The honest no-answer: says the sources do not cover the question and offers the closest headlines. */
export function abstain(question: string, candidates: Omit<Candidate, 'score' | 'text'>[]): Answer {
  const suggestions = candidates.slice(0, 3).map(({ id, title, paper, date }) => ({ id, title, paper, date }))
  const topic = question.length > 30 ? `${question.slice(0, 30)}…` : question
  const nearby = suggestions.filter((s) => s.title).map((s) => `《${s.title}》`)
  const answer = `资料中未找到关于“${topic}”的明确信息。${nearby.length ? `相关报道：${nearby.join('、')}。` : ''}`
  return { answer, mode: 'extractive', abstained: true, citations: [], warnings: [], suggestions }
}
