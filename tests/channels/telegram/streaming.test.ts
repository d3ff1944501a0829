import { Bot } from 'grammy'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/answer/index.js'
import { createIndex } from '../../../src/retrieve/index.js'
import { createLogger } from '../../../src/channels/telegram/index.js'
import { createStreamer } from '../../../src/channels/telegram/streaming.js'
import { loadConfig } from '../../../src/config.js'
import type { Db } from '../../../src/store/index.js'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { startOpenAiStub, type OpenAiStub, type StubRequest } from '../../helpers/openai-stub.js'
import { createTestBot, openFixtureDb } from './harness.js'
import { createLlmClient } from '../../../src/llm/index.js'

let fake: FakeBotApi
let stub: OpenAiStub
let db: Db
beforeEach(async () => {
  fake = await startFakeBotApi()
  stub = await startOpenAiStub()
  db = await openFixtureDb()
})
afterEach(async () => {
  await Promise.all([fake.close(), stub.close()])
  db.close()
})

const USER = 7
const QUESTION = '经开区已经分配了多少套安置房？'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The number the prompt gave the article with this title. */
function sourceNumber(req: StubRequest, title: string): number {
  const m = new RegExp(`<source n="(\\d+)" title="${title}"`).exec(req.body.messages.at(-1)!.content)
  if (!m) throw new Error(`source ${title} not in prompt`)
  return Number(m[1])
}

function llmBot(env: Record<string, string> = {}) {
  const llm = createLlmClient(loadConfig({ OPENAI_BASE_URL: stub.baseURL, OPENAI_MODEL: 'stub-model', ...env }).llm)
  return createTestBot(fake, db, { answer: (q, o) => answerQuestion(createIndex(db), q, { ...o, llm }) })
}

describe('LLM answers', () => {
  it('stream into one private message whose final edit carries the sources and buttons', async () => {
    // The first sentence shows once the second has begun; the model then pauses before the rest.
    stub.script = (req) => {
      const n = sourceNumber(req, '经开区安置房分配工作全面完成')
      return { chunks: [`截至目前，经开区已累计分配安置房3636套[${n}]。`, '下一步，', `经开区将继续做好安置房配套设施建设[${n}]。`], chunkDelayMs: 1200 }
    }
    await llmBot().feed(fake.sendText(USER, USER, QUESTION))
    const writes = fake.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
    expect(writes[0]).toMatchObject({ method: 'sendMessage', status: 200, payload: { text: '截至目前，经开区已累计分配安置房3636套[1]。 …' } })
    expect(writes.at(-1)).toMatchObject({ method: 'editMessageText', status: 200 })
    expect(writes.filter((c) => c.method === 'sendMessage')).toHaveLength(1)
    const [message] = fake.messagesTo(USER)
    expect(message?.text).toBe('截至目前，经开区已累计分配安置房3636套[1]。下一步，经开区将继续做好安置房配套设施建设[1]。\n\n来源\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
    expect(message?.reply_markup?.inline_keyboard.flat()).toEqual([expect.objectContaining({ callback_data: 'src:a-housing:0' })])
  })

  it('arrive in a group as one message, without edits', async () => {
    stub.script = (req) => ({ text: `经开区已累计分配安置房3636套[${sourceNumber(req, '经开区安置房分配工作全面完成')}]。` })
    await llmBot().feed(fake.sendText(-5, USER, `/ask ${QUESTION}`, { chatType: 'group' }))
    expect(fake.calls.filter((c) => c.method === 'editMessageText')).toEqual([])
    expect(fake.messagesTo(-5).map((m) => m.text)).toEqual([expect.stringContaining('[1] 经开区安置房分配工作全面完成')])
  })

  it('end in the extractive answer with a notice when the model stalls mid-stream', async () => {
    stub.script = () => ({ text: '经开区已累计分配安置房', stallAfterChunks: 2 })
    await llmBot({ NEWSBOT_LLM_TIMEOUT_MS: '500', NEWSBOT_LLM_MAX_RETRIES: '0' }).feed(fake.sendText(USER, USER, QUESTION))
    const [message] = fake.messagesTo(USER)
    expect(fake.messagesTo(USER)).toHaveLength(1)
    expect(message?.text).toContain('3636套')
    expect(message?.text).toMatch(/^大模型暂时无法回答，以下是从报道中直接摘录的回答。\n\n/) // before the answer
    expect(message?.text).not.toMatch(/秒|HTTP|127\.0\.0\.1/) // the detail is for the log
    expect(message?.text).not.toMatch(/ …$/)
  })
})

describe('the streamer', () => {
  it('turns the streamed message into the first part of a long answer and sends the rest, buttons on the last', async () => {
    const bot = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } })
    const keyboard = { inline_keyboard: [[{ text: '📄 [1] 原文', callback_data: 'src:a-1:0' }]] }
    bot.command('long', async (ctx) => {
      const streamer = createStreamer(ctx, createLogger({ level: 'silent' }))
      streamer.push('第一部分')
      await new Promise((resolve) => setTimeout(resolve, 100))
      await streamer.finish(['第一部分。', '第二部分。', '<b>来源</b>\n[1] 标题'], keyboard)
    })
    await bot.handleUpdate(fake.sendText(USER, USER, '/long'))
    const messages = fake.messagesTo(USER)
    expect(messages.map((m) => [m.text, m.reply_markup])).toEqual([['第一部分。', undefined], ['第二部分。', undefined], ['来源\n[1] 标题', keyboard]])
    expect(messages[0]?.edit_date).toBeDefined()
  })

  it('replaces a half-streamed answer with an apology when the answerer fails', async () => {
    const t = createTestBot(fake, db, {
      answer: async (_q, o) => {
        o.onToken?.('经开区已累计分配')
        await new Promise((resolve) => setTimeout(resolve, 100))
        throw new Error('connection reset')
      },
    })
    await t.feed(fake.sendText(USER, USER, QUESTION))
    expect(fake.messagesTo(USER).map((m) => m.text)).toEqual(['抱歉，处理时出了点问题，请稍后再试。'])
    expect(t.logs.some((l) => l.msg === 'answer failed while streaming')).toBe(true)
  })

  /** Streams 44 tokens 50 ms apart through a bot whose API calls take `latencyMs` longer; returns its writes. */
  async function streamSlowly(latencyMs: number) {
    const bot = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } })
    bot.api.config.use(async (prev, method, payload, signal) => {
      await sleep(latencyMs)
      return prev(method, payload, signal)
    })
    const log = createLogger({ level: 'silent' })
    bot.command('slow', async (ctx) => {
      const streamer = createStreamer(ctx, log)
      for (let i = 0; i < 44; i++) {
        streamer.push(`第${i}句。`)
        await sleep(50)
      }
      await streamer.finish(['完整的回答。'])
    })
    await bot.handleUpdate(fake.sendText(USER, USER, '/slow'))
    return fake.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
  }

  it('keeps a second between edits also when Telegram is slow to answer each one', async () => {
    const writes = await streamSlowly(300)
    const previews = writes.slice(0, -1)
    expect(previews.length).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < previews.length; i++) expect(previews[i]!.at - previews[i - 1]!.at).toBeGreaterThanOrEqual(800)
  })

  it('writes a growing answer at most about once a second', async () => {
    const writes = await streamSlowly(0)
    // 2.2 seconds or more of tokens: the first write, then edits about a second apart (a slow
    // machine only spaces them further; the margin is for request latency), then the final edit.
    const previews = writes.slice(0, -1)
    expect(previews.length).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < previews.length; i++) expect(previews[i]!.at - previews[i - 1]!.at).toBeGreaterThanOrEqual(800)
    expect(writes.at(-1)).toMatchObject({ method: 'editMessageText', payload: { text: '完整的回答。' } })
    expect(fake.messagesTo(USER).map((m) => m.text)).toEqual(['完整的回答。'])
  })
})
