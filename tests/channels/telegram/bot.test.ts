import { Composer } from 'grammy'
import type { Message } from 'grammy/types'
import { beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion, FALLBACK_NOTICE, type Turn } from '../../../src/answer/index.js'
import { createIndex } from '../../../src/retrieve/index.js'
import type { Answerer } from '../../../src/channels/telegram/index.js'
import { loadConfig } from '../../../src/config.js'
import { InputError } from '../../../src/errors.js'
import { createSqliteStore, type Db } from '../../../src/store/index.js'
import type { FakeBotApi } from '../../helpers/fake-bot-api.js'
import { ADMIN, FIXTURE, LONG_ID, createTestBot, fakeEnv, type TestBot, useFakeApiAndDb } from './harness.js'
import { createSubscriptionComposer } from '../../../src/channels/telegram/index.js'
import { leadSummarizer } from '../../../src/digest/index.js'
import { createLlmClient } from '../../../src/llm/index.js'

let fake: FakeBotApi
let db: Db
useFakeApiAndDb((f) => ({ fake, db } = f))

const USER = 7
const GROUP = -100123
const HOUSING_Q = '经开区已经分配了多少套安置房？'

function buttonsOf(m: Message | undefined): string[] {
  return (m?.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => ('callback_data' in b ? [b.callback_data] : []))
}
const texts = (chat: number) => fake.messagesTo(chat).map((m) => m.text ?? '')
const sent = (method: string) => fake.calls.filter((c) => c.method === method)

describe('in a private chat', () => {
  let t: TestBot
  beforeEach(() => {
    t = createTestBot(fake, db)
  })

  it('/start says which papers and dates it covers, gives examples and an AI notice', async () => {
    await t.feed(fake.sendText(USER, USER, '/start'))
    const [welcome] = texts(USER)
    expect(welcome).toContain('经开时报（3 篇）、二七区新闻（2 篇），2023-08-01 至 2023-11-15')
    expect(welcome).toMatch(/可以这样问：\n· “.+”是怎么回事？/)
    expect(welcome).toContain('可能有误')
  })

  it('/help lists the built-in commands and those of mounted features', async () => {
    const withDigest = createTestBot(fake, db, { bot: { extraCommands: [{ command: 'today', description: '现在查看最新一期简报' }] } })
    await withDigest.feed(fake.sendText(USER, USER, '/help'))
    const [help] = texts(USER)
    expect(help).toContain('· /search 关键词 —— 查找相关报道')
    expect(help).toContain('· /today —— 现在查看最新一期简报')
  })

  it('answers plain text with [n] markers, numbered sources and a button per top source, typing meanwhile', async () => {
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    const [answer] = fake.messagesTo(USER)
    expect(answer?.text).toMatch(/3636套.*\[1\]/)
    expect(answer?.text).toContain('来源\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
    expect(answer?.entities).toContainEqual({ type: 'bold', offset: answer!.text!.indexOf('来源'), length: 2 })
    expect(buttonsOf(answer)).toEqual(['src:a-housing:0'])
    expect(sent('sendChatAction')[0]?.payload).toMatchObject({ chat_id: USER, action: 'typing' })
  })

  it('opens a cited article from its button, and /source N and /sources re-show the last answer', async () => {
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    const answer = fake.messagesTo(USER)[0]!
    await t.feed(fake.pressButton(USER, USER, answer.message_id, 'src:a-housing:0'))
    await t.feed(fake.sendText(USER, USER, '/source 1'))
    await t.feed(fake.sendText(USER, USER, '/sources'))
    await t.feed(fake.sendText(USER, USER, '/source 4'))
    const [, article, again, sources, none] = texts(USER)
    expect(article).toBe(`经开区安置房分配工作全面完成\n经开时报 · 2023-11-15\n\n${FIXTURE[0]!.text}`)
    expect(again).toBe(article)
    expect(sources).toBe('来源\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
    expect(none).toBe('没有第 4 个来源（上一个回答共有 1 个）。')
    expect(sent('answerCallbackQuery').map((c) => c.status)).toEqual([200])
  })

  it('pages through a 20,000-character article in place, and a double tap changes nothing', async () => {
    await t.feed(fake.sendText(USER, USER, '/latest'))
    const list = fake.messagesTo(USER)[0]!
    await t.feed(fake.pressButton(USER, USER, list.message_id, 'src:a-long:0'))
    const pageMsg = fake.messagesTo(USER)[1]!
    const bodies: string[] = []
    let current: Message | undefined = pageMsg
    for (;;) {
      bodies.push(current!.text!.split('\n\n').slice(1).join('\n\n'))
      const next = buttonsOf(current).find((d) => d.startsWith('page:') && d.endsWith(`:${bodies.length}`))
      if (!next) break
      await t.feed(fake.pressButton(USER, USER, pageMsg.message_id, next))
      current = fake.messagesTo(USER).find((m) => m.message_id === pageMsg.message_id)
    }
    expect(bodies.length).toBeGreaterThanOrEqual(5)
    expect(bodies.join('\n').replace(/\s+/g, '')).toBe(FIXTURE[3]!.text.replace(/\s+/g, ''))
    expect(fake.messagesTo(USER)).toHaveLength(2) // every page shown in the same message

    const prev = buttonsOf(current).find((d) => d.startsWith('page:'))!
    const taps = [fake.pressButton(USER, USER, pageMsg.message_id, prev), fake.pressButton(USER, USER, pageMsg.message_id, prev)]
    for (const tap of taps) await t.feed(tap)
    expect(sent('editMessageText').at(-1)).toMatchObject({ status: 400 })
    expect(fake.messagesTo(USER)).toHaveLength(2) // no apology for the refused edit
    expect(sent('answerCallbackQuery').every((c) => c.status === 200)).toBe(true)
  })

  it('names an article whose id is too long for a button by its row number', async () => {
    await t.feed(fake.sendText(USER, USER, '/latest'))
    const list = fake.messagesTo(USER)[0]!
    const data = buttonsOf(list)
    expect(data.every((d) => Buffer.byteLength(d) <= 64)).toBe(true)
    expect(data).not.toContain(`src:${LONG_ID}:0`)
    await t.feed(fake.pressButton(USER, USER, list.message_id, data.at(-1)!))
    expect(texts(USER)[1]).toMatch(/^长编号的报道：绿化工程\n/)
  })

  it('shows HTML in questions and articles as text, never as markup', async () => {
    await t.feed(fake.sendText(USER, USER, '<script>alert(1)</script> 小微企业融资难，区里有什么办法？'))
    await t.feed(fake.sendText(USER, USER, '/search <b>融资</b> & 网页'))
    const list = fake.messagesTo(USER).at(-1)!
    await t.feed(fake.pressButton(USER, USER, list.message_id, 'src:a-html:0'))
    expect(fake.calls.filter((c) => c.status !== 200)).toEqual([])
    const shown = texts(USER)
    expect(shown[1]).toContain('“<b>融资</b> & 网页”的相关报道')
    expect(shown[2]).toContain('<script>alert("x")</script> & 标题')
    expect(shown[2]).toContain('网页代码<script>alert(1)</script>不应被执行，a < b && c > d')
  })

  it('gives follow-ups the chat’s earlier turns, also after a restart', async () => {
    const seen: Turn[][] = []
    const answer: Answerer = (q, o) => {
      seen.push(o.history)
      return answerQuestion(createIndex(db), q, o)
    }
    await createTestBot(fake, db, { answer }).feed(fake.sendText(USER, USER, HOUSING_Q))
    const restarted = createTestBot(fake, db, { answer })
    await restarted.feed(fake.sendText(USER, USER, '那王庄村呢？'))
    expect(seen[0]).toEqual([])
    expect(seen[1]).toEqual([expect.objectContaining({ question: HOUSING_Q, answer: expect.stringContaining('3636套') })])
    await restarted.feed(fake.sendText(USER + 1, USER + 1, '那王庄村呢？'))
    expect(seen[2]).toEqual([]) // another chat has its own turns
  })

  it('explains what it cannot do: unknown commands, stickers, /ask and /search without words', async () => {
    await t.feed(fake.sendText(USER, USER, '/frobnicate'))
    await t.feed(fake.pushUpdate({ message: { message_id: 99, date: 0, chat: { id: USER, type: 'private', first_name: 'x' }, from: { id: USER, is_bot: false, first_name: 'x' }, sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } }))
    await t.feed(fake.sendText(USER, USER, '/ask'))
    await t.feed(fake.sendText(USER, USER, '/search'))
    expect(texts(USER)).toEqual([
      '没有这个命令，发送 /help 查看用法。',
      '我只能回答文字问题，直接发送问题即可。',
      '请在 /ask 后面写上问题，例如：/ask 王庄村改造到哪一步了？',
      '请在 /search 后面写上关键词，例如：/search 安置房',
    ])
  })
})

describe('extra features', () => {
  it('are mounted with their commands in the menu, and get the buttons the bot does not know', async () => {
    const menu = { inline_keyboard: [[{ text: '7:30', callback_data: 'sub:t:07:30' }, { text: '?', callback_data: 'gone:1' }]] }
    const extra = new Composer()
    extra.command('today', (ctx) => ctx.reply('今日简报', { reply_markup: menu }))
    extra.callbackQuery('sub:t:07:30', (ctx) => ctx.answerCallbackQuery({ text: '已更新' }))
    const t = createTestBot(fake, db, { bot: { extra: [extra], extraCommands: [{ command: 'today', description: '今日简报' }] } })
    expect(t.nb.commands).toContainEqual({ command: 'today', description: '今日简报' })
    await t.feed(fake.sendText(USER, USER, '/today'))
    const [digest] = fake.messagesTo(USER)
    expect(digest?.text).toBe('今日简报')
    await t.feed(fake.pressButton(USER, USER, digest!.message_id, 'sub:t:07:30'))
    await t.feed(fake.pressButton(USER, USER, digest!.message_id, 'gone:1'))
    expect(sent('answerCallbackQuery').map((c) => [c.status, c.payload.text])).toEqual([[200, '已更新'], [200, '这个按钮已失效。']])
  })
})

describe('in a group', () => {
  it('answers /ask, mentions and replies to the bot, and ignores everything else', async () => {
    const t = createTestBot(fake, db)
    const opts = { chatType: 'group' as const }
    await t.feed(fake.sendText(GROUP, USER, '今天天气不错', opts))
    await t.feed(fake.sendText(GROUP, USER, '/ask@some_other_bot 安置房', opts))
    await t.feed(fake.sendText(GROUP, USER, '/frobnicate', opts))
    expect(fake.calls).toEqual([])

    const asked = fake.sendText(GROUP, USER, `/ask ${HOUSING_Q}`, opts)
    await t.feed(asked)
    await t.feed(fake.sendText(GROUP, USER + 1, '@newsbot_test_bot 王庄村综合改造什么时候交付？', opts))
    await t.feed(fake.sendText(GROUP, USER + 2, '二七区新增绿化面积多少？', { ...opts, replyToBotMessage: true }))
    const replies = fake.messagesTo(GROUP)
    expect(replies.map((m) => m.text)).toEqual([
      expect.stringContaining('3636套'), expect.stringContaining('6月交付'), expect.stringContaining('120万平方米'),
    ])
    expect(replies[0]?.reply_to_message?.message_id).toBe(asked.message!.message_id)
    expect(sent('editMessageText')).toEqual([]) // no streaming in groups
  })
})

describe('limits', () => {
  it('refuses politely past the per-minute rate and the daily quota, counting only admitted questions', async () => {
    let now = Date.parse('2024-03-01T02:00:00Z')
    const t = createTestBot(fake, db, { env: { NEWSBOT_RATE_PER_MINUTE: '2', NEWSBOT_DAILY_QUOTA: '3' }, now: () => now })
    const ask = () => t.feed(fake.sendText(USER, USER, HOUSING_Q))
    await ask()
    await ask()
    await ask()
    expect(texts(USER)[2]).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/)
    now += 61_000
    await ask()
    await ask()
    expect(texts(USER)[4]).toBe('今天的提问次数已用完（每天 3 次），明天再来吧。')
    now += 24 * 3_600_000
    await ask()
    expect(texts(USER)[5]).toContain('3636套')
  })

  it('keeps one question in flight per user and refuses a second at once', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const answer: Answerer = async (q, o) => {
      await gate
      return answerQuestion(createIndex(db), q, o)
    }
    const t = createTestBot(fake, db, { answer })
    const first = t.feed(fake.sendText(USER, USER, HOUSING_Q))
    await t.feed(fake.sendText(GROUP, USER, `/ask ${HOUSING_Q}`, { chatType: 'group' }))
    await t.feed(fake.sendText(USER, USER, '王庄村综合改造什么时候交付？'))
    expect(texts(GROUP)).toEqual(['上一个问题还在回答中，请稍候再问。'])
    expect(texts(USER)).toEqual([]) // one refusal per user and window is enough
    release()
    await first
    expect(texts(USER)).toEqual([expect.stringContaining('3636套')])
  })

  it('takes the next question once the answer is out, while the turn is still being saved', async () => {
    let release!: () => void
    let saving!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const savingStarted = new Promise<void>((resolve) => (saving = resolve))
    const store = createSqliteStore(db)
    const slowSave: typeof store = { ...store, recordAnswer: async (...a) => (saving(), await gate, store.recordAnswer(...a)) }
    const t = createTestBot(fake, slowSave)
    const first = t.feed(fake.sendText(USER, USER, HOUSING_Q))
    await savingStarted
    const second = t.feed(fake.sendText(USER, USER, '王庄村综合改造什么时候交付？'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    await Promise.all([first, second])
    expect(texts(USER)).toEqual([expect.stringContaining('3636套'), expect.stringContaining('王庄村')])
  })

  it('answers 100 questions sent at once with one answer and one "busy" reply', async () => {
    const t = createTestBot(fake, db, { env: { NEWSBOT_RATE_PER_MINUTE: '1000' } })
    await Promise.all(Array.from({ length: 100 }, () => t.feed(fake.sendText(USER, USER, HOUSING_Q))))
    expect(texts(USER).filter((x) => x.includes('3636套'))).toHaveLength(1)
    expect(texts(USER).filter((x) => x === '上一个问题还在回答中，请稍候再问。')).toHaveLength(1)
  })

  it('counts /search, /today and article buttons against the quota, and refuses at most once per window', async () => {
    let now = Date.parse('2024-03-01T02:00:00Z')
    const env = { NEWSBOT_RATE_PER_MINUTE: '2' }
    const extra = [createSubscriptionComposer({ store: createSqliteStore(db), config: loadConfig(fakeEnv(fake, env)), summarize: leadSummarizer })]
    const t = createTestBot(fake, db, { env, now: () => now, bot: { extra } })
    await t.feed(fake.sendText(USER, USER, '/search 安置房'))
    await t.feed(fake.sendText(USER, USER, '/today'))
    await t.feed(fake.sendText(USER, USER, '/search 安置房'))
    await t.feed(fake.sendText(USER, USER, '/search 王庄村'))
    const replies = texts(USER)
    expect(replies).toHaveLength(3)
    expect(replies[2]).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/)
    const list = fake.messagesTo(USER)[0]!
    await t.feed(fake.pressButton(USER, USER, list.message_id, buttonsOf(list)[0]!))
    expect(texts(USER)).toHaveLength(3) // no article page, no second refusal
    expect(sent('answerCallbackQuery').at(-1)?.status).toBe(200)
    now += 61_000
    await t.feed(fake.pressButton(USER, USER, list.message_id, buttonsOf(list)[0]!))
    expect(texts(USER)).toHaveLength(4) // the article page
  })

  it('refuses a question over the length limit without asking the answerer', async () => {
    const asked: string[] = []
    const t = createTestBot(fake, db, { answer: async (q, o) => (asked.push(q), answerQuestion(createIndex(db), q, o)) })
    await t.feed(fake.sendText(USER, USER, '安置房'.repeat(200)))
    expect(texts(USER)).toEqual(['问题太长了（600 字），请精简到 500 字以内。'])
    expect(asked).toEqual([])
  })
})

describe('admin commands', () => {
  it('/stats and /unanswered answer admins and politely refuse everyone else', async () => {
    const t = createTestBot(fake, db)
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    await t.feed(fake.sendText(USER, USER, '火星上的咖啡馆几点开门？'))
    await t.feed(fake.sendText(USER, USER, '/stats'))
    await t.feed(fake.sendText(USER, USER, '/unanswered'))
    expect(texts(USER).slice(2)).toEqual(['抱歉，这个命令仅限管理员使用。', '抱歉，这个命令仅限管理员使用。'])

    await t.feed(fake.sendText(ADMIN, ADMIN, '/stats'))
    await t.feed(fake.sendText(ADMIN, ADMIN, '/unanswered'))
    const [stats, unanswered] = texts(ADMIN)
    expect(stats).toContain('文章 5 篇，报纸 2 种，2023-08-01 至 2023-11-15')
    expect(stats).toContain('今天提问 2 个，其中未能回答 1 个（50%）')
    expect(unanswered).toMatch(/^最近答不上来的问题\n· 火星上的咖啡馆几点开门？ {2}\d{4}-\d{2}-\d{2}$/)
  })
})

describe('when things fail', () => {
  it('says an InputError as is, apologises for anything else, and keeps handling updates', async () => {
    const failures = [new InputError('资料库正在更新，请一分钟后再问。'), new Error('boom')]
    const t = createTestBot(fake, db, {
      answer: async (q, o) => {
        const failure = failures.shift()
        if (failure) throw failure
        return answerQuestion(createIndex(db), q, o)
      },
    })
    for (let i = 0; i < 3; i++) await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    expect(texts(USER)).toEqual(['资料库正在更新，请一分钟后再问。', '抱歉，处理时出了点问题，请稍后再试。', expect.stringContaining('3636套')])
    expect(t.logs.filter((l) => l.msg === 'handler failed')).toHaveLength(2)
  })

  it('answers even when the typing indicator fails, and retries a 429 after retry_after', async () => {
    const t = createTestBot(fake, db)
    fake.queueFault({ method: 'sendChatAction', error_code: 400, description: 'Bad Request: not enough rights' })
    fake.queueFault({ method: 'sendMessage', error_code: 429, retry_after: 1 })
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    expect(texts(USER)).toEqual([expect.stringContaining('3636套')])
    expect(sent('sendMessage').map((c) => c.status)).toEqual([429, 200])
    expect(t.logs.some((l) => l.msg === 'sendChatAction failed')).toBe(true)
  })

  it('logs a user who blocked the bot and goes on with others', async () => {
    const t = createTestBot(fake, db)
    fake.sendText(USER + 1, USER + 1, '你好')
    fake.block(USER + 1)
    await t.feed(fake.sendText(USER + 1, USER + 1, HOUSING_Q))
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    expect(texts(USER)).toEqual([expect.stringContaining('3636套')])
    expect(t.logs.some((l) => l.msg === 'handler failed')).toBe(true)
  })

  it('logs questions without user names and never the token', async () => {
    const t = createTestBot(fake, db)
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    const all = JSON.stringify(t.logs)
    expect(t.logs.find((l) => l.msg === 'answered')).toMatchObject({ question: HOUSING_Q, mode: 'extractive', abstained: false })
    expect(all).not.toContain(`用户${USER}`)
    expect(all).not.toContain(fake.token)
  })
})

describe('the handlers\' API (createBot\'s own stack)', () => {
  it('does not repeat or apologise for an answer whose response was lost after delivery, and logs neither its text nor the chat id', async () => {
    const t = createTestBot(fake, db)
    fake.queueFault({ method: 'sendMessage', as: 'drop', after: true })
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    // Exactly the answer: not sent again, and no apology after an answer that did arrive.
    expect(texts(USER)).toEqual([expect.stringContaining('3636套')])
    const failed = t.logs.find((l) => l.msg === 'handler failed')
    expect(failed).toBeDefined()
    expect(JSON.stringify(t.logs)).not.toContain('3636套')
  })

  it('does not repeat an answer answered 502 after delivery (JSON or an HTML page)', async () => {
    const t = createTestBot(fake, db)
    fake.queueFault({ method: 'sendMessage', error_code: 502, after: true })
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    fake.queueFault({ method: 'sendMessage', error_code: 502, as: 'html', after: true })
    await t.feed(fake.sendText(USER + 1, USER + 1, HOUSING_Q))
    for (const chat of [USER, USER + 1]) expect(texts(chat).filter((x) => x.includes('3636套'))).toHaveLength(1)
  })

  it('logs a refused sendMessage without the chat id and text it carried', async () => {
    const t = createTestBot(fake, db)
    fake.queueFault({ method: 'sendMessage', error_code: 400, description: 'Bad Request: message is too long' })
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    const failed = JSON.stringify(t.logs.filter((l) => l.msg === 'handler failed'))
    expect(failed).toContain('message is too long')
    expect(failed).not.toContain('3636套')
    expect(failed).not.toContain(`"chat_id"`)
  })

  it('turns link previews off on answers, so a URL in an article or question unfolds no card', async () => {
    const t = createTestBot(fake, db)
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    await t.feed(fake.sendText(USER, USER, '/help'))
    const sends = sent('sendMessage')
    expect(sends.length).toBeGreaterThanOrEqual(2)
    for (const c of sends) expect(c.payload.link_preview_options).toEqual({ is_disabled: true })
  })
})

describe('model failures shown to a chat', () => {
  it('never shows the model endpoint, its credentials or setting names', async () => {
    const env = { OPENAI_BASE_URL: 'http://admin:hunter22@127.0.0.1:9/v1', OPENAI_API_KEY: 'sk-test-0123456789abcdef', NEWSBOT_LLM_MAX_RETRIES: '0' }
    const llm = createLlmClient(loadConfig({ ...env }).llm)
    const bot = createTestBot(fake, db, { env, answer: (q, o) => answerQuestion(createIndex(db), q, { ...o, llm }) })
    await bot.feed(fake.sendText(USER, USER, HOUSING_Q))
    const reply = texts(USER).join('\n')
    expect(reply).toContain('3636套')
    expect(reply).toContain(FALLBACK_NOTICE)
    expect(reply).not.toMatch(/hunter22|admin|127\.0\.0\.1|OPENAI_|sk-test/)
    expect(JSON.stringify(bot.logs)).not.toMatch(/hunter22|sk-test-0123456789abcdef/)
  })
})

describe('privacy', () => {
  it('/forget deletes the chat\'s turns and logged questions, so /sources and /unanswered no longer show them', async () => {
    const t = createTestBot(fake, db)
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    await t.feed(fake.sendText(USER, USER, '/forget'))
    expect(texts(USER).at(-1)).toBe('已删除你的 1 条对话记录和 1 条提问记录。')
    await t.feed(fake.sendText(USER, USER, '/sources'))
    expect(texts(USER).at(-1)).toBe('还没有可查看的来源，先提个问题吧。')
    await t.feed(fake.sendText(ADMIN, ADMIN, '/stats'))
    expect(texts(ADMIN).at(-1)).toContain('今天提问 0 个')
    await t.feed(fake.sendText(GROUP, USER, '/forget', { chatType: 'group' }))
    expect(texts(GROUP).at(-1)).toContain('请私聊我发送 /forget')
  })

  it('deletes turns and questions older than the retention period while the bot runs', async () => {
    let now = Date.now()
    const t = createTestBot(fake, db, { env: { NEWSBOT_RETENTION_DAYS: '30' }, now: () => now })
    await t.feed(fake.sendText(USER, USER, HOUSING_Q))
    t.nb.housekeeping().stop() // within the period: kept
    await t.feed(fake.sendText(USER, USER, '/sources'))
    expect(texts(USER).at(-1)).toContain('来源')
    now += 31 * 86_400_000
    t.nb.housekeeping().stop()
    await t.feed(fake.sendText(USER, USER, '/sources'))
    expect(texts(USER).at(-1)).toBe('还没有可查看的来源，先提个问题吧。')
    expect(t.logs.find((l) => l.msg === 'old chat turns and questions deleted')).toMatchObject({ turns: 1, questions: 1 })
  })
})
