// A scheduled digest round to many subscribers against the fake Bot API (in its own process), at the
// configured broadcast rate: duration, throughput, memory and event-loop delay of the sending process.
// Usage: npm run bench:digest [-- --subscribers 10000 --rate 25]
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { Bot } from 'grammy'
import { createPacer, runDigestRound } from '../src/channels/telegram/digest-sender.js'
import { loadConfig } from '../src/config.js'
import { leadSummarizer, planDueSends } from '../src/digest/index.js'
import { tokenizeForIndex } from '../src/retrieve/index.js'
import { loadSamplesIfEmpty, openDb, saveSubscription } from '../src/store/index.js'
import { peakRssMb, printTable } from './bench/table.js'

const { values } = parseArgs({ options: { subscribers: { type: 'string', default: '10000' }, rate: { type: 'string', default: '25' } } })
const subscribers = Number(values.subscribers)
const rate = Number(values.rate)
const FIRST_CHAT = 100_000
const sendAt = Date.parse('2026-11-23T08:00:00+08:00')

const fake = fork(join(import.meta.dirname, 'bench/fake-bot-server.ts'), { execArgv: ['--import', 'tsx'] })
const ask = <T>(child: ChildProcess, msg: object) =>
  new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T))
    child.send(msg)
  })
const { apiRoot, token } = await new Promise<{ apiRoot: string; token: string }>((resolve) => fake.once('message', (m) => resolve(m as never)))
await ask(fake, { addChats: [FIRST_CHAT, subscribers] })

const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-digest-'))
const dbPath = join(dir, 'bench.db')
const db = openDb(dbPath)
await loadSamplesIfEmpty(db, tokenizeForIndex)
db.transaction(() => {
  // Most read everything; every fifth follows only 经开区 (a second rendering of the digest).
  for (let i = 0; i < subscribers; i++) saveSubscription(db, FIRST_CHAT + i, { areas: i % 5 === 0 ? ['经开区'] : [] }, sendAt - 86_400_000)
})()

const config = loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_DIGEST_RATE: String(rate) })
const api = new Bot(token, { client: { apiRoot } }).api
const now = () => sendAt + 60_000

let t = performance.now()
const due = planDueSends(db, now(), { timeZone: config.timezone, catchUpMs: config.digest.catchUpMinutes * 60_000 })
const planMs = performance.now() - t

const lag = monitorEventLoopDelay({ resolution: 10 })
lag.enable()
const heapBefore = process.memoryUsage().heapUsed
t = performance.now()
const stats = await runDigestRound({ db, api, config, now, summarize: leadSummarizer, pacer: createPacer(config.digest.sendRate) })
const seconds = (performance.now() - t) / 1000
lag.disable()
const heapAfter = process.memoryUsage().heapUsed
const fakeStats = await ask<{ sendMessage: number; ok: number; status429: number }>(fake, { stats: true })
db.pragma('wal_checkpoint(TRUNCATE)')
const dbMb = statSync(dbPath).size / 1e6
db.close()
fake.send({ close: true })
rmSync(dir, { recursive: true, force: true })

printTable([
  {
    subscribers,
    'rate limit/s': rate,
    due: due.length,
    'plan ms': planMs,
    sent: stats.sent,
    'other states': subscribers - stats.sent,
    'fake 200s': fakeStats.ok,
    seconds,
    'msgs/s': stats.messages / seconds,
    'loop p99 ms': lag.percentile(99) / 1e6,
    'loop max ms': lag.max / 1e6,
    'heap Δ MB': (heapAfter - heapBefore) / 1e6,
    'peak RSS MB': peakRssMb(),
    'db MB': dbMb,
  },
])
