// A digest round of many subscribers shared by 1, 2 and 3 `newsbot bot --digest-only` processes on one
// SQLite file and on PostgreSQL (a throwaway cluster unless --pg names a server), against the fake Bot
// API in its own process with a per-message network latency. Prints the seconds from starting the
// processes until every chat's day is decided (process start-up included), messages/s, how the chats
// split between the processes, and the chats that got two digests (must be 0).
// Usage: npm run bench:digest-replicas [-- --subscribers 10000] [--rate 1000] [--latency 20] [--pg postgres://…]
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { listSources } from '../src/ingest/index.js'
import { extractNameCandidates, indexSources } from '../src/retrieve/index.js'
import { openStore, type Store } from '../src/store/index.js'
import { createDatabase, findBinaries, startCluster } from '../tests/helpers/pg-cluster.js'
import { askFake, startFake, type Fake } from './bench/fake-bot-client.js'
import { printTable } from './bench/table.js'

const { values: args } = parseArgs({
  options: { subscribers: { type: 'string', default: '10000' }, rate: { type: 'string', default: '1000' }, latency: { type: 'string', default: '20' }, pg: { type: 'string' } },
})
const subscribers = Number(args.subscribers)
const FIRST_CHAT = 100_000
const MAIN = join(import.meta.dirname, '../src/channels/cli/main.ts')
const namesOf = (a: { title: string; subtitle?: string | null; text: string }) => extractNameCandidates(`${a.title}\n${a.subtitle ?? ''}\n${a.text}`)

async function startLatentFake(): Promise<Fake> {
  const fake = await startFake(FIRST_CHAT, subscribers)
  await askFake(fake.child, { latency: Number(args.latency) })
  return fake
}

/** The sample bulletins and every subscriber, due two minutes ago in Shanghai time. */
async function fill(store: Store): Promise<void> {
  await store.writeSources(indexSources(listSources(['data/samples'])), { namesOf })
  const sendTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() - 120_000)
  for (let i = 0; i < subscribers; i += 200) {
    const batch = Array.from({ length: Math.min(200, subscribers - i) }, (_, k) => FIRST_CHAT + i + k)
    await Promise.all(batch.map((chat) => store.saveSubscription(chat, { sendTime }, Date.now() - 86_400_000)))
  }
}

function startSender(location: string, fake: Fake): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--db', location, 'bot', '--digest-only'], {
    env: {
      ...process.env, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_TIMEZONE: 'Asia/Shanghai',
      NEWSBOT_DIGEST_RATE: args.rate, NEWSBOT_LOG_LEVEL: 'error', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return { child, exited: new Promise((resolve) => child.once('exit', resolve)) }
}

async function run(backend: string, location: string, processes: number): Promise<Record<string, string | number>> {
  const store = await openStore(location)
  const fake = await startLatentFake()
  try {
    await fill(store)
    const t0 = performance.now()
    const senders = Array.from({ length: processes }, () => startSender(location, fake))
    let records = await store.listSendRecords('0000-00-00')
    while (records.length < subscribers || records.some((r) => r.state === 'sending')) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      records = await store.listSendRecords('0000-00-00')
    }
    const seconds = (performance.now() - t0) / 1000
    for (const s of senders) s.child.kill('SIGTERM')
    await Promise.all(senders.map((s) => s.exited))
    const { perChat } = await askFake<{ perChat: number[] }>(fake.child, { digests: [FIRST_CHAT, subscribers] })
    const { sendMessage } = await askFake<{ sendMessage: number }>(fake.child, { stats: true })
    const split = new Map<string, number>()
    for (const r of records) if (r.claimedBy) split.set(r.claimedBy, (split.get(r.claimedBy) ?? 0) + 1)
    return {
      backend, processes, subscribers, 'latency ms': Number(args.latency), seconds, 'messages/s': sendMessage / seconds,
      'chats per process': [...split.values()].sort((a, b) => b - a).join('/'),
      sent: records.filter((r) => r.state === 'sent').length, 'two digests': perChat.filter((n) => n > 1).length,
    }
  } finally {
    fake.child.send({ close: true })
    await store.close()
  }
}

const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-replicas-'))
const bin = findBinaries()
const cluster = args.pg || !bin ? undefined : await startCluster(bin)
const server = args.pg ?? cluster?.url
const rows: Record<string, string | number>[] = []
try {
  for (const processes of [1, 2, 3]) {
    rows.push(await run('sqlite', join(dir, `p${processes}.db`), processes))
    if (server) rows.push(await run('postgres', await createDatabase(server, `bench_replicas_${process.pid}_${processes}`), processes))
  }
} finally {
  cluster?.stop()
  rmSync(dir, { recursive: true, force: true })
}
printTable(rows)
if (!server) console.log('PostgreSQL is not installed (/usr/lib/postgresql/*/bin) and no --pg was given: SQLite only.')
