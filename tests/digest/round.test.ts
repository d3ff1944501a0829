import { describe, expect, it } from 'vitest'
import { MAX_SEND_ATTEMPTS, planDueSends } from '../../src/digest/index.js'
import { claimSend, createSqliteStore, openDb, pauseSubscription, recordSkipped, saveSubscription, settleSend, type Db } from '../../src/store/index.js'

const SH = { timeZone: 'Asia/Shanghai', catchUpMs: 180 * 60_000 }
const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`)
const chats = (due: { sub: { chatId: number } }[]) => due.map((d) => d.sub.chatId)
const plan = (db: Db, now: number) => planDueSends(createSqliteStore(db), now, SH)

describe('planDueSends', async () => {
  it('picks the subscribers whose time has come today and have not been sent', async () => {
    const db = openDb(':memory:')
    const since = local('2026-11-22', '12:00')
    saveSubscription(db, 1, { sendTime: '07:00' }, since)
    saveSubscription(db, 2, { sendTime: '08:00' }, since)
    saveSubscription(db, 3, { sendTime: '08:01' }, since)
    saveSubscription(db, 4, { sendTime: '04:59' }, since) // outside the 3-hour catch-up window at 08:00
    const due = await plan(db, local('2026-11-23', '08:00'))
    expect(chats(due)).toEqual([1, 2])
    expect(due[0]).toMatchObject({ day: '2026-11-23', after: null })
    claimSend(db, { chatId: 1, day: '2026-11-23', issueDate: '2023-11-15', now: 0, maxAttempts: MAX_SEND_ATTEMPTS })
    settleSend(db, 1, '2026-11-23', { state: 'sent' }, 0)
    recordSkipped(db, 2, '2026-11-23', null, 0)
    expect(chats(await plan(db, local('2026-11-23', '08:30')))).toEqual([3])
  })

  it('leaves out paused subscribers and chats whose send failed for good, retries the rest', async () => {
    const db = openDb(':memory:')
    for (const chat of [1, 2, 3]) saveSubscription(db, chat, {}, local('2026-11-22', '12:00'))
    pauseSubscription(db, 1, 'blocked', 0)
    claimSend(db, { chatId: 2, day: '2026-11-23', issueDate: null, now: 0, maxAttempts: MAX_SEND_ATTEMPTS })
    settleSend(db, 2, '2026-11-23', { state: 'failed', error: 'Bad Request' }, 0)
    expect(chats(await plan(db, local('2026-11-23', '08:05')))).toEqual([2, 3])
  })

  it("sends yesterday's digest after midnight when the bot was down at 23:30, and only once", async () => {
    const db = openDb(':memory:')
    saveSubscription(db, 1, { sendTime: '23:30' }, local('2026-11-22', '12:00'))
    const due = await plan(db, local('2026-11-24', '00:20'))
    expect(due).toMatchObject([{ day: '2026-11-23' }])
    claimSend(db, { chatId: 1, day: '2026-11-23', issueDate: null, now: 0, maxAttempts: MAX_SEND_ATTEMPTS })
    expect(await plan(db, local('2026-11-24', '00:21'))).toEqual([])
  })

  it('starts from the issue the chat last had', async () => {
    const db = openDb(':memory:')
    saveSubscription(db, 1, {}, local('2026-11-20', '12:00'))
    recordSkipped(db, 1, '2026-11-22', '2023-11-15', 0)
    expect(await plan(db, local('2026-11-23', '08:00'))).toMatchObject([{ after: '2023-11-15' }])
  })
})
