import { describe, expect, it } from 'vitest'
import { markUncertain } from '../../src/ingest/image-source.js'
import { curlQuotes, insertSpaces } from '../../src/ingest/ocr-lines.js'
import { findRegions, splitAtGaps } from '../../src/ingest/ocr-regions.js'
import type { ParsedArticle } from '../../src/ingest/types.js'

/** A white page of the given size with black rectangles [x, y, w, h] painted on it. */
function page(width: number, height: number, rects: number[][]) {
  const data = new Uint8Array(width * height).fill(255)
  for (const [x, y, w, h] of rects) for (let j = y!; j < y! + h!; j++) data.fill(0, j * width + x!, j * width + x! + w!)
  return { data, width, height }
}

describe('findRegions', () => {
  it('finds each blob of text probability as one box, grown back by the unclip distance', () => {
    const [w, h] = [100, 40]
    const prob = new Float32Array(w * h)
    for (let y = 10; y < 16; y++) for (let x = 10; x < 50; x++) prob[y * w + x] = 0.9
    for (let y = 25; y < 31; y++) for (let x = 60; x < 90; x++) prob[y * w + x] = 0.9
    prob[35 * w + 5] = 0.9 // a speck
    const regions = findRegions(prob, w, h)
    expect(regions).toHaveLength(2)
    const [a, b] = regions
    expect(a!.x).toBeLessThan(10)
    expect(a!.x + a!.width).toBeGreaterThan(50)
    expect(a!.y).toBeLessThan(10)
    expect(a!.y + a!.height).toBeGreaterThan(16)
    expect(b!.y).toBeGreaterThan(16)
  })

  it('drops blobs the detector is unsure of', () => {
    const prob = new Float32Array(100 * 20)
    for (let y = 5; y < 12; y++) for (let x = 10; x < 60; x++) prob[y * 100 + x] = 0.4
    expect(findRegions(prob, 100, 20)).toEqual([])
  })
})

describe('splitAtGaps', () => {
  // Glyphs 20 px high; characters 2 px apart, a comma's gap 14 px, a column gutter 32 px.
  const glyphs = (x0: number, n: number, gap = 2) => Array.from({ length: n }, (_, i) => [x0 + i * (20 + gap), 10, 20, 20])

  it('cuts a detected line at a column gutter, each part boxed to its ink', () => {
    const img = page(400, 40, [...glyphs(10, 5), ...glyphs(10 + 5 * 22 - 2 + 32, 5)])
    const parts = splitAtGaps(img, { x: 0, y: 0, width: 400, height: 40, score: 1 })
    expect(parts.map((p) => p.ink)).toEqual([
      { x: 10, y: 10, width: 108, height: 20 },
      { x: 150, y: 10, width: 108, height: 20 },
    ])
  })

  it('keeps a line whole across the space after a full-width comma', () => {
    const img = page(400, 40, [...glyphs(10, 5), ...glyphs(10 + 5 * 22 - 2 + 14, 5)])
    expect(splitAtGaps(img, { x: 0, y: 0, width: 400, height: 40, score: 1 })).toHaveLength(1)
  })
})

describe('markUncertain', () => {
  const article = (title: string, text: string): ParsedArticle => ({ title, text, reporters: [], correspondents: [], dateInferred: false })

  it('lists on each article the low-confidence lines it prints, as its text reads them', () => {
    const boxes = [
      { text: '经开区森防办开展', x: 0, y: 0, width: 10, height: 10, confidence: 0.55 },
      { text: '全区森林防灭火培训', x: 0, y: 0, width: 10, height: 10, confidence: 0.99 },
      { text: '以巡察整改为契机', x: 0, y: 0, width: 10, height: 10, confidence: 0.6 },
    ]
    const [a, b] = markUncertain([article('培训实操齐上阵', '日前，经开区森防办开展全区森林防灭火培训'), article('强化党建引领', '9月份以来')], boxes)
    expect(a!.uncertain).toEqual(['经开区森防办开展'])
    expect(b!.uncertain).toBeUndefined()
  })
})

describe('insertSpaces', () => {
  it.each([
    ['a blank between names', '记者鲁慧通讯员黄帅', [10, 20, 40, 50, 60, 70, 80, 100, 110], [30, 90], '记者 鲁慧通讯员 黄帅'],
    ['no blank', '记者鲁慧', [10, 20, 30, 40], [], '记者鲁慧'],
    ['a blank beside punctuation', '会上，经开', [10, 20, 30, 50, 60], [40], '会上，经开'],
    ['a blank past the last character', '鲁慧', [10, 20], [30], '鲁慧'],
  ])('puts a space where the print leaves %s', (_, text, charX, spaces, expected) => {
    expect(insertSpaces(text, charX, spaces)).toBe(expected)
  })
})

describe('curlQuotes', () => {
  it.each([
    ['推进"转变作风抓落实"活动', '推进“转变作风抓落实”活动'],
    ['“三个导向"持续优化', '“三个导向”持续优化'],
    ['"一二三四"快步走', '“一二三四”快步走'],
    ['撑起"保护伞"。"', '撑起“保护伞”。”'],
    ['He said "yes"', 'He said "yes"'],
  ])('reads %s as %s', (text, expected) => {
    expect(curlQuotes(text)).toBe(expected)
  })
})
