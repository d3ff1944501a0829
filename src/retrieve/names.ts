/** How many kind words of a question are looked up. */
const MAX_QUERY_NAMES = 8

// Local names end in a kind word (马砦社区, 蜜蜂张街道, 滨河产业园); the part before it is unknown to
// any dictionary.
const KIND = /办事处|产业集聚区|产业园|社区|街道|小区|医院|学校|大道|村|路/g
const HAN = /[\u4e00-\u9fa5]/
// A name does not start with a particle or a linking word: 和城中村, 的工作思路 have taken in the word before.
const NOT_FIRST = new Set('的了和与及或在是为对把被将从向到于由等并且也都还就又个这那其该各每'.split(''))
const MIN_PREFIX = 2
const MAX_PREFIX = 6

/**
 * Every candidate local name in a text: each kind word with 2 to 6 Han characters before it, all
 * lengths, since where a name starts is not known from one text. Counted over articles at ingest,
 * the true start shows as the longest form that stays frequent (see pickLearnedNames).
 */
export function extractNameCandidates(text: string): string[] {
  const out = new Set<string>()
  for (const group of candidateGroups(text)) for (const c of group) out.add(c)
  return [...out]
}

/**
 * The learned names a question holds, given how many articles each candidate was seen in: for
 * each kind word, the longest form seen in at least 2 articles, grown one character at a time
 * while the count holds up (a form in under half the articles of the one before it has taken in
 * a neighbouring word, as 问马砦社区 in 请问马砦社区 does).
 */
export function pickLearnedNames(text: string, countArticles: (names: string[]) => Map<string, number>): string[] {
  const groups = candidateGroups(text).slice(0, MAX_QUERY_NAMES)
  if (groups.length === 0) return []
  const counts = countArticles([...new Set(groups.flat())])
  const picked = new Set<string>()
  for (const group of groups) {
    let best: string | undefined
    let prev = 0
    for (const c of group) {
      const n = counts.get(c) ?? 0
      if (n < 2 || n * 2 < prev) break
      best = c
      prev = n
    }
    if (best) picked.add(best)
  }
  return [...picked]
}

/** Every name pickLearnedNames may ask counts for in a text: look them up first when counting is async. */
export function learnedNameCandidates(text: string): string[] {
  return [...new Set(candidateGroups(text).slice(0, MAX_QUERY_NAMES).flat())]
}

/** Per kind word found, its candidate names from the shortest prefix to the longest. */
function candidateGroups(text: string): string[][] {
  const groups: string[][] = []
  // A name never reaches back into the name before it (蜜蜂张街道马砦社区 holds two).
  let prevEnd = 0
  for (const m of text.matchAll(KIND)) {
    const end = m.index + m[0].length
    const group: string[] = []
    for (let start = m.index - 1; start >= prevEnd && m.index - start <= MAX_PREFIX && HAN.test(text[start]!); start--) {
      if (NOT_FIRST.has(text[start]!)) break
      if (m.index - start >= MIN_PREFIX) group.push(text.slice(start, end))
    }
    prevEnd = end
    if (group.length > 0) groups.push(group)
  }
  return groups
}
