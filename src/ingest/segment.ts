import type { Block } from './blocks.js'

/** One article's share of a page, as indexes into the page's blocks. */
export interface Draft {
  /** Headline-like blocks printed right above the article's first text. */
  zone: number[]
  /** The article's blocks in page order: text, subheadings (head) and bylines. */
  body: number[]
}

/**
 * Cuts a page's blocks into articles. An article starts at a dateline (本报讯, 本报记者 X); at a lead
 * under a headline that a byline closes (feature pages); at a photo caption closed by a 摄 credit;
 * and, on pages without datelines, at any text under a headline. It runs until the next start's headline.
 */
export function segmentBlocks(blocks: Block[]): Draft[] {
  const hasDatelines = blocks.some((b) => b.dateline)
  const starts: number[] = []
  blocks.forEach((_, i) => {
    if (isStart(blocks, i, hasDatelines) || (starts.length === 0 && blocks[i]!.kind === 'text')) starts.push(i)
  })
  const zones = starts.map((s, k) => zoneBefore(blocks, s, k === 0 ? 0 : starts[k - 1]! + 1))
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? (zones[k + 1]![0] ?? starts[k + 1]!) : blocks.length
    return { zone: zones[k]!, body: range(s, end) }
  })
}

function isStart(blocks: Block[], i: number, hasDatelines: boolean): boolean {
  const b = blocks[i]!
  if (b.kind !== 'text') return false
  if (b.dateline) return true
  const prev = blocks[i - 1]
  const next = blocks[i + 1]
  if (next?.byline?.photo && prev?.kind === 'text') return true
  if (prev?.kind !== 'head') return false
  if (!hasDatelines) return true
  let j = i + 1
  while (blocks[j]?.kind === 'text') j++
  return blocks[j]?.kind === 'byline' && !blocks[j]!.byline!.photo
}

/** The run of headline blocks right above a start (the first start also takes every head above it). */
function zoneBefore(blocks: Block[], start: number, floor: number): number[] {
  let k = start
  while (k > floor && blocks[k - 1]!.kind === 'head') k--
  return range(k, start)
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
}

/** Index of the last item that passes (Array#findLastIndex is ES2023; the build targets ES2022). */
export function findLastIndex<T>(items: T[], pass: (item: T) => boolean): number {
  for (let k = items.length - 1; k >= 0; k--) if (pass(items[k]!)) return k
  return -1
}
