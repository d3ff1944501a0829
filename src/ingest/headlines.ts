import type { Block } from './blocks.js'
import type { Draft } from './segment.js'
import { findLastIndex } from './segment.js'

/** Where each article's headline blocks were found, after pairing headlines printed away from their body. */
export interface Pairing {
  section?: string
  /** Block indexes that make up the headline, in page order. */
  headline: number[]
  /** Headline-like blocks that turned out to be subheadings of this article (placed by arrangeBodies). */
  extra: number[]
  /** Body blocks taken over as the headline (a headline printed after its body). */
  taken: number[]
}

// Character-bigram overlap that ties a headline to a body: low, since headlines paraphrase.
export const MIN_OVERLAP = 0.12
export const MARGIN = 0.1
const SECTION_MAX = 6
// Kickers name a unit (蜜蜂张街道, 经开区党政办公室); section labels (党建连连看) do not.
const UNIT = /(?:街道|办事处|局|办|委|部|院|中心|公司|政府|[）)])$/

/**
 * Pairs headlines with bodies as a reader would. A headline block above an article stays with it unless
 * its words match an earlier article clearly better (seed 000 prints two headlines after their bodies);
 * a headline-less article then takes those blocks, or the headline blocks printed right after its byline.
 */
export function pairHeadlines(blocks: Block[], drafts: Draft[]): Pairing[] {
  const bodies = drafts.map((d) => bigramsOf(d.body.filter((i) => blocks[i]!.kind === 'text'), blocks))
  const pairs: Pairing[] = drafts.map(() => ({ headline: [], extra: [], taken: [] }))
  const moved: number[][] = drafts.map(() => [])
  drafts.forEach((d, f) => {
    let zone = d.zone
    const first = blocks[zone[0]!]
    if (zone.length >= 2 && first && isSectionLabel(first)) {
      pairs[f]!.section = first.paragraphs[0]
      zone = zone.slice(1)
    }
    for (const z of zone) {
      const words = bigramsOf([z], blocks)
      const own = overlap(words, bodies[f]!)
      let best = -1
      let bestScore = 0
      for (let g = 0; g < f; g++) {
        const score = overlap(words, bodies[g]!)
        if (score > bestScore) [best, bestScore] = [g, score]
      }
      if (best >= 0 && bestScore >= MIN_OVERLAP && bestScore >= own + MARGIN) moved[best]!.push(z)
      else pairs[f]!.headline.push(z)
    }
  })
  drafts.forEach((d, g) => {
    const p = pairs[g]!
    if (p.headline.length) p.extra.push(...moved[g]!)
    else if (moved[g]!.length) p.headline.push(...moved[g]!)
    else p.headline.push(...(p.taken = headlineAfterByline(blocks, d, bodies[g]!)))
  })
  return pairs
}

/** Headline blocks printed right after an article's byline whose words match its body. */
function headlineAfterByline(blocks: Block[], d: Draft, body: Set<string>): number[] {
  const last = findLastIndex(d.body, (i) => blocks[i]!.kind === 'byline')
  if (last < 0) return []
  const after: number[] = []
  for (const i of d.body.slice(last + 1)) {
    if (blocks[i]!.kind !== 'head') break
    after.push(i)
  }
  return after.length && overlap(bigramsOf(after, blocks), body) >= MIN_OVERLAP ? after : []
}

function isSectionLabel(b: Block): boolean {
  const label = b.paragraphs[0] ?? ''
  return b.lines.length === 1 && label.length <= SECTION_MAX && !UNIT.test(label) && !/\s/.test(label)
}

/** The Chinese character bigrams of some blocks' text. */
export function bigramsOf(indexes: number[], blocks: Block[]): Set<string> {
  const out = new Set<string>()
  for (const i of indexes) {
    for (const p of blocks[i]!.paragraphs) {
      const han = p.match(/\p{Script=Han}+/gu) ?? []
      for (const run of han) for (let k = 0; k + 1 < run.length; k++) out.add(run.slice(k, k + 2))
    }
  }
  return out
}

/** Share of a headline's bigrams found in a body. */
export function overlap(words: Set<string>, body: Set<string>): number {
  if (words.size === 0) return 0
  let hit = 0
  for (const w of words) if (body.has(w)) hit++
  return hit / words.size
}
