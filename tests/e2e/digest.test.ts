import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIndex } from '../../src/retrieve/index.js'
import { countSendStates, getSubscription, openDb, saveSubscription } from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'
import { startFakeBotApi, type ApiCall, type FakeBotApi } from '../helpers/fake-bot-api.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CHILD = fileURLToPath(new URL('./digest-child.ts', import.meta.url))
const local = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`)
const tmp = useTmpDir()

interface BotProcess {
  child: ChildProcess
  setClock(now: number): Promise<void>
  stop(): Promise<void>
  kill(): Promise<void>
}

let fake: FakeBotApi
let dbPath: string
const bots: BotProcess[] = []
beforeEach(async () => {
  fake = await startFakeBotApi()
  dbPath = join(tmp(), 'newsbot.db')
  const db = openDb(dbPath)
  await createIndex(db).loadSamplesIfEmpty()
  db.close()
})
afterEach(async () => {
  for (const b of bots.splice(0)) if (b.child.exitCode === null && b.child.signalCode === null) await b.kill()
  await fake.close()
})

/** Starts the bot process (real bot + digest scheduler) with its clock at `now`. */
async function startBotProcess(now: number, rate = 100): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, String(now)], {
    cwd: ROOT,
    env: {
      ...process.env, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DB: dbPath,
      NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_DIGEST_RATE: String(rate), OPENAI_API_KEY: '', OPENAI_BASE_URL: '',
      // A killed process's sends are marked 'unknown' once it has been silent this long.
      NEWSBOT_DIGEST_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { ready?: boolean }) => m.ready && resolve())
    child.once('exit', (code) => reject(new Error(`bot process exited (${code}) before it was ready: ${stderr}`)))
  })
  const bot: BotProcess = {
    child,
    setClock: (t) => new Promise((resolve) => {
      child.once('message', () => resolve())
      child.send({ now: t })
    }),
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
  bots.push(bot)
  return bot
}

const isDigest = (c: ApiCall) => c.method === 'sendMessage' && c.status === 200 && String(c.payload.text).startsWith('<b>📰 每日简报')
const digestsTo = (chat: number) => fake.messagesTo(chat).filter((m) => m.text?.startsWith('📰 每日简报'))
/** Resolves when `n` digests have been delivered in all. */
const digestsDelivered = (n: number, timeoutMs = 30_000) => {
  let seen = 0
  return fake.waitFor((c) => isDigest(c) && ++seen >= n, timeoutMs)
}
const ticks = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 1000 + 200)) // the test bot ticks every second

describe('daily digests, end to end', () => {
  it('gives 50 subscribers at mixed times exactly one digest each, pauses the blocked, and picks up a new issue', async () => {
    const bot = await startBotProcess(local('2026-11-23', '06:00:00'))
    const times = ['06:30', '07:00', '07:15', '07:45', '08:00']
    const chats = Array.from({ length: 50 }, (_, i) => 5000 + i)
    let replies = 0
    const subscribed = fake.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('已订阅每日简报') && ++replies === 50, 30_000)
    for (const [i, chat] of chats.entries()) fake.sendText(chat, chat, `/subscribe ${times[i % times.length]}`)
    await subscribed
    // The settings buttons work through the whole bot (other features pass them on).
    const tinker = 4999
    fake.sendText(tinker, tinker, '/subscribe')
    fake.sendText(tinker, tinker, '/settings')
    await fake.waitFor((c) => c.method === 'sendMessage' && c.status === 200 && String(c.payload.text).includes('简报设置'), 10_000)
    const settingsId = fake.messagesTo(tinker).find((m) => m.text?.startsWith('简报设置'))!.message_id
    fake.pressButton(tinker, tinker, settingsId, 'dg:a:经开区')
    await fake.waitFor((c) => c.method === 'editMessageText' && c.status === 200, 10_000)
    fake.sendText(tinker, tinker, '/unsubscribe')
    await fake.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('已退订'), 10_000)
    expect(fake.messagesTo(tinker).find((m) => m.message_id === settingsId)?.text).toContain('地区：经开区')
    const blocked = [chats[3]!, chats[9]!] // one at 07:45, one at 08:00
    for (const chat of blocked) fake.block(chat)
    fake.queueFault({ method: 'sendMessage', error_code: 429, retry_after: 1 })

    await bot.setClock(local('2026-11-23', '07:00:30')) // 06:30 and 07:00 are due: 20 chats
    await digestsDelivered(20)
    await bot.setClock(local('2026-11-23', '08:00:30')) // the other 30, two of them blocked
    await digestsDelivered(48)
    await bot.stop()
    // Restarted within the catch-up window: everyone due today already has today's digest.
    const again = await startBotProcess(local('2026-11-23', '08:10:00'))
    await ticks(3)
    for (const chat of chats) expect(digestsTo(chat)).toHaveLength(blocked.includes(chat) ? 0 : 1)
    const db = openDb(dbPath, { readonly: true })
    for (const chat of blocked) expect(getSubscription(db, chat)).toMatchObject({ status: 'paused' })
    expect(countSendStates(db, '2026-11-23')).toEqual({ sent: 48, blocked: 2 })
    db.close()
    expect(fake.calls.some((c) => c.status === 429)).toBe(true)

    // A new issue ingested by another process while the bot runs is in the next morning's digest.
    const text = '本报讯 近日，二七区新建的社区食堂正式开放，首日接待居民三百余人次。'
    const { 'issue.jsonl': issue } = writeFiles(tmp(), { 'issue.jsonl': jsonl([{ title: '社区食堂开门迎客', text, date: '2023-11-16', paper: '二七区新闻' }]) })
    expect((await runCli(['ingest', issue!], { NEWSBOT_DB: dbPath })).code).toBe(0)
    await again.setClock(local('2026-11-24', '08:00:30'))
    await digestsDelivered(96)
    for (const chat of chats.filter((c) => !blocked.includes(c))) {
      const days = digestsTo(chat)
      expect(days).toHaveLength(2)
      expect(days[1]!.text).toContain('社区食堂开门迎客')
    }
  })

  it('sends exactly one digest to each of 1,000 subscribers across a SIGKILL in the middle of the round', async () => {
    const chats = Array.from({ length: 1000 }, (_, i) => 10_000 + i)
    fake.addPrivateChats(chats)
    const db = openDb(dbPath)
    for (const chat of chats) saveSubscription(db, chat, { sendTime: '08:00' }, local('2026-11-22', '20:00:00'))
    db.close()
    const asker = 777
    fake.sendText(asker, asker, '/start')

    const first = await startBotProcess(local('2026-11-23', '08:00:05'))
    await digestsDelivered(100)
    // Questions are answered while the round goes on.
    const asked = fake.calls.length
    fake.sendText(asker, asker, '经开区已经分配了多少套安置房？')
    await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === asker && fake.calls.indexOf(c) >= asked, 20_000)
    expect(fake.calls.filter(isDigest).length).toBeLessThan(1000)
    await digestsDelivered(400)
    await first.kill()
    const beforeRestart = fake.calls.filter(isDigest).length
    expect(beforeRestart).toBeLessThan(1000)

    await startBotProcess(local('2026-11-23', '08:00:30'))
    await digestsDelivered(1000, 40_000).catch(() => undefined)
    await ticks(2)
    const counts = chats.map((chat) => digestsTo(chat).length)
    expect(counts.filter((n) => n !== 1)).toEqual([])
    const after = openDb(dbPath, { readonly: true })
    const states = countSendStates(after, '2026-11-23')
    after.close()
    expect(states.sending).toBeUndefined()
    expect((states.sent ?? 0) + (states.unknown ?? 0)).toBe(1000)
  })

  it('never sends twice when killed at an arbitrary moment; only requests in flight can be lost, and they are marked unknown', async () => {
    const chats = Array.from({ length: 300 }, (_, i) => 20_000 + i)
    fake.addPrivateChats(chats)
    const db = openDb(dbPath)
    for (const chat of chats) saveSubscription(db, chat, { sendTime: '08:00' }, local('2026-11-22', '20:00:00'))
    db.close()
    const first = await startBotProcess(local('2026-11-23', '08:00:05'))
    await digestsDelivered(120)
    await new Promise((resolve) => setTimeout(resolve, 7)) // not aligned with any response
    await first.kill()
    await startBotProcess(local('2026-11-23', '08:00:30'))
    await ticks(6)
    const after = openDb(dbPath, { readonly: true })
    const states = countSendStates(after, '2026-11-23')
    const unknown = new Set(after.prepare("SELECT chat_id FROM digest_sends WHERE state = 'unknown'").pluck().all() as number[])
    after.close()
    expect((states.sent ?? 0) + (states.unknown ?? 0)).toBe(300)
    expect(unknown.size).toBeLessThanOrEqual(4) // at most one request per sender in flight
    for (const chat of chats) {
      const n = digestsTo(chat).length
      expect(n).toBeLessThanOrEqual(1)
      if (n === 0) expect(unknown.has(chat)).toBe(true)
    }
  })
})
