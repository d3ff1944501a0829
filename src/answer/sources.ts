import type { SearchHit } from '../retrieve/index.js'

/** A retrieved article as the model sees it: numbered, with an excerpt of its text. */
export interface NumberedSource {
  n: number
  hit: SearchHit
  excerpt: string
}

const SOURCES_SHOWN = 5
const EXCERPT_CHARS = 900

/** Numbers the top hits [1]..[k] and cuts each to its best passages, in article order. */
export function numberSources(hits: SearchHit[], k = SOURCES_SHOWN): NumberedSource[] {
  return hits.slice(0, k).map((hit, i) => ({ n: i + 1, hit, excerpt: excerptOf(hit) }))
}

function excerptOf(hit: SearchHit): string {
  if (hit.text.length <= EXCERPT_CHARS) return hit.text
  const picked: { start: number; end: number }[] = []
  let used = 0
  for (const p of hit.passages) {
    if (used + (p.end - p.start) > EXCERPT_CHARS) continue
    picked.push(p)
    used += p.end - p.start
  }
  if (picked.length === 0) return hit.text.slice(0, EXCERPT_CHARS)
  return picked
    .sort((a, b) => a.start - b.start)
    .map((p) => hit.text.slice(p.start, p.end))
    .join('\n…\n')
}

/**
 * The sources block of the prompt. Each source sits between <source n="…"> tags, and any tag-like
 * text inside an article is defused, so an article cannot close its own block and speak as the user.
 */
export function formatSources(sources: NumberedSource[]): string {
  return sources
    .map(({ n, hit, excerpt }) => {
      const attrs = [`n="${n}"`, `title="${attr(hit.title)}"`, `paper="${attr(hit.paper)}"`, `date="${hit.date ?? '未知'}"`]
      return `<source ${attrs.join(' ')}>\n${defuse(excerpt)}\n</source>`
    })
    .join('\n')
}

function attr(s: string): string {
  return defuse(s).replaceAll('"', '＂')
}

function defuse(s: string): string {
  return s.replace(/<(\/?)(sources?|history)\b/gi, '＜$1$2')
}
