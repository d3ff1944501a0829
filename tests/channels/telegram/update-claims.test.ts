import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Update } from 'grammy/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/answer/index.js'
import { startBot, type Answerer, type RunningBot } from '../../../src/channels/telegram/index.js'
import { UPDATE_LEASE_MS } from '../../../src/channels/telegram/update-claims.js'
import { createIndex } from '../../../src/retrieve/index.js'
import { claimUpdate, finishUpdate, openDb, type Db } from '../../../src/store/index.js'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { useTmpDir } from '../../helpers/tmp.js'
import { createTestBot, openFixtureDb } from './harness.js'

const QUESTION = '经开区已经分配了多少套安置房？'
const FOLLOW_UP = '二七区新增了多少绿化面积？'
const SECRET = 'replica_secret'
const WEBHOOK = { NEWSBOT_WEBHOOK_URL: 'https://bot.example.cn/hook', NEWSBOT_WEBHOOK_SECRET: SECRET, NEWSBOT_WEBHOOK_PORT: '0' }

const tmp = useTmpDir()
let fake: FakeBotApi
let file: string
const open: { dbs: Db[]; bots: RunningBot[] } = { dbs: [], bots: [] }

beforeEach(async () => {
  fake = await startFakeBotApi()
  file = join(tmp(), 'shared.db')
  open.dbs.push(await openFixtureDb(file))
})
afterEach(async () => {
  for (const b of open.bots.splice(0)) await b.stop()
  for (const db of open.dbs.splice(0)) db.close()
  await fake.close()
})

interface Replica {
  db: Db
  /** Delivers an update as Telegram does; resolves with the HTTP status once the webhook answered. */
  post(update: Update): Promise<number>
}

/** One bot process: its own connection to the shared database file and its own webhook server. */
async function startReplica(opts: { now?: () => number; answer?: Answerer; env?: Record<string, string> } = {}): Promise<Replica> {
  const db = openDb(file)
  open.dbs.push(db)
  const t = createTestBot(fake, db, { now: opts.now, answer: opts.answer, env: { ...WEBHOOK, ...opts.env } })
  const running = await startBot(t.nb, { config: t.deps.config, logger: t.deps.logger })
  open.bots.push(running)
  const post = async (update: Update) => {
    const res = await fetch(`http://127.0.0.1:${running.port}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    })
    return res.status
  }
  return { db, post }
}

const replies = (chatId: number) => fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId)

describe('webhook updates across replicas sharing one database', () => {
  it('answers a question delivered to two replicas, and twice to one, exactly once', async () => {
    const [a, b] = [await startReplica(), await startReplica()] as [Replica, Replica]
    const update = fake.sendText(7, 7, QUESTION)
    expect(await Promise.all([a.post(update), b.post(update), a.post(update)])).toEqual([200, 200, 200])
    expect(await b.post(update)).toBe(200)
    expect(replies(7)).toHaveLength(1)
    expect(fake.messagesTo(7)[0]?.text).toContain('3636套')
  })

  it('answers the resend of an update whose replica died mid-answer, but only once its lease ran out', async () => {
    let clock = Date.now()
    const replica = await startReplica({ now: () => clock })
    const update = fake.sendText(8, 8, QUESTION)
    // The replica that took it died before finishing: its claim is there, done_at is not.
    expect(claimUpdate(replica.db, update.update_id, 8, clock, UPDATE_LEASE_MS)).toBe(true)

    clock += UPDATE_LEASE_MS
    expect(await replica.post(update)).toBe(200)
    expect(replies(8)).toHaveLength(0)

    clock += 1
    expect(await replica.post(update)).toBe(200)
    expect(replies(8)).toHaveLength(1)
    expect(fake.messagesTo(8)[0]?.text).toContain('3636套')

    clock += 10 * UPDATE_LEASE_MS
    expect(await replica.post(update)).toBe(200)
    expect(replies(8)).toHaveLength(1)
  })

  it('does not ask again after a handler failed and already told the user', async () => {
    let clock = Date.now()
    const replica = await startReplica({ now: () => clock, answer: () => Promise.reject(new Error('model exploded')) })
    const update = fake.sendText(9, 9, QUESTION)
    expect(await replica.post(update)).toBe(200)
    expect(replies(9)).toHaveLength(1) // the apology
    clock += 10 * UPDATE_LEASE_MS
    expect(await replica.post(update)).toBe(200)
    expect(replies(9)).toHaveLength(1)
  })
})

/** The real answerer, held back until `release` is called: an answer that takes long (an LLM). */
function createSlowAnswerer(db: Db): { answer: Answerer; started: Promise<void>; release(): void } {
  let release = () => {}
  let start = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  const started = new Promise<void>((resolve) => (start = resolve))
  const answer: Answerer = async (q, o) => {
    start()
    await gate
    return answerQuestion(createIndex(db), q, o)
  }
  return { answer, started, release }
}

describe("one chat's updates across replicas", () => {
  it('answers a question sent to another replica after the earlier, slower one of the same chat', async () => {
    const slow = createSlowAnswerer(open.dbs[0]!)
    const [a, b] = [await startReplica({ answer: slow.answer }), await startReplica()] as [Replica, Replica]
    const first = a.post(fake.sendText(11, 11, QUESTION))
    await slow.started
    const second = b.post(fake.sendText(11, 11, FOLLOW_UP))
    // Another chat is not held back by chat 11's slow answer.
    expect(await b.post(fake.sendText(12, 12, FOLLOW_UP))).toBe(200)
    expect(replies(12)).toHaveLength(1)
    await sleep(300)
    expect(replies(11)).toHaveLength(0)

    slow.release()
    expect(await Promise.all([first, second])).toEqual([200, 200])
    expect(fake.messagesTo(11).map((m) => m.text)).toEqual([expect.stringContaining('3636套'), expect.stringContaining('120万平方米')])
  })

  it("waits for a dead replica's unfinished earlier update only until its lease has passed", async () => {
    let clock = Date.now()
    const replica = await startReplica({ now: () => clock })
    const [earlier, later] = [fake.sendText(13, 13, QUESTION), fake.sendText(13, 13, FOLLOW_UP)]
    // The replica that took the earlier update died before answering it.
    claimUpdate(replica.db, earlier.update_id, 13, clock, UPDATE_LEASE_MS)
    const posted = replica.post(later)
    await sleep(300)
    expect(replies(13)).toHaveLength(0)

    clock += UPDATE_LEASE_MS + 1
    expect(await posted).toBe(200)
    expect(fake.messagesTo(13).map((m) => m.text)).toEqual([expect.stringContaining('120万平方米')])
  })

  it("does not wait for an earlier update whose claim's lease ran out before the later one arrived", async () => {
    const replica = await startReplica()
    const [earlier, later] = [fake.sendText(14, 14, QUESTION), fake.sendText(14, 14, FOLLOW_UP)]
    claimUpdate(replica.db, earlier.update_id, 14, Date.now() - UPDATE_LEASE_MS - 1, UPDATE_LEASE_MS)
    const started = Date.now()
    expect(await replica.post(later)).toBe(200)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(replies(14)).toHaveLength(1)
  })
})

describe('housekeeping', () => {
  it('forgets update claims older than a day, and keeps newer ones', async () => {
    const db = open.dbs[0]!
    const now = Date.now()
    for (const [id, at] of [[1, now - 25 * 3_600_000], [2, now - 3_600_000]] as const) {
      claimUpdate(db, id, null, at, UPDATE_LEASE_MS)
      finishUpdate(db, id, at)
    }
    createTestBot(fake, db, { now: () => now }).nb.housekeeping().stop()
    expect(claimUpdate(db, 1, null, now, UPDATE_LEASE_MS)).toBe(true)
    expect(claimUpdate(db, 2, null, now, UPDATE_LEASE_MS)).toBe(false)
  })
})

describe('long polling', () => {
  it('claims nothing: the runner never delivers an update twice', async () => {
    const db = open.dbs[0]!
    const t = createTestBot(fake, db)
    const update = fake.sendText(10, 10, QUESTION)
    await t.feed(update)
    expect(replies(10)).toHaveLength(1)
    expect(claimUpdate(db, update.update_id, 10, Date.now(), UPDATE_LEASE_MS)).toBe(true)
  })
})
