import { analyzeQuery } from './query.js'

/** Questions that ask much the same thing, the first one standing for the group. */
export interface QuestionGroup {
  questions: string[]
}

// Share of content bigrams two questions must have in common to be grouped.
const SIMILAR = 0.34

/**
 * Groups questions by the overlap of their content bigrams as search reads them (asking forms such as
 * 什么时候 left out; Jaccard), each joining the first group whose
 * leader it is close enough to; the largest groups first. Cheap enough for the few hundred questions a
 * console shows, and needs no model.
 */
export function groupSimilarQuestions(questions: string[], threshold = SIMILAR): QuestionGroup[] {
  const groups: { leader: Set<string>; questions: string[] }[] = []
  for (const q of questions) {
    const tokens = new Set(analyzeQuery(q, null).terms.filter((t) => t.kind === 'bigram').map((t) => t.tokens))
    const home = groups.find((g) => jaccard(g.leader, tokens) >= threshold)
    if (home) home.questions.push(q)
    else groups.push({ leader: tokens, questions: [q] })
  }
  return groups.sort((a, b) => b.questions.length - a.questions.length).map((g) => ({ questions: g.questions }))
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return shared / (a.size + b.size - shared)
}
