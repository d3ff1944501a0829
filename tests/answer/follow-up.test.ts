import { describe, expect, it } from 'vitest'
import { carryTopic, looksLikeFollowUp, rewriteFollowUp, type Turn } from '../../src/answer/follow-up.js'
import type { ChatMessage, LlmClient } from '../../src/llm/index.js'
import { createIndex } from '../../src/retrieve/index.js'
import { openDb } from '../../src/store/index.js'

// The question as an empty store reads it: no learned names, no term statistics.
const { analyze } = createIndex(openDb(':memory:'))
const ROAD_TURN: Turn = { question: '郑大二附院周边道路在修吗', searched: '郑大二附院周边道路在修吗', answer: '周边道路施工单位要加快建设进度[1]。' }

/** A model that always gives one reply and remembers what it was asked. */
function replying(reply: string): LlmClient & { prompts: ChatMessage[][] } {
  const prompts: ChatMessage[][] = []
  return {
    model: 'fake',
    structured: false,
    prompts,
    complete: async (messages) => (prompts.push(messages), reply),
    completeJson: () => Promise.reject(new Error('unused')),
  }
}

describe('looksLikeFollowUp', () => {
  it.each([
    ['那它什么时候完工？', true],
    ['这个项目呢？', true],
    ['王庄村呢', true],
    ['火星上的咖啡馆几点开门？', false],
    ['经开区已经分配了多少套安置房？', false],
    ['小微企业融资难，区里有什么办法？', false],
  ])('%s → %s', async (q, expected) => {
    expect(await looksLikeFollowUp(q, analyze)).toBe(expected)
  })
})

describe('carryTopic', () => {
  it('adds the previous searched words to a follow-up', async () => {
    expect(await carryTopic('那它什么时候完工？', [ROAD_TURN], analyze)).toBe('那它什么时候完工？ 郑大二附院周边道路在修吗')
  })

  it('leaves a standalone question, or one with no history, alone', async () => {
    expect(await carryTopic('经开区已经分配了多少套安置房？', [ROAD_TURN], analyze)).toBe('经开区已经分配了多少套安置房？')
    expect(await carryTopic('那它什么时候完工？', [], analyze)).toBe('那它什么时候完工？')
  })
})

describe('rewriteFollowUp', () => {
  it('sends the last turns and the follow-up through prompts/rewrite.md and returns the rewrite', async () => {
    const llm = replying('郑大二附院周边道路什么时候完工？')
    expect(await rewriteFollowUp(llm, '那它什么时候完工？', [ROAD_TURN], analyze)).toBe('郑大二附院周边道路什么时候完工？')
    const prompt = llm.prompts[0]![0]!.content
    expect(prompt).toContain('问：郑大二附院周边道路在修吗\n答：周边道路施工单位要加快建设进度[1]。')
    expect(prompt).toContain('追问：那它什么时候完工？')
  })

  it.each([
    ['改写后的问题：“郑大二附院周边道路什么时候完工？”\n解释：……', '郑大二附院周边道路什么时候完工？'],
    ['问题: 郑大二附院周边道路什么时候完工？', '郑大二附院周边道路什么时候完工？'],
  ])('strips labels, quotes and explanations: %j', async (reply, expected) => {
    expect(await rewriteFollowUp(replying(reply), '那它什么时候完工？', [ROAD_TURN], analyze)).toBe(expected)
  })

  it('keeps the offline rewrite when the reply cannot be a question', async () => {
    expect(await rewriteFollowUp(replying(''), '那它什么时候完工？', [ROAD_TURN], analyze)).toBe('那它什么时候完工？ 郑大二附院周边道路在修吗')
    expect(await rewriteFollowUp(replying('很长'.repeat(200)), '那它什么时候完工？', [ROAD_TURN], analyze)).toBe('那它什么时候完工？ 郑大二附院周边道路在修吗')
  })

  it('does not call the model without history', async () => {
    const llm = replying('不该被调用')
    expect(await rewriteFollowUp(llm, '那它什么时候完工？', [], analyze)).toBe('那它什么时候完工？')
    expect(llm.prompts).toHaveLength(0)
  })
})
