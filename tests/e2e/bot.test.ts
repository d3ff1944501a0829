import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnBot, type BotProcess } from '../channels/telegram/bot-process.js'
import { runCli } from '../helpers/cli.js'
import { ADMIN, openFixtureDb } from '../channels/telegram/harness.js'
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.js'
import { startOpenAiStub, type OpenAiStub } from '../helpers/openai-stub.js'

// `newsbot bot` as a real process, long polling the project's fake Bot API on 127.0.0.1.

const QUESTION = '经开区已经分配了多少套安置房？'
const TOKEN = '123:abc'

let fake: FakeBotApi
let stub: OpenAiStub
let dir: string
let dbPath: string
beforeAll(async () => {
  fake = await startFakeBotApi({ token: TOKEN })
  stub = await startOpenAiStub()
  // One database for both runs: the second must find the first run's turns and confirmed updates.
  dir = mkdtempSync(join(tmpdir(), 'newsbot-bot-e2e-'))
  dbPath = join(dir, 'bot.db')
  ;(await openFixtureDb(dbPath)).close()
})
afterAll(async () => {
  await Promise.all([fake.close(), stub.close()])
  rmSync(dir, { recursive: true, force: true })
})

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DB: dbPath, NEWSBOT_ADMINS: String(ADMIN),
    NEWSBOT_RATE_PER_MINUTE: '3', NEWSBOT_LOG_LEVEL: 'info', ...extra,
  }
}

/** The bot's n-th message in a chat (1-based), once it is there. */
async function nthReply(chatId: number, n: number): Promise<string> {
  await fake.waitFor(() => fake.messagesTo(chatId).length >= n, 20_000)
  return fake.messagesTo(chatId)[n - 1]!.text ?? ''
}

describe('newsbot bot, over the wire', () => {
  let bot: BotProcess

  it('starts, publishes its Chinese command menu and answers with sources', async () => {
    bot = spawnBot(env())
    await bot.waitForLog('bot started (long polling)')
    expect(fake.commands).toContainEqual({ command: 'ask', description: expect.stringContaining('提问') })

    fake.sendText(1, 1, QUESTION)
    const answer = await nthReply(1, 1)
    expect(answer).toContain('3636套')
    expect(answer).toContain('来源\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
  })

  it('opens the cited article from its button', async () => {
    const [answer] = fake.messagesTo(1)
    fake.pressButton(1, 1, answer!.message_id, 'src:a-housing:0')
    expect(await nthReply(1, 2)).toMatch(/^经开区安置房分配工作全面完成\n经开时报 · 2023-11-15\n\n本报讯/)
    await fake.waitFor((c) => c.method === 'answerCallbackQuery' && c.status === 200)
  })

  it('stays silent on group chatter and answers /ask in the same group', async () => {
    fake.sendText(-200, 2, '大家早上好，今天开会吗', { chatType: 'group' })
    fake.sendText(-200, 2, `/ask ${QUESTION}`, { chatType: 'group' })
    await nthReply(-200, 1)
    // Updates of one chat are handled in order, so the chatter was handled (and ignored) first.
    expect(fake.messagesTo(-200).map((m) => m.text)).toEqual([expect.stringContaining('3636套')])
  })

  it('answers the rate limit politely', async () => {
    for (let n = 1; n <= 3; n++) {
      const { update_id } = fake.sendText(3, 3, QUESTION)
      // The answer is logged once the question is finished, so the next one is not "still in flight".
      await bot.waitForLog('answered', { where: (l) => l.update === update_id })
      expect(await nthReply(3, n)).toContain('3636套')
    }
    fake.sendText(3, 3, QUESTION)
    expect(await nthReply(3, 4)).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/)
  })

  it('refuses /stats to a non-admin and shows it to an admin', async () => {
    fake.sendText(4, 4, '/stats')
    expect(await nthReply(4, 1)).toBe('抱歉，这个命令仅限管理员使用。')
    fake.sendText(ADMIN, ADMIN, '/stats')
    expect(await nthReply(ADMIN, 1)).toMatch(/今天提问 \d+ 个/)
  })

  it('stops cleanly on SIGTERM, and its logs hold neither the token nor user names', async () => {
    bot.child.kill('SIGTERM')
    expect(await bot.exited).toEqual({ code: 0, signal: null })
    await bot.waitForLog('stopped', { timeoutMs: 1000 })
    expect(bot.stdout()).not.toContain(TOKEN)
    expect(bot.stdout()).not.toContain('abc')
    expect(bot.stdout()).not.toMatch(/用户\d/)
    expect(bot.stderr()).toBe('')
  })

  it('with an LLM: streams in a private chat, finishes an answer under way at SIGTERM, and replays no update after a restart', async () => {
    const before = fake.messagesTo(1).length
    stub.script = (req) => {
      const n = /<source n="(\d+)" title="经开区安置房分配工作全面完成"/.exec(req.body.messages.at(-1)!.content)?.[1]
      // Chunks far enough apart that the preview (the first checked sentence) is sent before the answer is complete.
      return { chunks: [`截至目前，经开区已累计分配安置房3636套[${n}]。`, '下一步，', `经开区将继续做好安置房配套设施建设[${n}]。`], delayMs: 1500, chunkDelayMs: 1200 }
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
    expect(message?.text).toBe('截至目前，经开区已累计分配安置房3636套[1]。下一步，经开区将继续做好安置房配套设施建设[1]。\n\n来源\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
    expect(message?.edit_date).toBeDefined() // streamed: sent as a preview, then edited into the answer
    expect(fake.messagesTo(1)).toHaveLength(before) // the first run's updates were confirmed, not replayed
  })
})

describe('newsbot bot, misconfigured', () => {
  it('exits 2 without a token and 1 when Telegram refuses it, with one sentence and no token', async () => {
    const missing = await runCli(['bot'], { NEWSBOT_DB: dbPath, TELEGRAM_BOT_TOKEN: '' })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^newsbot: 未设置 TELEGRAM_BOT_TOKEN/)
    const refused = await runCli(['bot'], { NEWSBOT_DB: dbPath, TELEGRAM_BOT_TOKEN: '999:wrong-token', TELEGRAM_API_ROOT: fake.apiRoot })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^newsbot: 无法连接 Telegram（.*401: Unauthorized.*），请检查 TELEGRAM_BOT_TOKEN/)
    expect(refused.stderr + refused.stdout).not.toContain('wrong-token')
  })
})
