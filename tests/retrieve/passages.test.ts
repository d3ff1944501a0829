import { describe, expect, it } from 'vitest'
import { rankPassages } from '../../src/retrieve/passages.js'

const term = (text: string, weight = 1) => ({ text, weight })

describe('rankPassages', () => {
  const text = '第一段讲森林防火。第二段讲安置房建设。第三段：全区已分配安置房3636套。'
  const spans = [{ start: 0, end: 9 }, { start: 9, end: 19 }, { start: 19, end: text.length }]

  it('puts the passage holding the most (and weightiest) terms first and leaves out those with none', () => {
    const ranked = rankPassages(text, spans, [term('安置房', 2), term('3636')])
    expect(ranked.map((s) => text.slice(s.start, s.end))).toEqual(['第三段：全区已分配安置房3636套。', '第二段讲安置房建设。'])
  })

  it('lets one rare term outweigh a common one', () => {
    const ranked = rankPassages(text, spans, [term('森林', 3), term('安置房', 0.5)])
    expect(text.slice(ranked[0]!.start, ranked[0]!.end)).toBe('第一段讲森林防火。')
  })

  it('matches full-width text against half-width terms', () => {
    const wide = '共有３６３６套。'
    expect(rankPassages(wide, [{ start: 0, end: wide.length }], [term('3636')])).toEqual([{ start: 0, end: wide.length }])
  })

  it('falls back to the first passage, or the text’s start when there are no passages', () => {
    expect(rankPassages(text, spans, [term('足球')])).toEqual([spans[0]])
    expect(rankPassages('短文。', [], [term('足球')])).toEqual([{ start: 0, end: 3 }])
  })
})
