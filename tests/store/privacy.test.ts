import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  forgetChat, listChatTurns, logQuestion, openDb, pruneConversations, saveChatTurn, countQuestionsOn, type Db,
} from '../../src/store/index.js'
import { useTmpDir } from '../helpers/tmp.js'

const tmp = useTmpDir()
let db: Db
beforeEach(() => {
  db = openDb(':memory:')
})
afterEach(() => db.close())

/** A question answered in a chat, as the bot records it: a turn and a log row with the same instant. */
function ask(chatId: number, question: string, at: string) {
  saveChatTurn(db, chatId, { question, searched: question, answer: '答', citations: [], createdAt: at }, 3)
  logQuestion(db, { chatId, askedAt: at, askedDay: at.slice(0, 10), chatType: 'private', question, mode: 'extractive', abstained: false, citations: 0, ms: 5 })
}

describe('forgetChat', () => {
  it("deletes the chat's turns and the questions logged with them, and nobody else's", () => {
    ask(1, '安置房分配了多少套？', '2024-03-01T02:00:00.000Z')
    ask(1, '王庄村改造到哪一步了？', '2024-03-01T02:05:00.000Z')
    ask(2, '安置房分配了多少套？', '2024-03-01T02:06:00.000Z')
    expect(forgetChat(db, 1)).toEqual({ turns: 2, questions: 2 })
    expect(listChatTurns(db, 1)).toEqual([])
    expect(listChatTurns(db, 2)).toHaveLength(1)
    expect(countQuestionsOn(db, '2024-03-01').asked).toBe(1)
    expect(forgetChat(db, 1)).toEqual({ turns: 0, questions: 0 })
  })

  it('deletes the questions of turns the chat no longer remembers, but not unattributed old rows', () => {
    for (let i = 0; i < 6; i++) ask(1, `问题${i}`, `2024-03-01T02:0${i}:00.000Z`)
    logQuestion(db, { askedAt: '2024-03-01T01:00:00.000Z', askedDay: '2024-03-01', chatType: 'private', question: '迁移前的问题', mode: 'extractive', abstained: false, citations: 0, ms: 5 })
    expect(listChatTurns(db, 1)).toHaveLength(3)
    expect(forgetChat(db, 1)).toEqual({ turns: 3, questions: 6 })
    expect(countQuestionsOn(db, '2024-03-01').asked).toBe(1)
  })
})

describe('pruneConversations', () => {
  it('deletes turns and questions from before the cut-off only', () => {
    ask(1, '旧问题', '2024-01-01T00:00:00.000Z')
    ask(1, '新问题', '2024-04-01T00:00:00.000Z')
    expect(pruneConversations(db, '2024-03-01T00:00:00.000Z')).toEqual({ turns: 1, questions: 1 })
    expect(listChatTurns(db, 1).map((t) => t.question)).toEqual(['新问题'])
    expect(countQuestionsOn(db, '2024-01-01').asked).toBe(0)
  })
})

describe('the database file', () => {
  it('is created readable by its owner only, and so are its WAL files', () => {
    const path = join(tmp(), 'sub', 'newsbot.db')
    const file = openDb(path)
    ask(1, 'x', '2024-01-01T00:00:00.000Z')
    saveChatTurn(file, 1, { question: 'q', searched: 'q', answer: 'a', citations: [], createdAt: '2024-01-01T00:00:00.000Z' }, 3)
    for (const p of [path, `${path}-wal`]) expect(statSync(p).mode & 0o777).toBe(0o600)
    file.close()
  })
})
