import { spawn, type ChildProcess } from 'node:child_process'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { listSources } from '../../src/ingest/index.js'
import { indexSources } from '../../src/retrieve/index.js'
import { openStore, type SendRecord, type Store } from '../../src/store/index.js'
import { startFakeBotApi, type ApiCall, type FakeBotApi } from '../helpers/fake-bot-api.js'
import { usePostgres } from '../helpers/postgres.js'
import { exitOf } from '../helpers/replica.js'
import { namesOf } from '../helpers/stores.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

// The digest round of 10,000 subscribers run by three `newsbot bot --digest-only` processes on one
// store (one SQLite file, or one PostgreSQL database), one of them killed with SIGKILL halfway and
// started again: no chat gets two digests, every chat's day ends decided, and the sends the killed
// process had in flight are 'unknown' and never sent again.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = fileURLToPath(new URL('../../src/channels/cli/main.ts', import.meta.url))
const SUBSCRIBERS = 10_000
const FIRST_CHAT = 100_000
const tmp = useTmpDir()
const server = usePostgres()

interface Replica {
  child: ChildProcess
  /** The prefix of the holder ids this process writes in the send log. */
  holder: string
  exited: Promise<number | null>
}

const replicas: Replica[] = []
let fake: FakeBotApi | undefined
afterEach(async () => {
  for (const r of replicas.splice(0)) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL')
  await fake?.close()
})

function startReplica(location: string, api: FakeBotApi): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--db', location, 'bot', '--digest-only'], {
    cwd: ROOT,
    env: {
      ...process.env, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, NEWSBOT_DB: '', NEWSBOT_DATABASE_URL: '',
      NEWSBOT_TIMEZONE: 'Asia/Shanghai', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_LOG_LEVEL: 'warn',
      // The Bot API is local: no pacing delay. A killed process's sends are marked once it has been silent 2 s.
      NEWSBOT_DIGEST_RATE: '1000', NEWSBOT_DIGEST_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const exited = exitOf(child)
  const r = { child, holder: `${hostname()}/${child.pid}/`, exited }
  replicas.push(r)
  return r
}

/** A subscriber per chat, due two minutes ago in Shanghai time, subscribed a day before. */
async function subscribeAll(store: Store, chats: number[]): Promise<void> {
  const at = new Date(Date.now() - 120_000)
  const sendTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)
  for (let i = 0; i < chats.length; i += 200) {
    await Promise.all(chats.slice(i, i + 200).map((chat) => store.saveSubscription(chat, { sendTime }, Date.now() - 86_400_000)))
  }
}

/** One short issue, so each digest is one message. */
async function writeIssue(store: Store): Promise<void> {
  const { 'issue.jsonl': path } = writeFiles(tmp(), {
    'issue.jsonl': jsonl([
      { title: '社区食堂开门迎客', text: '本报讯 近日，二七区新建的社区食堂正式开放，首日接待居民三百余人次。', date: '2026-11-30', paper: '二七区新闻' },
      { title: '经开区新增两条公交线路', text: '本报讯 经开区交通局消息，两条新公交线路本周开通，连接产业园区和居住片区。', date: '2026-11-30', paper: '经开时报' },
    ]),
  })
  await store.writeSources(indexSources(listSources([path!])), { namesOf })
}

const isDigest = (c: ApiCall) => c.method === 'sendMessage' && c.status === 200 && String(c.payload.text).startsWith('<b>📰 每日简报')

/** Polls the send log until `done` holds for it; returns the records it held for. */
async function sendLogUntil(store: Store, done: (records: SendRecord[]) => boolean, what: string, timeoutMs = 60_000): Promise<SendRecord[]> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const records = await store.listSendRecords('0000-00-00')
    if (done(records)) return records
    if (Date.now() > until) throw new Error(`${what}: ${records.length} records, ${records.filter((r) => r.state === 'sending').length} sending`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const backends = [
  { name: 'SQLite (one file)', location: async () => join(tmp(), 'newsbot.db') },
  ...(server.available ? [{ name: 'PostgreSQL', location: () => server.createDatabase() }] : []),
]

describe.each(backends)('a digest round shared by three processes on $name', ({ location: makeLocation }) => {
  it('sends each of 10,000 subscribers one digest across a SIGKILL halfway; the killed sends in flight are unknown, never resent', async () => {
    const location = await makeLocation()
    const api = (fake = await startFakeBotApi())
    const chats = Array.from({ length: SUBSCRIBERS }, (_, i) => FIRST_CHAT + i)
    api.addPrivateChats(chats)
    // Each send takes a while, so the killed process surely has sends in flight.
    api.setLatency('sendMessage', 10)
    const store = await openStore(location)
    try {
      await writeIssue(store)
      await subscribeAll(store, chats)

      const [killed, ...others] = [startReplica(location, api), startReplica(location, api), startReplica(location, api)]
      // Halfway, at a moment the process to be killed has a send in flight.
      await sendLogUntil(store, (records) => records.length >= SUBSCRIBERS / 2 &&
        records.some((r) => r.state === 'sending' && r.claimedBy?.startsWith(killed!.holder)), 'no send in flight halfway')
      killed!.child.kill('SIGKILL')
      await killed!.exited
      const callsAtKill = api.calls.length
      expect(api.calls.filter(isDigest).length).toBeLessThan(SUBSCRIBERS)
      const restarted = startReplica(location, api)

      const records = await sendLogUntil(store, (rs) => rs.length === SUBSCRIBERS && rs.every((r) => r.state !== 'sending'), 'not decided')
      const byChat = new Map(records.map((r) => [r.chatId, r]))
      expect(byChat.size).toBe(SUBSCRIBERS)
      const received = new Map<number, number>()
      for (const c of api.calls.filter(isDigest)) received.set(Number(c.payload.chat_id), (received.get(Number(c.payload.chat_id)) ?? 0) + 1)

      // No chat gets two digests; a 'sent' chat got exactly one.
      expect(chats.filter((chat) => (received.get(chat) ?? 0) > 1)).toEqual([])
      const states = new Map<string, number>()
      for (const r of records) states.set(r.state, (states.get(r.state) ?? 0) + 1)
      expect([...states.keys()].filter((s) => s !== 'sent' && s !== 'unknown')).toEqual([])
      expect(chats.filter((chat) => byChat.get(chat)!.state === 'sent' && received.get(chat) !== 1)).toEqual([])

      // Only the killed process's sends in flight (at most its 4 workers) are unknown, and nothing
      // went to those chats after the kill.
      const unknown = records.filter((r) => r.state === 'unknown')
      expect(unknown.length).toBeGreaterThan(0)
      expect(unknown.length).toBeLessThanOrEqual(4)
      expect(unknown.filter((r) => !r.claimedBy?.startsWith(killed!.holder))).toEqual([])
      const unknownChats = new Set(unknown.map((r) => r.chatId))
      expect(api.calls.slice(callsAtKill).filter((c) => c.method === 'sendMessage' && unknownChats.has(Number(c.payload.chat_id)))).toEqual([])

      // All three shared the round: each of them claimed sends.
      for (const r of [killed!, ...others]) expect(records.some((x) => x.claimedBy?.startsWith(r.holder))).toBe(true)

      for (const r of [...others, restarted]) r.child.kill('SIGTERM')
      expect(await Promise.all([...others, restarted].map((r) => r.exited))).toEqual([0, 0, 0])
    } finally {
      await store.close()
    }
  }, 150_000)
})
