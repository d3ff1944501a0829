import { describe, expect, it } from 'vitest'
import { joinAnswers } from '../../src/answer/compose.js'
import type { Answer, Citation } from '../../src/answer/types.js'

const cite = (n: number, id: string, quote: string): Citation => ({ n, id, title: `标题${id}`, paper: '经开时报', date: '2020-06-19', quote })
const answer = (text: string, citations: Citation[]): Answer => ({ answer: text, mode: 'extractive', abstained: false, citations, warnings: [], suggestions: [] })

describe('joinAnswers', () => {
  it('numbers the second answer on after the first', () => {
    const joined = joinAnswers([answer('座谈会邀请了12人[1]。', [cite(1, 'a', '座谈会邀请了12人')]), answer('参赛队伍共有13支[1]。', [cite(1, 'b', '参赛队伍共有13支')])])
    expect(joined.answer).toBe('座谈会邀请了12人[1]。参赛队伍共有13支[2]。')
    expect(joined.citations.map((c) => [c.n, c.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ])
  })

  it('keeps one number for an article both cite, and quotes a sentence both quote once', () => {
    const shared = '兑现奖励资金3280余万元，争取各类扶持资金4850万元[1]'
    const joined = joinAnswers([
      answer(`${shared}优化营商环境[1]`, [cite(1, 'a', '兑现奖励资金3280余万元')]),
      answer(`明确了19项重点任务[2]${shared}`, [cite(1, 'a', '兑现奖励资金3280余万元'), cite(2, 'c', '明确了19项重点任务')].reverse()),
    ])
    expect(joined.answer).toBe('兑现奖励资金3280余万元，争取各类扶持资金4850万元[1]优化营商环境[1]明确了19项重点任务[2]')
    expect(joined.citations.map((c) => [c.n, c.id])).toEqual([
      [1, 'a'],
      [2, 'c'],
    ])
  })

  it('keeps each answer\'s first quote within the room, and drops the rest that do not fit with the articles they cite', () => {
    const long = '甲'.repeat(100)
    const joined = joinAnswers(
      [
        answer(`第一问的答案[1]${long}[2]`, [cite(1, 'a', '第一问的答案'), cite(2, 'b', long)]),
        answer(`第二问的答案[1]`, [cite(1, 'c', '第二问的答案')]),
      ],
      60,
    )
    expect(joined.answer).toBe('第一问的答案[1]第二问的答案[2]')
    expect(joined.citations.map((c) => [c.n, c.id])).toEqual([
      [1, 'a'],
      [2, 'c'],
    ])
  })

  it('keeps what an answer says after its quotes (a part not found)', () => {
    const joined = joinAnswers([answer('参会企业近150家[1]。关于“中原区”，资料中未找到明确信息。', [cite(1, 'a', '参会企业近150家')])])
    expect(joined.answer).toBe('参会企业近150家[1]。关于“中原区”，资料中未找到明确信息。')
  })
})
