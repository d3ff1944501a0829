import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/answer/index.js'
import { startBot, type Answerer, type RunningBot } from '../../../src/channels/telegram/index.js'
import { createQuestionIndex, tokenizeForIndex } from '../../../src/retrieve/index.js'
import { migrateStore, openPostgresStore, type Store } from '../../../src/store/index.js'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { usePostgres } from '../../helpers/postgres.js'
import { useSuiteTmpDir } from '../../helpers/tmp.js'
import { createTestBot, openFixtureDb } from './harness.js'

// Webhook replicas on one PostgreSQL store: each its own pool and webhook server, as separate processes would be.

const QUESTION = '经开区已经分配了多少套安置房？'
const FOLLOW_UP = '二七区新增了多少绿化面积？'
const SECRET = 'replica_secret'
const WEBHOOK = {
  NEWSBOT_WEBHOOK_URL: 'https://bot.example.cn/hook', NEWSBOT_WEBHOOK_SECRET: SECRET, NEWSBOT_WEBHOOK_PORT: '0', NEWSBOT_WEBHOOK_LEASE_SECONDS: '1',
}

const server = usePostgres()
const tmp = useSuiteTmpDir()

describe.skipIf(!server.available)('webhook replicas on PostgreSQL', () => {
  let fake: FakeBotApi
  let url: string
  const stores: Store[] = []
  const bots: RunningBot[] = []
  beforeAll(async () => {
    fake = await startFakeBotApi()
    const file = join(tmp(), 'fixture.db')
    ;(await openFixtureDb(file)).close()
    url = await server.createDatabase()
    await migrateStore(file, url, (a) => ({ titleTokens: tokenizeForIndex([a.title, a.subtitle ?? ''].join(' ').trim()), bodyTokens: tokenizeForIndex(a.text) }))
  }, 60_000)
  afterAll(async () => {
    for (const b of bots) await b.stop()
    for (const s of stores) await s.close()
    await fake.close()
  })

  async function startReplica(answer?: Answerer): Promise<(update: Update) => Promise<number>> {
    const store = await openPostgresStore(url, { poolSize: 4 })
    stores.push(store)
    const t = createTestBot(fake, store, { answer, env: WEBHOOK })
    const running = await startBot(t.nb, { config: t.deps.config, logger: t.deps.logger })
    bots.push(running)
    return async (update) => (await fetch(`http://127.0.0.1:${running.port}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    })).status
  }

  it('answers an update delivered twice once, and a chat\'s questions in order across two replicas', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let started!: () => void
    const startedAnswer = new Promise<void>((resolve) => (started = resolve))
    // Replica a answers slowly, so the later question reaching b must wait for it.
    const own = await openPostgresStore(url, { poolSize: 2 })
    stores.push(own)
    const index = createQuestionIndex(own)
    const slow: Answerer = async (q, o) => {
      started()
      await held
      return answerQuestion(index, q, o)
    }
    const [a, b] = [await startReplica(slow), await startReplica()]

    const twice = fake.sendText(21, 21, QUESTION)
    expect(await Promise.all([b(twice), b(twice)])).toEqual([200, 200])
    expect(fake.messagesTo(21).map((m) => m.text)).toEqual([expect.stringContaining('3636套')])

    const first = a(fake.sendText(22, 22, QUESTION))
    await startedAnswer
    const second = b(fake.sendText(22, 22, FOLLOW_UP))
    await sleep(300)
    expect(fake.messagesTo(22)).toHaveLength(0)
    release()
    expect(await Promise.all([first, second])).toEqual([200, 200])
    expect(fake.messagesTo(22).map((m) => m.text)).toEqual([expect.stringContaining('3636套'), expect.stringContaining('120万平方米')])
  })
})
