import { describe, expect, it } from 'vitest'
import { countQuestionsOn, listChatTurns, listUnansweredQuestions, logQuestion, openDb, saveChatTurn } from '../../../src/store/index.js'

// The store functions the bot keeps its memory in (src/store/chats.ts, questions.ts), on a real database.

const turn = (i: number, createdAt = `2024-03-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`) => ({
  question: `问题${i}`, searched: `问题${i}`, answer: `回答${i}`, createdAt,
  citations: [{ n: 1, id: `a-${i}`, title: '标题', paper: '经开时报', date: null }],
})

describe('chat turns', () => {
  it('keeps the newest turns per chat up to the number asked, oldest first, and filters by time', () => {
    const db = openDb(':memory:')
    for (let i = 1; i <= 25; i++) saveChatTurn(db, 1, turn(i), 4)
    saveChatTurn(db, 2, turn(99), 4)
    const all = listChatTurns(db, 1)
    expect(all.map((t) => t.question)).toEqual(['问题22', '问题23', '问题24', '问题25'])
    expect(all[0]?.citations).toEqual([{ n: 1, id: 'a-22', title: '标题', paper: '经开时报', date: null }])
    expect(listChatTurns(db, 1, { limit: 2 }).map((t) => t.question)).toEqual(['问题24', '问题25'])
    expect(listChatTurns(db, 1, { since: '2024-03-01T00:00:24.000Z' }).map((t) => t.question)).toEqual(['问题24', '问题25'])
    expect(listChatTurns(db, 2).map((t) => t.question)).toEqual(['问题99'])
    expect(listChatTurns(db, 3)).toEqual([])
  })
})

describe('question log', () => {
  it('counts a local day’s questions and abstentions and lists the unanswered newest first', () => {
    const db = openDb(':memory:')
    const q = (question: string, askedDay: string, abstained: boolean) =>
      logQuestion(db, { askedAt: `${askedDay}T01:00:00Z`, askedDay, chatType: 'private', question, mode: 'extractive', abstained, citations: abstained ? 0 : 1, ms: 5 })
    q('昨天的问题', '2024-02-29', true)
    q('安置房多少套', '2024-03-01', false)
    q('火星咖啡馆', '2024-03-01', true)
    q('月球停车场', '2024-03-01', true)
    expect(countQuestionsOn(db, '2024-03-01')).toEqual({ asked: 3, abstained: 2 })
    expect(countQuestionsOn(db, '2024-03-02')).toEqual({ asked: 0, abstained: 0 })
    expect(listUnansweredQuestions(db, 2).map((r) => r.question)).toEqual(['月球停车场', '火星咖啡馆'])
  })
})
