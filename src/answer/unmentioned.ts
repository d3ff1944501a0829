import type { AnalyzedQuery } from '../retrieve/index.js'
import type { Candidate } from './evidence.js'

// The articles a year is looked for in: those the answer would quote from.
const CANDIDATES_READ = 5
const YEAR = /((?:19|20)\d{2})\s*年/g

/**
 * True when the question names something the articles found never do: a person no article names
 * (管委会副主任李建国), or a year none of them is about (2021年 when they report 2020's bonds).
 * Whatever else matches, those articles are about something else. Only names and years count here:
 * an unusual word (a typo, a colloquial word) never vetoes an answer on its own.
 */
export function namesUnmentioned(query: AnalyzedQuery, candidates: Candidate[]): boolean {
  if (query.words.some((w) => w.person && w.docs === 0)) return true
  const read = candidates.slice(0, CANDIDATES_READ)
  const years = [...query.text.matchAll(YEAR)].map((m) => m[1]!)
  return years.some((y) => !read.some((c) => c.date?.startsWith(y) || c.title.includes(y) || c.text.includes(y)))
}
