// A scheduled digest round to many subscribers against the fake Bot API (in its own process), at the
// configured broadcast rate: duration, throughput, memory and event-loop delay of the sending process.
// With --faults: 1,000 subscribers by default, the Bot API delivering and then dropping 10 % of the
// responses, answering 502 to 5 % (half of them after delivering), and unreachable for 30 s mid-round;
// then a bot process gets SIGTERM during such an outage. It prints how many chats got a digest twice,
// how every chat's day ended in the send log, and how long the stop took.
// Usage: npm run bench:digest [-- --subscribers 10000 --rate 25] [-- --faults]
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createBot, createLogger } from '../src/channels/telegram/index.js'
import { createPacer, runDigestRound } from '../src/channels/telegram/digest-sender.js'
import { loadConfig } from '../src/config.js'
import { leadSummarizer, planDueSends } from '../src/digest/index.js'
import { createIndex } from '../src/retrieve/index.js'
import { createSqliteStore, listSendRecords, openDb, saveSubscription, type Db } from '../src/store/index.js'
import { askFake, startFake, type Fake } from './bench/fake-bot-client.js'
import { peakRssMb, printTable } from './bench/table.js'

const { values } = parseArgs({
  options: { subscribers: { type: 'string' }, rate: { type: 'string', default: '25' }, faults: { type: 'boolean', default: false } },
})
const faults = values.faults
const subscribers = Number(values.subscribers ?? (faults ? 1000 : 10_000))
const rate = Number(values.rate)
const FIRST_CHAT = 100_000
const sendAt = Date.parse('2026-11-23T08:00:00+08:00')
const DAY = '2026-11-23'
// The fault mix of the issue: 10 % of responses lost after delivery, 5 % 502, one 30-second outage.
const CHAOS = { method: 'sendMessage', dropAfter: 0.1, bad502: 0.05, seed: 11 }
const OUTAGE_MS = 30_000
const OUTAGE_AFTER_MS = 5000
const STOP_BUDGET_MS = 10_000


async function openBenchDb(dir: string): Promise<{ db: Db; path: string }> {
  const path = join(dir, 'bench.db')
  const db = openDb(path)
  await createIndex(db).loadSamplesIfEmpty()
  db.transaction(() => {
    // Most read everything; every fifth follows only 经开区 (a second rendering of the digest).
    for (let i = 0; i < subscribers; i++) saveSubscription(db, FIRST_CHAT + i, { areas: i % 5 === 0 ? ['经开区'] : [] }, sendAt - 86_400_000)
  })()
  return { db, path }
}

/** The sender's API as production builds it: createBot's senderApi. */
function senderApi(fake: Fake, db: Db) {
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_DIGEST_RATE: String(rate) })
  const nb = createBot({ config, store: createSqliteStore(db), index: createIndex(db), logger: createLogger({ level: 'silent' }), answer: async () => { throw new Error('unused') } })
  return { api: nb.senderApi, config }
}

async function plainRun(): Promise<void> {
  const fake = await startFake(FIRST_CHAT, subscribers)
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-digest-'))
  const { db, path } = await openBenchDb(dir)
  const { api, config } = senderApi(fake, db)
  const now = () => sendAt + 60_000
  let t = performance.now()
  const due = await planDueSends(createSqliteStore(db), now(), { timeZone: config.timezone, catchUpMs: config.digest.catchUpMinutes * 60_000 })
  const planMs = performance.now() - t
  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  const heapBefore = process.memoryUsage().heapUsed
  t = performance.now()
  const stats = await runDigestRound({ store: createSqliteStore(db), api, config, now, summarize: leadSummarizer, pacer: createPacer(config.digest.sendRate) })
  const seconds = (performance.now() - t) / 1000
  lag.disable()
  const heapAfter = process.memoryUsage().heapUsed
  const fakeStats = await askFake<{ sendMessage: number; ok: number; status429: number }>(fake.child, { stats: true })
  db.pragma('wal_checkpoint(TRUNCATE)')
  const dbMb = statSync(path).size / 1e6
  db.close()
  fake.child.send({ close: true })
  rmSync(dir, { recursive: true, force: true })
  printTable([{
    subscribers, 'rate limit/s': rate, due: due.length, 'plan ms': planMs, sent: stats.sent, 'other states': subscribers - stats.sent,
    'fake 200s': fakeStats.ok, seconds, 'msgs/s': stats.messages / seconds, 'loop p99 ms': lag.percentile(99) / 1e6,
    'loop max ms': lag.max / 1e6, 'heap Δ MB': (heapAfter - heapBefore) / 1e6, 'peak RSS MB': peakRssMb(), 'db MB': dbMb,
  }])
}

/** One round under the fault mix: what each chat received against what the send log says. */
async function faultRound(): Promise<void> {
  const fake = await startFake(FIRST_CHAT, subscribers)
  await askFake(fake.child, { chaos: CHAOS })
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-faults-'))
  const { db } = await openBenchDb(dir)
  const { api, config } = senderApi(fake, db)
  const now = () => sendAt + 60_000
  const outage = setTimeout(() => void askFake(fake.child, { outage: OUTAGE_MS }), OUTAGE_AFTER_MS)
  const t = performance.now()
  const stats = await runDigestRound({ store: createSqliteStore(db), api, config, now, summarize: leadSummarizer, pacer: createPacer(config.digest.sendRate) })
  const seconds = (performance.now() - t) / 1000
  clearTimeout(outage)
  const { perChat } = await askFake<{ perChat: number[] }>(fake.child, { digests: [FIRST_CHAT, subscribers] })
  const states = new Map(listSendRecords(db, DAY).map((r) => [r.chatId, r.state]))
  const got = (i: number) => perChat[i] ?? 0
  const stateOf = (i: number) => states.get(FIRST_CHAT + i) ?? 'none'
  const idx = Array.from({ length: subscribers }, (_, i) => i)
  const unsent = idx.filter((i) => got(i) === 0)
  const count = (list: number[], pred: (i: number) => boolean) => list.filter(pred).length
  printTable([{
    subscribers, 'rate/s': rate, seconds, 'chats with 2+ digests': count(idx, (i) => got(i) >= 2),
    'with 1': count(idx, (i) => got(i) === 1), 'with 0': unsent.length,
    'unsent: unknown': count(unsent, (i) => stateOf(i) === 'unknown'), 'unsent: failed': count(unsent, (i) => stateOf(i) === 'failed'),
    'unsent: not accounted': count(unsent, (i) => !['unknown', 'failed', 'blocked'].includes(stateOf(i))),
    'log sent': stats.sent, 'log unknown': stats.unknown, 'log failed': stats.failed, 'left sending': count(idx, (i) => stateOf(i) === 'sending'),
  }])
  db.close()
  fake.child.send({ close: true })
  rmSync(dir, { recursive: true, force: true })
}

/** The bot process as `newsbot bot` runs it, sent SIGTERM 2 s into an outage that started mid-round. */
async function stopDuringOutage(): Promise<void> {
  const fake = await startFake(FIRST_CHAT, subscribers)
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-stop-'))
  const { db, path } = await openBenchDb(dir)
  db.close()
  const bot = fork(join(import.meta.dirname, 'bench/digest-bot.ts'), [String(sendAt + 60_000)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DB: path, NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_DIGEST_RATE: String(rate) },
  })
  const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)))
  await new Promise((resolve) => bot.once('message', resolve))
  await new Promise((resolve) => setTimeout(resolve, 3000)) // the round is under way
  await askFake(fake.child, { outage: OUTAGE_MS })
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const t = performance.now()
  bot.kill('SIGTERM')
  const timer = setTimeout(() => bot.kill('SIGKILL'), STOP_BUDGET_MS * 3)
  const code = await exited
  const stopMs = performance.now() - t
  clearTimeout(timer)
  const after = openDb(path)
  const records = listSendRecords(after, DAY)
  after.close()
  const n = (state: string) => records.filter((r) => r.state === state).length
  printTable([{
    'SIGTERM during outage → exit ms': stopMs, 'exit code': code ?? 'killed', [`within ${STOP_BUDGET_MS / 1000} s`]: stopMs <= STOP_BUDGET_MS ? 'yes' : 'NO',
    'log sent': n('sent'), 'log unknown': n('unknown'), 'log failed': n('failed'), 'left sending': n('sending'), 'not yet claimed (due at next start)': subscribers - records.length,
  }])
  fake.child.send({ close: true })
  rmSync(dir, { recursive: true, force: true })
}

if (faults) {
  await faultRound()
  await stopDuringOutage()
} else {
  await plainRun()
}
