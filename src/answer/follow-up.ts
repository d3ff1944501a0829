/** One earlier question and what newsbot answered, as a chat remembers it. */
export interface Turn {
  question: string
  /** The standalone form the question was searched as (after follow-up rewriting). */
  searched: string
  answer: string
}

// Pronouns and openers that lean on the previous question: 那它什么时候完工？ 这个项目呢？
const LEANS_ON_CONTEXT = /^(那|那么|这|这个|那个|它|其|该|还有|另外|然后|此外)|[它其]|^[^，。？]{0,6}(呢|吗)[？?]?$/

/** True when a question is probably a follow-up that cannot stand alone. */
export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim()
  return q.length <= 12 || LEANS_ON_CONTEXT.test(q)
}

/**
 * Offline follow-up handling: the question plus the previous turn's searched words, so
 * 那它什么时候完工？ after a question about 郑大二附院周边道路 still finds that article.
 */
export function carryTopic(question: string, history: Turn[]): string {
  const last = history.at(-1)
  if (!last || !looksLikeFollowUp(question)) return question
  return `${question} ${last.searched}`
}
