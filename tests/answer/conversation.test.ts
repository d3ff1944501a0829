import { describe, expect, it } from 'vitest'
import { CONVERSATION, recentTurns, withTurn } from '../../src/answer/conversation.js'

const turn = (i: number, askedAt?: number) => ({ question: `问${i}`, searched: `问${i}`, answer: `答${i}`, askedAt })

describe('conversation', () => {
  it('remembers the last few turns, oldest first', () => {
    let history: ReturnType<typeof turn>[] = []
    for (let i = 1; i <= 6; i++) history = withTurn(history, turn(i))
    expect(history.map((t) => t.question)).toEqual(['问4', '问5', '问6'].slice(-CONVERSATION.turns))
  })

  it('forgets turns older than the window, so a question the next morning starts afresh', () => {
    const now = 10 * CONVERSATION.maxAgeMs
    const turns = [turn(1, now - CONVERSATION.maxAgeMs - 1), turn(2, now - CONVERSATION.maxAgeMs + 1), turn(3)]
    expect(recentTurns(turns, now).map((t) => t.question)).toEqual(['问2', '问3'])
  })
})
