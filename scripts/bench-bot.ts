// 200 simulated users ask the bot at once (and then spread over ten seconds) over the wire:
// `newsbot bot` as a child process, long polling the project's fake Bot API, extractive answers.
// Prints p50/p95 from update to reply and checks that every question got exactly one answer.
// Usage: npm run bench:bot [-- users]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { texts } from '../src/channels/telegram/messages.js'
import { createIndex } from '../src/retrieve/index.js'
import { openDb } from '../src/store/index.js'
import { spawnBot } from '../tests/channels/telegram/bot-process.js'
import { startFakeBotApi, type FakeBotApi } from '../tests/helpers/fake-bot-api.js'
import { printTable } from './bench/table.js'

const USERS = Number(process.argv[2] ?? 200)
// Questions readers of the bundled sample bulletins ask; the users take turns with them.
const QUESTIONS = [
  '经开区已经分配了多少套安置房？', '王庄村综合改造提升进展如何？', '小微企业融资难，区里有什么办法？',
  '郑大二附院周边道路什么时候建成通车？', '经开区建设局巡察整改做了哪些工作？', '二七区最近有哪些民生实事？',
  '安置房建设进度怎么样？', '经开区怎样优化营商环境？',
]

type Row = Record<string, string | number>

async function runScenario(fake: FakeBotApi, name: string, firstChat: number, spreadMs: number): Promise<Row> {
  const pushedAt = new Map<number, number>()
  const chats = Array.from({ length: USERS }, (_, i) => firstChat + i)
  const started = performance.now()
  await Promise.all(chats.map(async (chat, i) => {
    if (spreadMs > 0) await new Promise((r) => setTimeout(r, (i * spreadMs) / USERS))
    pushedAt.set(chat, Date.now())
    fake.sendText(chat, chat, QUESTIONS[i % QUESTIONS.length]!)
  }))
  // Cheap per call, so the fake (in this process) is not slowed down by the bookkeeping.
  const replied = new Set<number>()
  const isOurs = new Set(chats)
  await fake.waitFor((c) => {
    const chat = Number(c.payload.chat_id)
    if (c.method === 'sendMessage' && c.status === 200 && isOurs.has(chat)) replied.add(chat)
    return replied.size === chats.length
  }, 120_000)
  const wall = (performance.now() - started) / 1000
  await new Promise((r) => setTimeout(r, 1000)) // late duplicates would show up here
  const latencies: number[] = []
  let exactlyOne = 0
  for (const chat of chats) {
    const replies = fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.payload.chat_id) === chat)
    if (replies.length === 1 && fake.messagesTo(chat).length === 1) exactlyOne++
    latencies.push(replies[0]!.at - pushedAt.get(chat)!)
  }
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!
  const apologies = chats.filter((c) => fake.messagesTo(c).some((m) => m.text === texts.generic)).length
  return {
    scenario: name, users: USERS, 'exactly one reply': exactlyOne, apologies,
    'p50 ms': pct(50), 'p95 ms': pct(95), 'max ms': latencies.at(-1)!, 'wall s': wall,
  }
}

const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-bot-'))
// The bot answers from an existing database: the samples, ingested as `newsbot ingest data/samples` would.
const seeded = openDb(join(dir, 'bench.db'))
await createIndex(seeded).loadSamplesIfEmpty()
seeded.close()
const fake = await startFakeBotApi()
const bot = spawnBot({
  TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DB: join(dir, 'bench.db'),
  NEWSBOT_RATE_PER_MINUTE: '0', NEWSBOT_DAILY_QUOTA: '0', NEWSBOT_LOG_LEVEL: 'warn',
})
try {
  // The bot logs at warn here (no start line), so its first answer says it is up.
  fake.sendText(1, 1, QUESTIONS[0]!)
  await fake.waitFor(() => fake.messagesTo(1).length > 0, 60_000)
  const rows = [
    await runScenario(fake, 'burst: all at once', 10_000, 0),
    await runScenario(fake, 'spread over 10 s', 20_000, 10_000),
  ]
  printTable(rows)
  const problems = bot.stdout().split('\n').filter((l) => l.includes('"level":50')).length
  console.log(`\nbot errors logged: ${problems}; Bot API calls: ${fake.calls.length} (${fake.calls.filter((c) => c.status !== 200).length} refused)`)
} finally {
  bot.child.kill('SIGTERM')
  await bot.exited
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
}
