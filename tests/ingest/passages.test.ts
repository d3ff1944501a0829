import { describe, expect, it } from 'vitest'
import { splitPassages, splitSentences } from '../../src/ingest/index.js'

const TEXT =
  '本报讯 6月1日上午，经开区召开会议。会议听取了王庄村综合改造提升方案的汇报！相关局办分别提出建议？\n' +
  '王宏伟说，王庄村综合改造提升工程是惠民工程，意义重大，要坚持高标准规划和建设，'.repeat(12) +
  '最后一句没有句号'

describe('splitSentences', () => {
  it.each([
    ['一句。两句！三句？', ['一句。', '两句！', '三句？']],
    ['他说：“好。”然后走了。', ['他说：“好。”', '然后走了。']],
    ['第一段\n\n第二段', ['第一段', '第二段']],
    ['  ', []],
  ])('splits %j', (text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected)
  })
})

describe('splitPassages', () => {
  const passages = splitPassages(TEXT)

  it('covers the text in order without overlap', () => {
    for (let i = 1; i < passages.length; i++) expect(passages[i]!.start).toBeGreaterThanOrEqual(passages[i - 1]!.end)
    expect(passages[0]!.start).toBe(0)
    expect(passages.at(-1)!.end).toBe(TEXT.length)
  })

  it('keeps passages within a few hundred characters', () => {
    expect(passages.length).toBeGreaterThan(1)
    for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(360)
  })

  it('cuts an overlong sentence at a comma, not mid-word', () => {
    const long = passages.find((p) => p.end - p.start > 200)!
    expect(TEXT[long.end - 1]).toMatch(/[，。！？]|号/)
  })
})
