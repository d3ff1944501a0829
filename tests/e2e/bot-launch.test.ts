import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/index.js'
import { createIndex } from '../../src/retrieve/index.js'
import { startBot } from '../../src/channels/telegram/index.js'
import type { Db } from '../../src/store/index.js'
import { createTestBot, useFakeApiAndDb } from '../channels/telegram/harness.js'
import type { FakeBotApi } from '../helpers/fake-bot-api.js'

let fake: FakeBotApi
let db: Db
useFakeApiAndDb((f) => ({ fake, db } = f))

const HOOK = 'https://bot.example.cn/telegram/hook'
const QUESTION = '经开区已经分配了多少套安置房？'

describe('long polling (the default)', () => {
  it('starts despite a failing setMyCommands, and stop() finishes the answer under way, stops jobs and confirms updates', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const t = createTestBot(fake, db, {
      answer: async (q, o) => {
        await gate
        return answerQuestion(createIndex(db), q, o)
      },
    })
    const events: string[] = []
    fake.queueFault({ method: 'setMyCommands', error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' })
    const running = await startBot(t.nb, {
      config: t.deps.config, logger: t.deps.logger, pollTimeoutSec: 1,
      jobs: [() => ({ stop: () => void events.push('job stopped') })],
    })
    expect(t.logs.some((l) => l.msg === 'setMyCommands failed')).toBe(true)
    const update = fake.sendText(1, 1, QUESTION)
    await fake.waitFor((c) => c.method === 'sendChatAction', 10_000) // the answer is under way
    const stopping = running.stop().then(() => events.push('stopped'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(events).toEqual(['job stopped']) // still waiting for the answer
    release()
    await stopping
    expect(fake.messagesTo(1)[0]?.text).toContain('3636套')
    expect(events).toEqual(['job stopped', 'stopped'])
    const confirm = fake.calls.filter((c) => c.method === 'getUpdates').at(-1)
    expect(Number(confirm?.payload.offset)).toBe(update.update_id + 1)
  })
})

describe('webhook mode (NEWSBOT_WEBHOOK_URL set)', () => {
  it('registers the webhook with a secret, serves updates that carry it, and refuses those that do not', async () => {
    const t = createTestBot(fake, db, { env: { NEWSBOT_WEBHOOK_URL: HOOK, NEWSBOT_WEBHOOK_SECRET: 's3cret_token', NEWSBOT_WEBHOOK_PORT: '0' } })
    const running = await startBot(t.nb, { config: t.deps.config, logger: t.deps.logger })
    try {
      expect(fake.calls.find((c) => c.method === 'setWebhook')?.payload).toMatchObject({ url: HOOK, secret_token: 's3cret_token' })
      const post = (body: unknown, secret?: string, path = '/telegram/hook') =>
        fetch(`http://127.0.0.1:${running.port}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(secret && { 'x-telegram-bot-api-secret-token': secret }) },
          body: JSON.stringify(body),
        })

      const forged = fake.sendText(1, 1, '经开区已经分配了多少套安置房？')
      expect((await post(forged)).status).toBe(401)
      expect((await post(forged, 'wrong')).status).toBe(401)
      expect((await post(forged, 's3cret_token', '/elsewhere')).status).toBe(404)
      const real = fake.sendText(2, 2, '经开区已经分配了多少套安置房？')
      expect((await post(real, 's3cret_token')).status).toBe(200)
      await fake.waitFor(() => fake.messagesTo(2).length > 0, 10_000)
      expect(fake.messagesTo(2)[0]?.text).toContain('3636套')
      expect(fake.messagesTo(1)).toEqual([])
      expect(fake.calls.some((c) => c.method === 'getUpdates')).toBe(false)
    } finally {
      await running.stop()
    }
    await expect(fetch(`http://127.0.0.1:${running.port}/telegram/hook`, { method: 'POST' })).rejects.toThrow()
  })
})
