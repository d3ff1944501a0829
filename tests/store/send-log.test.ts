import { describe, expect, it } from 'vitest'
import {
  claimSend, countSendStates, deleteSubscription, getLastDigestIssue, getSendRecord, getSubscription, listActiveSubscriptions,
  markInterruptedSends, openDb, pauseSubscription, pruneSendLog, recordSkipped, releaseSend, saveSubscription, settleSend,
} from '../../src/store/index.js'

const T = Date.parse('2026-11-23T00:00:00Z')
const claim = (db: ReturnType<typeof openDb>, chatId: number, day = '2026-11-23', issueDate: string | null = '2023-11-15') =>
  claimSend(db, { chatId, day, issueDate, now: T, maxAttempts: 3 })

describe('subscriptions', () => {
  it('creates with defaults, changes only what is given, pauses and resumes from the new time', () => {
    const db = openDb(':memory:')
    expect(saveSubscription(db, 7, {}, T)).toMatchObject({ chatId: 7, sendTime: '08:00', areas: [], topic: null, status: 'active', activeSince: T })
    saveSubscription(db, 7, { sendTime: '07:30', areas: ['经开区'] }, T + 1)
    expect(saveSubscription(db, 7, { topic: '安置房' }, T + 2)).toMatchObject({ sendTime: '07:30', areas: ['经开区'], topic: '安置房', activeSince: T })
    pauseSubscription(db, 7, 'Forbidden: bot was blocked by the user', T + 3)
    expect(getSubscription(db, 7)).toMatchObject({ status: 'paused', pausedReason: 'Forbidden: bot was blocked by the user' })
    expect(listActiveSubscriptions(db)).toEqual([])
    expect(saveSubscription(db, 7, {}, T + 4)).toMatchObject({ status: 'active', pausedReason: null, activeSince: T + 4 })
    expect(deleteSubscription(db, 7)).toBe(true)
    expect(deleteSubscription(db, 7)).toBe(false)
  })
})

describe('send log', () => {
  it('lets exactly one claim win per chat and day', () => {
    const db = openDb(':memory:')
    expect(claim(db, 1)).toBe(true)
    expect(claim(db, 1)).toBe(false)
    expect(recordSkipped(db, 1, '2026-11-23', null, T)).toBe(false)
    expect(claim(db, 1, '2026-11-24')).toBe(true)
    expect(getSendRecord(db, 1, '2026-11-23')).toMatchObject({ state: 'sending', attempts: 1 })
  })

  it('settles a claim once sent and records the message ids', () => {
    const db = openDb(':memory:')
    claim(db, 1)
    settleSend(db, 1, '2026-11-23', { state: 'sent', messageIds: [5, 6] }, T)
    expect(getSendRecord(db, 1, '2026-11-23')).toMatchObject({ state: 'sent', messageIds: [5, 6], error: null })
    expect(claim(db, 1)).toBe(false)
  })

  it('re-claims a failed send until its attempts are used, but never a blocked or skipped one', () => {
    const db = openDb(':memory:')
    for (let i = 0; i < 3; i++) {
      expect(claim(db, 1)).toBe(true)
      settleSend(db, 1, '2026-11-23', { state: 'failed', error: 'Bad Request' }, T)
    }
    expect(claim(db, 1)).toBe(false)
    expect(getSendRecord(db, 1, '2026-11-23')).toMatchObject({ state: 'failed', attempts: 3 })
    claim(db, 2)
    settleSend(db, 2, '2026-11-23', { state: 'blocked', error: 'Forbidden' }, T)
    expect(claim(db, 2)).toBe(false)
    expect(recordSkipped(db, 3, '2026-11-23', null, T)).toBe(true)
    expect(claim(db, 3)).toBe(false)
  })

  it("turns sends a dead process left 'sending' into 'unknown' and never claims them again", () => {
    const db = openDb(':memory:')
    claim(db, 1)
    claim(db, 2)
    settleSend(db, 2, '2026-11-23', { state: 'sent', messageIds: [1] }, T)
    expect(markInterruptedSends(db, T)).toBe(1)
    expect(countSendStates(db, '2026-11-23')).toEqual({ unknown: 1, sent: 1 })
    expect(claim(db, 1)).toBe(false)
    // A process still running when another marked its send unknown can still record the truth.
    settleSend(db, 1, '2026-11-23', { state: 'sent', messageIds: [9] }, T)
    expect(getSendRecord(db, 1, '2026-11-23')?.state).toBe('sent')
  })

  it('gives a claim back after a 429 without spending an attempt', () => {
    const db = openDb(':memory:')
    claim(db, 1)
    releaseSend(db, 1, '2026-11-23')
    expect(getSendRecord(db, 1, '2026-11-23')).toBeUndefined()
    claim(db, 1)
    settleSend(db, 1, '2026-11-23', { state: 'failed', error: 'Bad Gateway' }, T)
    claim(db, 1)
    releaseSend(db, 1, '2026-11-23')
    expect(getSendRecord(db, 1, '2026-11-23')).toMatchObject({ state: 'failed', attempts: 1 })
    expect(claim(db, 1)).toBe(true)
  })

  it('remembers the newest issue each chat was sent or skipped, not a failed one', () => {
    const db = openDb(':memory:')
    claim(db, 1, '2026-11-22', '2023-11-14')
    settleSend(db, 1, '2026-11-22', { state: 'sent' }, T)
    claim(db, 1, '2026-11-23', '2023-11-15')
    settleSend(db, 1, '2026-11-23', { state: 'sent' }, T)
    recordSkipped(db, 2, '2026-11-23', '2023-11-15', T)
    claim(db, 3, '2026-11-23', '2023-11-15')
    settleSend(db, 3, '2026-11-23', { state: 'failed' }, T)
    expect([1, 2, 3, 4].map((chat) => getLastDigestIssue(db, chat))).toEqual(['2023-11-15', '2023-11-15', null, null])
  })

  it('prunes old records but keeps each chat’s newest covering one', () => {
    const db = openDb(':memory:')
    for (const [day, issue] of [['2026-01-01', '2025-12-30'], ['2026-01-02', '2025-12-31'], ['2026-11-23', '2026-11-20']] as const) {
      claim(db, 1, day, issue)
      settleSend(db, 1, day, { state: 'sent' }, T)
    }
    // Chat 2 has not had a digest since January: its last one must survive, or it would start over.
    claim(db, 2, '2026-01-02', '2025-12-31')
    settleSend(db, 2, '2026-01-02', { state: 'sent' }, T)
    claim(db, 2, '2026-01-03', '2026-01-01')
    settleSend(db, 2, '2026-01-03', { state: 'failed' }, T)
    expect(pruneSendLog(db, '2026-08-25')).toBe(3)
    expect(getSendRecord(db, 1, '2026-11-23')).toBeDefined()
    expect(getSendRecord(db, 1, '2026-01-02')).toBeUndefined()
    expect(getLastDigestIssue(db, 2)).toBe('2025-12-31')
    expect(getSendRecord(db, 2, '2026-01-03')).toBeUndefined()
  })
})
