import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnBot, type BotProcess } from '../channels/telegram/bot-process.js'
import { ADMIN, openFixtureDb } from '../channels/telegram/harness.js'
import { startFakeBotApi, type ApiCall, type FakeBotApi } from '../helpers/fake-bot-api.js'
import { startOpenAiStub, type OpenAiStub } from '../helpers/openai-stub.js'
import { useTmpDir } from '../helpers/tmp.js'

// `newsbot bot` as a real process, long polling the project's fake Bot API on 127.0.0.1.

const tmp = useTmpDir()
const QUESTION = '经开区已经分配了多少套安置房？'
const TOKEN = '123:abc'

let fake: FakeBotApi
let stub: OpenAiStub
let dbPath: string
beforeAll(async () => {
  fake = await startFakeBotApi({ token: TOKEN })
  stub = await startOpenAiStub()
})
afterAll(async () => {
  await Promise.all([fake.close(), stub.close()])
})

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DB: dbPath, NEWSBOT_ADMINS: String(ADMIN),
    NEWSBOT_RATE_PER_MINUTE: '3', NEWSBOT_LOG_LEVEL: 'info', ...extra,
  }
}

/** The bot's next successful message to a chat, past or future. */
const replyTo = (chatId: number, after = 0, match: (text: string) => boolean = () => true) =>
  fake.waitFor((c: ApiCall) => c.method === 'sendMessage' && c.status === 200 && c.at >= after &&
    Number(c.payload.chat_id) === chatId && match(String(c.payload.text)), 20_000)

describe('newsbot bot, over the wire', () => {
  let bot: BotProcess

  it('starts, publishes its Chinese command menu and answers with sources', async () => {
    const dir = tmp()
    dbPath = join(dir, 'bot.db')
    ;(await openFixtureDb(dbPath)).close()
    bot = spawnBot(env())
    await bot.waitForLog('bot started (long polling)')
    expect(fake.commands).toContainEqual({ command: 'ask', description: expect.stringContaining('提问') })

    fake.sendText(1, 1, QUESTION)
    const answer = await replyTo(1)
    expect(answer.payload.text).toContain('3636套')
    expect(answer.payload.text).toContain('<b>来源</b>\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
  })

  it('opens the cited article from its button', async () => {
    const [answer] = fake.messagesTo(1)
    const started = Date.now()
    fake.pressButton(1, 1, answer!.message_id, 'src:a-housing:0')
    const article = await replyTo(1, started)
    expect(article.payload.text).toMatch(/^<b>经开区安置房分配工作全面完成<\/b>\n<i>经开时报 · 2023-11-15<\/i>\n\n本报讯/)
    await fake.waitFor((c) => c.method === 'answerCallbackQuery' && c.status === 200)
  })

  it('stays silent on group chatter and answers /ask in the same group', async () => {
    fake.sendText(-200, 2, '大家早上好，今天开会吗', { chatType: 'group' })
    fake.sendText(-200, 2, `/ask ${QUESTION}`, { chatType: 'group' })
    await replyTo(-200)
    // Updates of one chat are handled in order, so the chatter was handled (and ignored) first.
    expect(fake.messagesTo(-200).map((m) => m.text)).toEqual([expect.stringContaining('3636套')])
  })

  it('answers the rate limit politely', async () => {
    for (let i = 0; i < 3; i++) {
      const started = Date.now()
      fake.sendText(3, 3, `${QUESTION}${'？'.repeat(i)}`)
      await replyTo(3, started)
    }
    fake.sendText(3, 3, QUESTION)
    const refused = await replyTo(3, 0, (t) => t.startsWith('提问太频繁'))
    expect(refused.payload.text).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/)
  })

  it('refuses /stats to a non-admin and shows it to an admin', async () => {
    fake.sendText(4, 4, '/stats')
    expect((await replyTo(4)).payload.text).toBe('抱歉，这个命令仅限管理员使用。')
    fake.sendText(ADMIN, ADMIN, '/stats')
    expect((await replyTo(ADMIN)).payload.text).toMatch(/今天提问 \d+ 个/)
  })

  it('stops cleanly on SIGTERM, and its logs hold neither the token nor user names', async () => {
    bot.child.kill('SIGTERM')
    expect(await bot.exited).toEqual({ code: 0, signal: null })
    await bot.waitForLog('stopped', 1000)
    expect(bot.stdout()).not.toContain(TOKEN)
    expect(bot.stdout()).not.toContain('abc')
    expect(bot.stdout()).not.toMatch(/用户\d/)
    expect(bot.stderr()).toBe('')
  })

  it('with an LLM: streams in a private chat, finishes an answer under way at SIGTERM, and replays no update after a restart', async () => {
    const before = fake.messagesTo(1).length
    stub.script = (req) => {
      const n = /<source n="(\d+)" title="经开区安置房分配工作全面完成"/.exec(req.body.messages.at(-1)!.content)?.[1]
      return { text: `截至目前，经开区已累计分配安置房3636套[${n}]。`, delayMs: 1500 }
    }
    bot = spawnBot(env({ OPENAI_BASE_URL: stub.baseURL, OPENAI_MODEL: 'stub-model' }))
    await bot.waitForLog('bot started (long polling)')
    fake.sendText(5, 5, QUESTION)
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => stub.requests.length > 0 && (clearInterval(poll), resolve()), 20)
    })
    bot.child.kill('SIGTERM') // while the model is still thinking
    expect(await bot.exited).toEqual({ code: 0, signal: null })
    const [message] = fake.messagesTo(5)
    expect(message?.text).toBe('截至目前，经开区已累计分配安置房3636套[1]。\n\n来源\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
    expect(message?.edit_date).toBeDefined() // streamed: sent as a preview, then edited into the answer
    expect(fake.messagesTo(1)).toHaveLength(before) // the first run's updates were confirmed, not replayed
  })
})
