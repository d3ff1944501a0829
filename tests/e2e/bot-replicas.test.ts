import { spawn, type ChildProcess } from 'node:child_process'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { Update } from 'grammy/types'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { tokenizeForIndex } from '../../src/retrieve/index.js'
import { migrateStore, openDb } from '../../src/store/index.js'
import { startFakeBotApi, type ApiCall, type FakeBotApi } from '../helpers/fake-bot-api.js'
import { HAPROXY, startHaproxy, waitForPort, type LoadBalancer } from '../helpers/haproxy.js'
import { usePostgres } from '../helpers/postgres.js'
import { freePort } from '../helpers/http.js'
import { exitOf } from '../helpers/replica.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useTmpDir } from '../helpers/tmp.js'

// Three `newsbot bot` processes in webhook mode on one SQLite file behind HAProxy; the test plays
// Telegram: 1,000 questions from 200 users, each chat's next question sent once the previous one was
// acknowledged, 10 % delivered twice, a failed delivery resent. One replica is SIGKILLed halfway, at a
// moment it is handling an update. Every question must be answered once, in order per chat: the updates
// the killed replica had not started replying to are taken over and answered by another; those whose
// reply it had started sending are not (it may have arrived). The one way to lose an answer is a kill
// between that mark and the request leaving the process; the test counts and prints such losses.
// The same run on one SQLite file and on one PostgreSQL database.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = fileURLToPath(new URL('../../src/channels/cli/main.ts', import.meta.url))
const USERS = 200
const PER_USER = 5
const FIRST_USER = 500_000
const SECRET = 'replicas_secret'
const LEASE_SECONDS = 3
const RESEND_AFTER_MS = 200
// Questions the bundled samples answer, each with a fact its answer must quote.
const QUESTIONS: [string, string][] = [
  ['经开区已经分配了多少套安置房？', '3636套'],
  ['王庄村改造到哪一步了？', '王庄村'],
  ['小微企业融资难，区里有什么办法？', '融资'],
  ['森林防火有什么要求？', '灭火'],
  ['哪个社区开展了志愿服务？', '志愿'],
]

const tmp = useTmpDir()
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

interface Replica {
  child: ChildProcess
  port: number
  /** The prefix of the holder id this process claims updates with. */
  holder: string
  exited: Promise<number | null>
}

function startReplica(location: string, api: FakeBotApi, lbPort: number, port: number): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--db', location, 'bot'], {
    cwd: ROOT,
    env: {
      ...process.env, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, NEWSBOT_DB: '', NEWSBOT_DATABASE_URL: '',
      OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_LOG_LEVEL: 'warn', NEWSBOT_TIMEZONE: 'Asia/Shanghai',
      NEWSBOT_WEBHOOK_URL: `http://127.0.0.1:${lbPort}/hook`, NEWSBOT_WEBHOOK_SECRET: SECRET, NEWSBOT_WEBHOOK_PORT: String(port),
      NEWSBOT_WEBHOOK_LEASE_SECONDS: String(LEASE_SECONDS),
      // Five questions a minute per user is the default; the driver asks faster. One answer thread per
      // process: three processes share the machine's cores.
      NEWSBOT_RATE_PER_MINUTE: '0', NEWSBOT_DAILY_QUOTA: '0', NEWSBOT_ANSWER_THREADS: '1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const exited = exitOf(child)
  const replica = { child, port, holder: `${hostname()}/${child.pid}/`, exited }
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  })
  return replica
}

/** Telegram's side: delivers an update until some replica answers 2xx, resending after a failure. */
function createDriver(lbPort: number) {
  const stats = { deliveries: 0, failed: 0 }
  const deliver = async (update: Update): Promise<void> => {
    for (;;) {
      stats.deliveries++
      try {
        const res = await fetch(`http://127.0.0.1:${lbPort}/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify(update),
          signal: AbortSignal.timeout(60_000),
        })
        await res.arrayBuffer()
        if (res.ok) return
      } catch {
        // A reset or refused connection: resent like a non-2xx answer.
      }
      stats.failed++
      await sleep(RESEND_AFTER_MS)
    }
  }
  return { deliver, stats }
}

const repliedTo = (c: ApiCall) => Number((c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id)
const replyKey = (c: ApiCall) => `${String(c.payload.chat_id)}/${repliedTo(c)}`

/** The claim rows the test reads, from the store the replicas share. */
interface Claims {
  /** Updates a holder (by its id's prefix) claimed and has not finished. */
  openOf(holder: string): Promise<number[]>
  /** Of the given updates, those whose reply had started going out. */
  replying(updateIds: number[]): Promise<number[]>
  unfinished(): Promise<number>
  close(): Promise<void>
}

const OPEN_OF = 'SELECT update_id FROM seen_updates WHERE claimed_by LIKE $1 AND done_at IS NULL'
const REPLYING = 'SELECT update_id FROM seen_updates WHERE update_id = ANY($1) AND replying_at IS NOT NULL'
const UNFINISHED = 'SELECT count(*) AS n FROM seen_updates WHERE done_at IS NULL'

function sqliteClaims(file: string): Claims {
  const db = openDb(file, { readonly: true })
  const ids = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().all(...params) as number[]
  return {
    openOf: async (holder) => ids(OPEN_OF.replace('$1', '?'), `${holder}%`),
    replying: async (updateIds) => ids(REPLYING.replace('= ANY($1)', `IN (${updateIds.map(() => '?').join(',')})`), ...updateIds),
    unfinished: async () => db.prepare<[], number>(UNFINISHED).pluck().get()!,
    close: async () => {
      db.close()
    },
  }
}

async function postgresClaims(url: string): Promise<Claims> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const ids = async (sql: string, param: unknown) => (await client.query<{ update_id: string }>(sql, [param])).rows.map((r) => Number(r.update_id))
  return {
    openOf: (holder) => ids(OPEN_OF, `${holder}%`),
    replying: (updateIds) => ids(REPLYING, updateIds),
    unfinished: async () => Number((await client.query<{ n: string }>(UNFINISHED)).rows[0]!.n),
    close: () => client.end(),
  }
}

const server = usePostgres()

// Under CI a missing HAProxy is a failure, not a skip: .ci/run installs it.
const skip = !HAPROXY && process.env.CI !== 'true'
if (skip) console.warn('bot-replicas: skipped, HAProxy is not installed (Debian package haproxy)')

/** The store the replicas share, filled with the sample bulletins: a SQLite file or a PostgreSQL database. */
async function sampleStore(backend: 'sqlite' | 'postgres'): Promise<{ location: string; claims: Claims }> {
  const file = await writeSampleDb(join(tmp(), 'newsbot.db'))
  if (backend === 'sqlite') return { location: file, claims: sqliteClaims(file) }
  const url = await server.createDatabase()
  await migrateStore(file, url, (a) => ({ titleTokens: tokenizeForIndex([a.title, a.subtitle ?? ''].join(' ').trim()), bodyTokens: tokenizeForIndex(a.text) }))
  return { location: url, claims: await postgresClaims(url) }
}

describe.skipIf(skip)('three bot replicas behind HAProxy (skipped when haproxy is not installed, outside CI)', () => {
  it.each([
    { backend: 'sqlite' as const },
    // Under CI a missing PostgreSQL is a failure too: .ci/run starts one.
    ...(server.available || process.env.CI === 'true' ? [{ backend: 'postgres' as const }] : []),
  ])('answers 1,000 questions from 200 users in order per chat across a SIGKILL halfway, none twice ($backend)', async ({ backend }) => {
    const { location, claims } = await sampleStore(backend)
    cleanup.push(() => claims.close())
    const api = await startFakeBotApi()
    cleanup.push(() => api.close())
    const ports = await Promise.all([freePort(), freePort(), freePort()])
    const lb: LoadBalancer = await startHaproxy(tmp(), ports)
    cleanup.push(() => lb.close())
    const replicas = ports.map((port) => startReplica(location, api, lb.port, port))
    await Promise.all(replicas.map((r) => waitForPort(r.port, () => (r.child.exitCode !== null ? `replica exited ${r.child.exitCode}` : null), 60_000)))
    await api.waitFor((c) => c.method === 'setWebhook' && api.calls.filter((x) => x.method === 'setWebhook').length === 3, 60_000)

    // Each user in their own group, asking with /ask, so every answer names the message it answers.
    const chats = Array.from({ length: USERS }, (_, i) => ({ user: FIRST_USER + i, chat: -(FIRST_USER + i) }))
    const keyOf = (chat: unknown, messageId: number) => `${String(chat)}/${messageId}`
    const facts = new Map<string, string>() // chat/message → the fact its answer quotes
    const byUpdate = new Map<number, string>() // update id → chat/message
    const order = new Map<number, number[]>() // chat → its question message ids in update order
    const driver = createDriver(lb.port)
    let acknowledged = 0
    const random = seeded(15)
    const runChat = async ({ user, chat }: { user: number; chat: number }, n: number) => {
      for (let k = 0; k < PER_USER; k++) {
        const [question, fact] = QUESTIONS[(n + k) % QUESTIONS.length]!
        const update = api.sendText(chat, user, `/ask ${question}`, { chatType: 'group' })
        const messageId = update.message!.message_id
        facts.set(keyOf(chat, messageId), fact)
        byUpdate.set(update.update_id, keyOf(chat, messageId))
        order.set(chat, [...(order.get(chat) ?? []), messageId])
        // One in ten is delivered twice, the second while the first may still be under way.
        const twice = random() < 0.1
        await Promise.all([driver.deliver(update), twice ? sleep(random() * 50).then(() => driver.deliver(update)) : null])
        acknowledged++
      }
    }
    const started = Date.now()
    const done = Promise.all(chats.map((c, n) => runChat(c, n)))

    // Halfway, at a moment the victim holds an update it has not finished.
    const victim = replicas[0]!
    while (acknowledged < (USERS * PER_USER) / 2 || (await claims.openOf(victim.holder)).length === 0) await sleep(2)
    victim.child.kill('SIGKILL')
    await victim.exited
    const inFlight = await claims.openOf(victim.holder)
    const replying = new Set((await claims.replying(inFlight)).map((id) => byUpdate.get(id)!))

    await done
    // An update acknowledged after 5 s may still be under way, or be taken over from the victim by a
    // live replica without a resend: wait until no claim is open.
    await settled(claims)
    const elapsed = Date.now() - started

    const replies = api.calls.filter((c) => c.method === 'sendMessage')
    expect(replies.filter((c) => c.status !== 200)).toEqual([])
    const count = new Map<string, number>()
    for (const c of replies) count.set(replyKey(c), (count.get(replyKey(c)) ?? 0) + 1)
    const everyQuestion = [...order].flatMap(([chat, ids]) => ids.map((id) => keyOf(chat, id)))
    expect(everyQuestion).toHaveLength(USERS * PER_USER)
    // Every reply answers one of the questions, and none twice.
    expect([...count.keys()].filter((k) => !everyQuestion.includes(k))).toEqual([])
    expect(everyQuestion.filter((k) => count.get(k)! > 1)).toEqual([])
    // Unanswered only if the victim died after marking its reply as going out and before it left.
    const unanswered = everyQuestion.filter((k) => !count.has(k))
    expect(unanswered.filter((k) => !replying.has(k))).toEqual([])
    console.log(
      `bot-replicas (${backend}): ${USERS * PER_USER} questions in ${(elapsed / 1000).toFixed(1)} s, ${driver.stats.deliveries} deliveries ` +
      `(${driver.stats.failed} failed and resent); killed replica held ${inFlight.length} unfinished update(s): ` +
      `${inFlight.length - replying.size} taken over and answered once, ${replying.size} replying (left as answered: ` +
      `${replying.size - unanswered.length} reached the Bot API, ${unanswered.length} lost)`,
    )
    expect(inFlight.length).toBeGreaterThan(0)

    // In order per chat, and each answer quotes its question's fact.
    for (const [chat, ids] of order) {
      const firsts = replies.filter((c) => Number(c.payload.chat_id) === chat).map(repliedTo)
      expect(firsts, `chat ${chat}`).toEqual(ids.filter((id) => count.has(keyOf(chat, id))))
    }
    for (const c of replies) expect(String(c.payload.text), replyKey(c)).toContain(facts.get(replyKey(c)))

    for (const r of replicas.slice(1)) r.child.kill('SIGTERM')
    expect(await Promise.all(replicas.slice(1).map((r) => r.exited))).toEqual([0, 0])
  }, 150_000)
})

/** Resolves once every claimed update is finished. */
async function settled(claims: Claims, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (let open = await claims.unfinished(); open > 0; open = await claims.unfinished()) {
    if (Date.now() > until) throw new Error(`${open} updates still unfinished`)
    await sleep(50)
  }
}

/** A repeatable random sequence in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
