import type { Block } from './blocks.js'
import { bigramsOf, MARGIN, MIN_OVERLAP, overlap } from './headlines.js'
import type { Pairing } from './headlines.js'
import type { Draft } from './segment.js'
import { findLastIndex } from './segment.js'

/**
 * Puts each article's body blocks in reading order. Feature pages print pieces away from their
 * article: text after a headline printed below its body belongs to the next article's column; a
 * closing section whose heading matches the next article better moves there; and subheadings printed
 * after their text go before the section they match (or after the lead when none matches).
 */
export function arrangeBodies(blocks: Block[], drafts: Draft[], pairs: Pairing[]): number[][] {
  const bodies = drafts.map((d, k) => d.body.filter((i) => !pairs[k]!.taken.includes(i)))
  drafts.forEach((_, k) => {
    const next = bodies[k + 1]
    if (!next) return
    const taken = pairs[k]!.taken
    if (taken.length) {
      const spill = bodies[k]!.filter((i) => i > Math.max(...taken))
      bodies[k] = bodies[k]!.filter((i) => !spill.includes(i))
      if (spill.length) bodies[k + 1] = insertAfterHead(blocks, next, spill)
    }
    const unit = closingSection(blocks, bodies[k]!)
    if (unit && belongsNext(blocks, bodies[k]!, unit, bodies[k + 1]!)) {
      bodies[k] = bodies[k]!.filter((i) => !unit.includes(i))
      bodies[k + 1] = insertAfterLead(blocks, bodies[k + 1]!, unit)
    }
  })
  return bodies.map((body, k) => placeHeadings(blocks, body, pairs[k]!.extra))
}

/** The last heading of a body with the text after it, when the body has a byline above it. */
function closingSection(blocks: Block[], body: number[]): number[] | undefined {
  const h = findLastIndex(body, (i) => blocks[i]!.kind === 'head')
  const byline = body.findIndex((i) => blocks[i]!.kind === 'byline')
  if (h <= 0 || byline < 0 || byline > h) return undefined
  const unit = body.slice(h)
  return unit.length > 1 && unit.slice(1).every((i) => blocks[i]!.kind === 'text') ? unit : undefined
}

function belongsNext(blocks: Block[], body: number[], unit: number[], next: number[]): boolean {
  const words = bigramsOf([unit[0]!], blocks)
  const own = overlap(words, bigramsOf(body.filter((i) => !unit.includes(i)), blocks))
  const other = overlap(words, bigramsOf(next, blocks))
  return other >= MIN_OVERLAP && other >= own + MARGIN
}

function insertAfterHead(blocks: Block[], body: number[], moved: number[]): number[] {
  const words = bigramsOf(moved, blocks)
  const at = bestMatch(blocks, body, (i) => blocks[i]!.kind === 'head', words)
  return at < 0 ? [...body, ...moved] : [...body.slice(0, at + 1), ...moved, ...body.slice(at + 1)]
}

/** After the lead paragraph and the byline printed under it. */
function insertAfterLead(blocks: Block[], body: number[], moved: number[]): number[] {
  const byline = body.findIndex((i) => blocks[i]!.kind === 'byline')
  const at = byline >= 0 ? byline + 1 : Math.min(1, body.length)
  return [...body.slice(0, at), ...moved, ...body.slice(at)]
}

/** Headings with no text after them (and extra ones) go before the section they match. */
function placeHeadings(blocks: Block[], body: number[], extra: number[]): number[] {
  const lastText = findLastIndex(body, (i) => blocks[i]!.kind === 'text')
  const loose = [...body.slice(lastText + 1).filter((i) => blocks[i]!.kind === 'head'), ...extra]
  let out = body.filter((i) => !loose.includes(i))
  for (const h of loose) {
    const words = bigramsOf([h], blocks)
    const open = (i: number): boolean => {
      const k = out.indexOf(i)
      return blocks[i]!.kind === 'text' && k > 0 && blocks[out[k - 1]!]!.kind !== 'head' && !blocks[i]!.dateline
    }
    const at = bestMatch(blocks, out, open, words)
    out = at >= 0 ? [...out.slice(0, at), h, ...out.slice(at)] : insertAfterLead(blocks, out, [h])
  }
  return out
}

function bestMatch(blocks: Block[], body: number[], ok: (i: number) => boolean, words: Set<string>): number {
  let best = -1
  let bestScore = MIN_OVERLAP
  body.forEach((i, k) => {
    if (!ok(i)) return
    const score = overlap(words, bigramsOf([i], blocks))
    if (score >= bestScore) [best, bestScore] = [k, score]
  })
  return best
}
