import type { AnalyzedQuery } from '../retrieve/index.js'
import type { Candidate } from './evidence.js'

const YEAR = /((?:19|20)\d{2})\s*年/g
// An area a question can be about (金水区, 中牟县); generic places (社区, 园区, 小区) name no area.
const AREA = /^\p{Script=Han}{2,4}[区县]$/u
const NOT_AREA = /(社|小|园|景|城|片|辖|校|厂|矿|街|集聚|新|试验|开发|功能|保护|服务)区$/

// A numbered thing (5号线, 3期工程): another number is another thing.
const NUMBERED = /\d+\s*(?:号线|号楼|号院|号地块|期工程|届)/g

/** True when the question names a person no article in the store names (管委会副主任李建国). */
export function namesUnknownPerson(query: AnalyzedQuery): boolean {
  return query.words.some((w) => w.person && w.docs === 0)
}

/**
 * The candidates that mention every year, area and numbered thing the question names: a question
 * about 2021年's bonds, 金水区's training or 地铁5号线 is not answered by an article on 2020's bonds,
 * 经开区's training or 地铁3号线, however much else they share. A year also counts when the article
 * is dated in it; an area also by its other spellings and by the paper's name (经开时报 is 经开区's).
 */
export function aboutNamedScope<C extends Candidate>(query: AnalyzedQuery, candidates: C[]): C[] {
  const years = [...query.text.matchAll(YEAR)].map((m) => m[1]!)
  const numbered = [...query.text.matchAll(NUMBERED)].map((m) => m[0].replace(/\s+/g, ''))
  const areas = query.words.filter((w) => query.districts.includes(w.text) || (AREA.test(w.text) && !NOT_AREA.test(w.text)))
  if (years.length === 0 && numbered.length === 0 && areas.length === 0) return candidates
  return candidates.filter((c) => {
    const said = `${c.paper}\n${c.title}\n${c.text}`
    return (
      years.every((y) => c.date?.startsWith(y) || said.includes(y)) &&
      numbered.every((n) => said.includes(n)) &&
      areas.every((a) => [a.text, ...a.synonyms].some((form) => said.includes(form)))
    )
  })
}
