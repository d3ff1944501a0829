// Issue 11's goal: the 68k-document CRUD corpus is ingested (a real `newsbot ingest` process) while
// simulated users keep asking the bot (`newsbot bot` against the fake Bot API, extractive answers).
// Prints, idle and during the ingest: questions, error and busy replies, questions left unanswered, answer p50/p95 and the bot's longest
// event-loop stall. Goal: 0 error replies, p95 during the ingest ≤ 2× idle, no stall over 200 ms.
// Usage: npm run bench:ingest-bot [-- --users 50] [--docs path/to/docs.jsonl.gz] [--idle-seconds 15]
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { texts } from '../src/channels/telegram/messages.js'
import { createIndex } from '../src/retrieve/index.js'
import { openDb } from '../src/store/index.js'
import { spawnBot } from '../tests/channels/telegram/bot-process.js'
import { startFakeBotApi, type FakeBotApi } from '../tests/helpers/fake-bot-api.js'
import { printTable } from './bench/table.js'

const { values } = parseArgs({
  options: { users: { type: 'string', default: '50' }, docs: { type: 'string' }, 'idle-seconds': { type: 'string', default: '15' } },
})
const USERS = Number(values.users)
const CORPUS = values.docs ?? join(import.meta.dirname, '../../shared/bench/crud/docs.jsonl.gz')
const MAIN = join(import.meta.dirname, '../src/channels/cli/main.ts')
const QUESTIONS = [
  '经开区已经分配了多少套安置房？', '王庄村综合改造提升进展如何？', '小微企业融资难，区里有什么办法？',
  '郑大二附院周边道路什么时候建成通车？', '经开区建设局巡察整改做了哪些工作？', '安置房建设进度怎么样？',
]

interface Phase {
  latencies: number[]
  errors: number
  /** "Still answering your last question" replies (the per-user limit), not errors. */
  busy: number
  /** Questions with no reply within a minute. */
  unanswered: number
}

/** Each user asks, waits for the answer, pauses 0.5–2 s and asks again, until `until` resolves. */
async function askUntil(fake: FakeBotApi, firstChat: number, until: Promise<unknown>): Promise<Phase> {
  const phase: Phase = { latencies: [], errors: 0, busy: 0, unanswered: 0 }
  let done = false
  void until.then(() => (done = true))
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      const chat = firstChat + u
      for (let i = 0; !done; i++) {
        const before = fake.messagesTo(chat).length
        const asked = Date.now()
        fake.sendText(chat, chat, QUESTIONS[(u + i) % QUESTIONS.length]!)
        try {
          await fake.waitFor(() => fake.messagesTo(chat).length > before, 60_000)
        } catch {
          phase.unanswered++
          continue
        }
        phase.latencies.push(Date.now() - asked)
        const reply = fake.messagesTo(chat)[before]!.text ?? ''
        if (reply === texts.busy) phase.busy++
        else if (reply === texts.generic || reply.startsWith('抱歉')) phase.errors++
        await settled(fake, chat)
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500))
      }
    }),
  )
  return phase
}

/** Waits until a chat has had no new message for a moment: an answer of several parts has arrived whole. */
async function settled(fake: FakeBotApi, chat: number): Promise<void> {
  for (let n = -1; n !== fake.messagesTo(chat).length; ) {
    n = fake.messagesTo(chat).length
    await new Promise((r) => setTimeout(r, 300))
  }
}

function row(name: string, p: Phase, stallMs: number, seconds: number) {
  const sorted = [...p.latencies].sort((a, b) => a - b)
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { phase: name, users: USERS, questions: sorted.length, 'error replies': p.errors, 'busy replies': p.busy, unanswered: p.unanswered, 'p50 ms': pct(0.5), 'p95 ms': pct(0.95), 'max ms': sorted.at(-1) ?? 0, 'longest stall ms': stallMs, 'seconds': seconds }
}

const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-ingest-bot-'))
const dbPath = join(dir, 'bench.db')
const loopOut = join(dir, 'loop.json')
const seeded = openDb(dbPath)
await createIndex(seeded).loadSamplesIfEmpty()
seeded.close()
const fake = await startFakeBotApi()
const bot = spawnBot({
  TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DB: dbPath,
  NEWSBOT_RATE_PER_MINUTE: '0', NEWSBOT_DAILY_QUOTA: '0', NEWSBOT_LOG_LEVEL: 'warn',
  NODE_OPTIONS: `--import ${join(import.meta.dirname, 'bench/loop-monitor.mjs')}`, NEWSBOT_BENCH_LOOP_OUT: loopOut,
})
const stall = () => JSON.parse(readFileSync(loopOut, 'utf8')).maxMs as number
const newPhase = async () => {
  bot.child.kill('SIGUSR2')
  await new Promise((r) => setTimeout(r, 600))
}
try {
  fake.sendText(1, 1, QUESTIONS[0]!)
  await fake.waitFor(() => fake.messagesTo(1).length > 0, 60_000)

  await newPhase()
  let t = performance.now()
  const idle = await askUntil(fake, 10_000, new Promise((r) => setTimeout(r, Number(values['idle-seconds']) * 1000)))
  const idleRow = row('idle', idle, stall(), (performance.now() - t) / 1000)

  await newPhase()
  t = performance.now()
  const ingest = spawn(process.execPath, ['--import', 'tsx', MAIN, 'ingest', CORPUS, '--db', dbPath, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let ingestOut = ''
  ingest.stdout.on('data', (d) => (ingestOut += d))
  ingest.stderr.on('data', (d) => (ingestOut += d))
  const ingested = new Promise<number | null>((resolve) => ingest.on('exit', resolve))
  const busy = await askUntil(fake, 20_000, ingested)
  const busyRow = row('during ingest', busy, stall(), (performance.now() - t) / 1000)
  printTable([idleRow, busyRow])
  const summary = JSON.parse(ingestOut.slice(ingestOut.indexOf('{'))) as { added: number; failed: unknown[] }
  console.log(`\ningest exit ${await ingested}: ${summary.added} added, ${summary.failed.length} failed; p95 ratio ${(Number(busyRow['p95 ms']) / Math.max(1, Number(idleRow['p95 ms']))).toFixed(2)}×`)
  const errors = bot.stdout().split('\n').filter((l) => l.includes('"level":50')).length
  console.log(`bot errors logged: ${errors}`)
} finally {
  bot.child.kill('SIGTERM')
  await bot.exited
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
}
