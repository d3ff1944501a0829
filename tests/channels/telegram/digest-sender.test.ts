import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBot, createLogger, startBot } from '../../../src/channels/telegram/index.js'
import { createPacer, runDigestRound, startDigestScheduler } from '../../../src/channels/telegram/digest-sender.js'
import { loadConfig } from '../../../src/config.js'
import { leadSummarizer } from '../../../src/digest/index.js'
import { createIndex } from '../../../src/retrieve/index.js'
import { countSendStates, createSqliteStore, getSubscription, openDb, saveSubscription, type Db } from '../../../src/store/index.js'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { jsonl, useTmpDir, writeFiles } from '../../helpers/tmp.js'

const config = loadConfig({ NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_DIGEST_RATE: '200' })
const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`)
const tmp = useTmpDir()
let fake: FakeBotApi
let db: Db
let clock: number
beforeEach(async () => {
  fake = await startFakeBotApi()
  db = openDb(':memory:')
  await createIndex(db).loadSamplesIfEmpty()
  clock = local('2026-11-23', '06:00')
})
afterEach(async () => {
  db.close()
  await fake.close()
})

/** Subscribers who have each started the bot, subscribed the evening before. */
function subscribe(chats: number[], sendTime: string, areas: string[] = []) {
  fake.addPrivateChats(chats)
  for (const chat of chats) saveSubscription(db, chat, { sendTime, areas }, local('2026-11-22', '20:00'))
}
/** The bot as production builds it (createBot); its senderApi is what startBot hands the scheduler. */
const newsBot = (apiRoot = fake.apiRoot) => {
  const cfg = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: apiRoot, NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_DIGEST_RATE: '200' })
  const logger = createLogger({ level: 'silent' })
  const nb = createBot({ config: cfg, store: createSqliteStore(db), index: createIndex(db), logger, answer: async () => { throw new Error('no questions here') } }, { botInfo: fake.botInfo })
  return { nb, config: cfg, logger }
}
const api = () => newsBot().nb.senderApi
const round = () => runDigestRound({ store: createSqliteStore(db), api: api(), config, now: () => clock, summarize: leadSummarizer, pacer: createPacer(200) })
const received = (chat: number) => fake.messagesTo(chat).length

describe('a send round', () => {
  it('sends each due subscriber one digest and nobody twice', async () => {
    subscribe([1, 2, 3], '07:00')
    subscribe([4, 5], '08:30')
    clock = local('2026-11-23', '07:10')
    expect(await round()).toMatchObject({ due: 3, sent: 3, messages: 3 })
    expect(await round()).toMatchObject({ due: 0 })
    clock = local('2026-11-23', '08:30')
    expect(await round()).toMatchObject({ due: 2, sent: 2 })
    expect([1, 2, 3, 4, 5].map(received)).toEqual([1, 1, 1, 1, 1])
    expect(fake.messagesTo(1)[0]?.text).toMatch(/^📰 每日简报 · 2023-11-15/)
    expect(countSendStates(db, '2026-11-23')).toEqual({ sent: 5 })
  })

  it('waits out a 429 for retry_after seconds and still sends exactly once', async () => {
    subscribe([1, 2, 3], '07:00')
    fake.queueFault({ method: 'sendMessage', error_code: 429, retry_after: 1 })
    clock = local('2026-11-23', '07:00')
    expect(await round()).toMatchObject({ sent: 3 })
    expect([1, 2, 3].map(received)).toEqual([1, 1, 1])
    const sends = fake.calls.filter((c) => c.method === 'sendMessage')
    const limited = sends.find((c) => c.status === 429)!
    const retry = sends.find((c) => c.status === 200 && c.payload.chat_id === limited.payload.chat_id)!
    expect(retry.at - limited.at).toBeGreaterThanOrEqual(1000)
  })

  it('pauses a subscriber who blocked the bot or whose chat is gone, and does not try again', async () => {
    subscribe([1, 2], '07:00')
    saveSubscription(db, 3, {}, local('2026-11-22', '20:00')) // never started the bot: "chat not found"
    fake.block(2)
    clock = local('2026-11-23', '08:00')
    expect(await round()).toMatchObject({ due: 3, sent: 1, blocked: 2 })
    expect(getSubscription(db, 2)).toMatchObject({ status: 'paused', pausedReason: expect.stringMatching(/blocked/) })
    expect(getSubscription(db, 3)).toMatchObject({ status: 'paused', pausedReason: expect.stringMatching(/chat not found/) })
    clock = local('2026-11-24', '08:00')
    const before = fake.calls.length
    expect(await round()).toMatchObject({ due: 1, skipped: 1 }) // chat 1: no issue newer than yesterday's
    expect(fake.calls.slice(before)).toEqual([])
  })

  it('skips a day with nothing new without a message, and sends a new issue ingested while running', async () => {
    subscribe([1], '07:00')
    subscribe([2], '07:00', ['二七区'])
    clock = local('2026-11-23', '07:00')
    expect(await round()).toMatchObject({ sent: 1, skipped: 1 }) // the newest sample issue has no 二七区 report
    clock = local('2026-11-24', '07:00')
    expect(await round()).toMatchObject({ due: 2, sent: 0, skipped: 2 })
    const text = '本报讯 近日，二七区新建的社区食堂正式开放，首日接待居民三百余人次。'
    const { 'p.jsonl': path } = writeFiles(tmp(), { 'p.jsonl': jsonl([{ title: '社区食堂开门迎客', text, date: '2023-11-16', paper: '二七区新闻' }]) })
    await createIndex(db).write([path!])
    clock = local('2026-11-25', '07:00')
    expect(await round()).toMatchObject({ sent: 2 })
    for (const chat of [1, 2]) expect(fake.messagesTo(chat).at(-1)?.text).toContain('社区食堂开门迎客')
    expect(fake.messagesTo(1).at(-1)?.text).not.toContain('森防办')
    expect([1, 2].map(received)).toEqual([2, 1])
  })
})

describe('startDigestScheduler', () => {
  it('catches up a send time missed while the bot was down, once, and stops cleanly', async () => {
    subscribe([1, 2], '07:00')
    subscribe([3], '11:00')
    clock = local('2026-11-23', '09:30')
    const scheduler = startDigestScheduler({ store: createSqliteStore(db), api: api(), config, now: () => clock, summarize: leadSummarizer, pattern: '* * * * * *' })
    // A round starts its due list at a random chat, so wait for both.
    for (const chat of [1, 2]) await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chat, 5000)
    await scheduler.stop()
    const again = startDigestScheduler({ store: createSqliteStore(db), api: api(), config, now: () => clock, summarize: leadSummarizer, pattern: '* * * * * *' })
    await again.stop()
    expect([1, 2, 3].map(received)).toEqual([1, 1, 0])
  })

  it('stops in the middle of a round without losing anyone: the rest are sent after the next start', async () => {
    const chats = Array.from({ length: 30 }, (_, i) => 100 + i)
    subscribe(chats, '07:00')
    clock = local('2026-11-23', '07:01')
    const slow = loadConfig({ NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_DIGEST_RATE: '10' })
    const start = () => startDigestScheduler({ store: createSqliteStore(db), api: api(), config: slow, now: () => clock, summarize: leadSummarizer, pattern: '* * * * * *' })
    const first = start()
    let seen = 0
    await fake.waitFor((c) => c.method === 'sendMessage' && ++seen === 3, 5000)
    await first.stop()
    expect(countSendStates(db, '2026-11-23').sending).toBeUndefined()
    const sentBefore = countSendStates(db, '2026-11-23').sent!
    expect(sentBefore).toBeLessThan(30)
    const second = start()
    seen = 0 // waitFor runs the predicate over past calls again
    await fake.waitFor((c) => c.method === 'sendMessage' && ++seen === 30, 10_000)
    await second.stop()
    expect(chats.map(received)).toEqual(chats.map(() => 1))
  })
})

describe('several processes on one store', () => {
  it("leaves another live process's send in flight alone at start, and marks a dead one's as unknown without resending it", async () => {
    subscribe([1, 2, 3], '07:00')
    clock = local('2026-11-23', '07:05')
    const store = createSqliteStore(db)
    // Two other holders: one beating now, one silent for longer than the lease (60 s by default).
    await store.beatHolder('live', Date.now())
    await store.beatHolder('dead', Date.now() - 61_000)
    for (const [chatId, owner] of [[1, 'live'], [2, 'dead']] as const) {
      await store.claimSend({ chatId, day: '2026-11-23', issueDate: '2023-11-15', now: clock, maxAttempts: 3, owner })
    }
    const scheduler = startDigestScheduler({ store, api: api(), config, now: () => clock, summarize: leadSummarizer, pattern: '* * * * * *' })
    await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 3, 5000)
    await scheduler.stop()
    expect(await store.getSendRecord(1, '2026-11-23')).toMatchObject({ state: 'sending', claimedBy: 'live' })
    expect(await store.getSendRecord(2, '2026-11-23')).toMatchObject({ state: 'unknown', claimedBy: 'dead' })
    expect([1, 2, 3].map(received)).toEqual([0, 0, 1])
  })
})

/** Waits until `n` chats' sends for the day are settled (none left 'sending'). */
async function settled(day: string, n: number, timeoutMs = 10_000): Promise<Partial<Record<string, number>>> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const counts = countSendStates(db, day)
    const done = Object.entries(counts).filter(([state]) => state !== 'sending').reduce((k, [, v]) => k + (v ?? 0), 0)
    if (done >= n && !counts.sending) return counts
    if (Date.now() > until) throw new Error(`sends not settled: ${JSON.stringify(counts)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A port nothing listens on: connections to it are refused. */
async function refusedApiRoot(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

describe('the production stack (createBot + startBot) against a Bot API that fails after delivering', () => {
  /** Runs the bot as `newsbot bot` does, with the scheduler as its job, until `n` sends are settled and one more tick has passed. */
  async function runBot(n: number) {
    const { nb, config: cfg, logger } = newsBot()
    const running = await startBot(nb, {
      config: cfg, logger, pollTimeoutSec: 1,
      jobs: [(senderApi) => startDigestScheduler({ store: createSqliteStore(db), api: senderApi, config: cfg, now: () => clock, logger, summarize: leadSummarizer, pattern: '* * * * * *' })],
    })
    try {
      const counts = await settled('2026-11-23', n)
      await new Promise((resolve) => setTimeout(resolve, 1500)) // a later tick must not resend
      return counts
    } finally {
      await running.stop()
    }
  }

  it('records a digest whose response was dropped after delivery as unknown and never sends it again', async () => {
    subscribe([1, 2, 3], '07:00')
    fake.queueFault({ method: 'sendMessage', as: 'drop', after: true })
    clock = local('2026-11-23', '07:05')
    expect(await runBot(3)).toEqual({ sent: 2, unknown: 1 })
    expect([1, 2, 3].map(received)).toEqual([1, 1, 1])
  })

  it('treats a 502 after delivery, as Bot API JSON and as a proxy HTML page, as unknown: one digest per chat', async () => {
    subscribe([1, 2, 3, 4], '07:00')
    fake.queueFault({ method: 'sendMessage', error_code: 502, after: true })
    fake.queueFault({ method: 'sendMessage', error_code: 502, as: 'html', after: true })
    clock = local('2026-11-23', '07:05')
    expect(await runBot(4)).toEqual({ sent: 2, unknown: 2 })
    expect([1, 2, 3, 4].map(received)).toEqual([1, 1, 1, 1])
    expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(4)
  })
})

describe('the sender when the Bot API cannot be reached', () => {
  it('records a refused connection as failed (nothing was delivered) and stops at once', async () => {
    subscribe([1, 2], '07:00')
    clock = local('2026-11-23', '07:05')
    const { nb, config: cfg } = newsBot(await refusedApiRoot())
    const scheduler = startDigestScheduler({ store: createSqliteStore(db), api: nb.senderApi, config: cfg, now: () => clock, summarize: leadSummarizer })
    expect(await settled('2026-11-23', 2)).toEqual({ failed: 2 })
    await scheduler.stop()
  })

  it('stop() during an outage ends the request in flight and records it as unknown', async () => {
    subscribe([1, 2], '07:00')
    clock = local('2026-11-23', '07:05')
    fake.startOutage(60_000)
    const scheduler = startDigestScheduler({ store: createSqliteStore(db), api: api(), config, now: () => clock, summarize: leadSummarizer })
    await new Promise((resolve) => setTimeout(resolve, 300)) // the requests are held by the outage
    expect(countSendStates(db, '2026-11-23').sending).toBeGreaterThan(0)
    await scheduler.stop()
    expect(countSendStates(db, '2026-11-23')).toEqual({ unknown: 2 })
  })
})
