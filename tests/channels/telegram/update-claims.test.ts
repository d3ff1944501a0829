import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Update } from 'grammy/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/answer/index.js'
import { startBot, type Answerer, type RunningBot } from '../../../src/channels/telegram/index.js'
import { ANSWER_WAIT_MS } from '../../../src/channels/telegram/update-claims.js'
import { createIndex } from '../../../src/retrieve/index.js'
import { beatHolder, claimUpdate, endHolder, finishUpdate, markReplying, openDb, type Db } from '../../../src/store/index.js'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { useTmpDir } from '../../helpers/tmp.js'
import { createTestBot, openFixtureDb } from './harness.js'

const QUESTION = '经开区已经分配了多少套安置房？'
const FOLLOW_UP = '二七区新增了多少绿化面积？'
const SECRET = 'replica_secret'
// A one-second lease, so a dead holder's claims are taken over within the test's patience.
const LEASE_MS = 1000
const WEBHOOK = {
  NEWSBOT_WEBHOOK_URL: 'https://bot.example.cn/hook', NEWSBOT_WEBHOOK_SECRET: SECRET, NEWSBOT_WEBHOOK_PORT: '0',
  NEWSBOT_WEBHOOK_LEASE_SECONDS: String(LEASE_MS / 1000),
}

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
async function startReplica(opts: { answer?: Answerer; env?: Record<string, string> } = {}): Promise<Replica> {
  const db = openDb(file)
  open.dbs.push(db)
  const t = createTestBot(fake, db, { answer: opts.answer, env: { ...WEBHOOK, ...opts.env } })
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

/** Another process's claim on an update: its holder beats until `die()` (a SIGKILL) or `finish()`. */
function otherHolder(db: Db, holder = 'elsewhere/1/abcd') {
  beatHolder(db, holder, Date.now())
  const timer = setInterval(() => beatHolder(db, holder, Date.now()), LEASE_MS / 4)
  return {
    /** Claims it as the other process would; with `update`, the update is kept for a taker. */
    claim: (updateId: number, chatId: number, update?: Update) => {
      const payload = update && JSON.stringify(update)
      expect(claimUpdate(db, { updateId, chatId, holder, now: Date.now(), leaseMs: LEASE_MS, payload })).toBe('claimed')
    },
    /** Its reply to the update starts going out. */
    reply: (updateId: number) => markReplying(db, updateId, Date.now()),
    die: () => clearInterval(timer),
    finish: (updateId: number) => {
      finishUpdate(db, updateId, Date.now())
      clearInterval(timer)
      endHolder(db, holder)
    },
  }
}

/** True while the promise has not settled. */
async function pending(p: Promise<unknown>): Promise<boolean> {
  return Promise.race([p.then(() => false), sleep(0).then(() => true)])
}

describe('webhook updates across replicas sharing one database', () => {
  it('answers a question delivered to two replicas, and twice to one, exactly once', async () => {
    const [a, b] = [await startReplica(), await startReplica()] as [Replica, Replica]
    const update = fake.sendText(7, 7, QUESTION)
    expect(await Promise.all([a.post(update), b.post(update), a.post(update)])).toEqual([200, 200, 200])
    expect(await b.post(update)).toBe(200)
    expect(replies(7)).toHaveLength(1)
    expect(fake.messagesTo(7)[0]?.text).toContain('3636套')
  })

  it("takes over and answers at once the resend of an update whose replica's heartbeat has lapsed", async () => {
    const replica = await startReplica()
    const update = fake.sendText(8, 8, QUESTION)
    const dead = otherHolder(replica.db)
    dead.claim(update.update_id, 8)
    dead.die()
    await sleep(LEASE_MS + 50)
    expect(await replica.post(update)).toBe(200)
    expect(replies(8)).toHaveLength(1)
    expect(fake.messagesTo(8)[0]?.text).toContain('3636套')
    expect(await replica.post(update)).toBe(200)
    expect(replies(8)).toHaveLength(1)
  })

  it('holds a resend while the claiming replica lives, and answers it once that replica dies', async () => {
    const replica = await startReplica()
    const update = fake.sendText(15, 15, QUESTION)
    const other = otherHolder(replica.db)
    other.claim(update.update_id, 15)
    const posted = replica.post(update)
    await sleep(2 * LEASE_MS)
    expect(await pending(posted)).toBe(true)
    expect(replies(15)).toHaveLength(0)

    other.die()
    expect(await posted).toBe(200)
    expect(replies(15)).toHaveLength(1)
  })

  it('acknowledges a resend without answering once the live replica that claimed it finished', async () => {
    const replica = await startReplica()
    const update = fake.sendText(16, 16, QUESTION)
    const other = otherHolder(replica.db)
    other.claim(update.update_id, 16)
    const posted = replica.post(update)
    await sleep(300)
    expect(await pending(posted)).toBe(true)
    other.finish(update.update_id)
    expect(await posted).toBe(200)
    await sleep(2 * LEASE_MS)
    expect(replies(16)).toHaveLength(0)
  })

  it('answers, with no resend, an update whose replica died after acknowledging it', async () => {
    const replica = await startReplica()
    const update = fake.sendText(17, 17, QUESTION)
    const other = otherHolder(replica.db)
    // The other replica got the update, said 200 after 5 s while still answering, and then died.
    other.claim(update.update_id, 17, update)
    await sleep(2 * LEASE_MS)
    expect(replies(17)).toHaveLength(0)
    other.die()
    await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 17, 5000)
    expect(fake.messagesTo(17)[0]?.text).toContain('3636套')
    // Taken over once: a late resend is not answered again.
    expect(await replica.post(update)).toBe(200)
    expect(replies(17)).toHaveLength(1)
  })

  it('marks the update as replying before its answer goes out, and finished once it is out', async () => {
    const replica = await startReplica()
    fake.setLatency('sendMessage', 400)
    const update = fake.sendText(18, 18, QUESTION)
    const posted = replica.post(update)
    const row = () => replica.db.prepare<[number], { replying_at: number | null; done_at: number | null }>(
      'SELECT replying_at, done_at FROM seen_updates WHERE update_id = ?').get(update.update_id)
    while (row()?.replying_at == null) await sleep(5)
    // The answer is on its way to Telegram and not yet out.
    expect(row()?.done_at).toBeNull()
    expect(replies(18)).toHaveLength(0)
    expect(await posted).toBe(200)
    expect(replies(18)).toHaveLength(1)
    await sleep(100)
    expect(row()?.done_at).not.toBeNull()
  })

  it('never answers again an update whose replica died while its reply was going out, and lets the chat go on', async () => {
    const replica = await startReplica()
    const [update, later] = [fake.sendText(19, 19, QUESTION), fake.sendText(19, 19, FOLLOW_UP)]
    const other = otherHolder(replica.db)
    other.claim(update.update_id, 19, update)
    other.reply(update.update_id)
    other.die()
    await sleep(2 * LEASE_MS)
    // Not taken over: its reply may well have reached the reader.
    expect(replies(19)).toHaveLength(0)
    expect(await replica.post(update)).toBe(200)
    expect(replies(19)).toHaveLength(0)
    // The chat's next question does not wait for it.
    expect(await replica.post(later)).toBe(200)
    expect(fake.messagesTo(19).map((m) => m.text)).toEqual([expect.stringContaining('120万平方米')])
  })

  it('does not ask again after a handler failed and already told the user', async () => {
    const replica = await startReplica({ answer: () => Promise.reject(new Error('model exploded')) })
    const update = fake.sendText(9, 9, QUESTION)
    expect(await replica.post(update)).toBe(200)
    expect(replies(9)).toHaveLength(1) // the apology
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

  it('keeps the order when the earlier update is taken over from a dead replica by another one', async () => {
    const slow = createSlowAnswerer(open.dbs[0]!)
    const [a, b] = [await startReplica({ answer: slow.answer }), await startReplica()] as [Replica, Replica]
    const [earlier, later] = [fake.sendText(13, 13, QUESTION), fake.sendText(13, 13, FOLLOW_UP)]
    const dead = otherHolder(a.db)
    dead.claim(earlier.update_id, 13)
    dead.die()
    // Telegram resends the earlier update to a; the later one reaches b while a answers it.
    const resent = a.post(earlier)
    await slow.started
    const posted = b.post(later)
    await sleep(300)
    expect(replies(13)).toHaveLength(0)

    slow.release()
    expect(await Promise.all([resent, posted])).toEqual([200, 200])
    expect(fake.messagesTo(13).map((m) => m.text)).toEqual([expect.stringContaining('3636套'), expect.stringContaining('120万平方米')])
  })

  it('does not wait for an earlier update claimed longer ago than the longest answer', async () => {
    const replica = await startReplica()
    const [earlier, later] = [fake.sendText(14, 14, QUESTION), fake.sendText(14, 14, FOLLOW_UP)]
    // Its replica died, and Telegram never resent it.
    claimUpdate(replica.db, { updateId: earlier.update_id, chatId: 14, holder: 'gone', now: Date.now() - ANSWER_WAIT_MS - 1, leaseMs: LEASE_MS })
    expect(await replica.post(later)).toBe(200)
    expect(fake.messagesTo(14).map((m) => m.text)).toEqual([expect.stringContaining('120万平方米')])
  })
})

describe('housekeeping', () => {
  it('forgets update claims older than a day, and keeps newer ones', async () => {
    const db = open.dbs[0]!
    const now = Date.now()
    const claim = (updateId: number, at: number) => claimUpdate(db, { updateId, chatId: null, holder: 'h', now: at, leaseMs: LEASE_MS })
    for (const [id, at] of [[1, now - 25 * 3_600_000], [2, now - 3_600_000]] as const) {
      claim(id, at)
      finishUpdate(db, id, at)
    }
    createTestBot(fake, db, { now: () => now }).nb.housekeeping().stop()
    // The first pruning runs at start, through the async store: done once the microtasks have run.
    await new Promise((resolve) => setImmediate(resolve))
    expect(claim(1, now)).toBe('claimed')
    expect(claim(2, now)).toBe('done')
  })
})

describe('long polling', () => {
  it('claims nothing: the runner never delivers an update twice', async () => {
    const db = open.dbs[0]!
    const t = createTestBot(fake, db)
    const update = fake.sendText(10, 10, QUESTION)
    await t.feed(update)
    expect(replies(10)).toHaveLength(1)
    expect(claimUpdate(db, { updateId: update.update_id, chatId: 10, holder: 'h', now: Date.now(), leaseMs: LEASE_MS })).toBe('claimed')
  })
})
