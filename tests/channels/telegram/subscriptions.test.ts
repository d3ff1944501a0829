import { Bot } from 'grammy'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSubscriptionComposer, parseSubscribeArgs } from '../../../src/channels/telegram/subscriptions.js'
import { loadConfig } from '../../../src/config.js'
import { createIndex } from '../../../src/retrieve/index.js'
import { createSqliteStore, getSubscription, openDb, type Db } from '../../../src/store/index.js'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { startOpenAiStub } from '../../helpers/openai-stub.js'

const NOW = Date.parse('2026-11-23T10:00:00+08:00')
let db: Db
let fake: FakeBotApi
let bot: Bot
beforeAll(async () => {
  db = openDb(':memory:')
  await createIndex(db).loadSamplesIfEmpty()
})
afterAll(() => db.close())
beforeEach(async () => {
  fake = await startFakeBotApi()
  bot = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } })
  bot.use(createSubscriptionComposer({ store: createSqliteStore(db), config: loadConfig({ NEWSBOT_TIMEZONE: 'Asia/Shanghai' }), now: () => NOW }))
  bot.catch((err) => {
    throw err.error
  })
})
afterEach(() => fake.close())

let nextChat = 100
const say = async (chat: number, text: string) => {
  await bot.handleUpdate(fake.sendText(chat, chat, text))
  return fake.messagesTo(chat).at(-1)!
}

describe('/subscribe and /unsubscribe', () => {
  it('subscribes at 08:00 to every area by default and says when the first digest comes', async () => {
    const chat = nextChat++
    const reply = await say(chat, '/subscribe')
    expect(getSubscription(db, chat)).toMatchObject({ sendTime: '08:00', areas: [], topic: null, status: 'active' })
    expect(reply.text).toContain('推送时间：每天 08:00（Asia/Shanghai）')
    expect(reply.text).toContain('下一份：11月24日 08:00')
  })

  it('takes a time, areas and a topic, and refuses a time that does not exist', async () => {
    const chat = nextChat++
    await say(chat, '/subscribe 7:30 经开 二七区 安置房')
    expect(getSubscription(db, chat)).toMatchObject({ sendTime: '07:30', areas: ['经开区', '二七区'], topic: '安置房' })
    expect((await say(chat, '/subscribe 25:61')).text).toMatch(/不是有效的时间/)
    expect(getSubscription(db, chat)?.sendTime).toBe('07:30')
    await say(chat, '/subscribe 全部')
    expect(getSubscription(db, chat)).toMatchObject({ areas: [], topic: '安置房' })
    expect((await say(chat, '/unsubscribe')).text).toContain('已退订')
    expect(getSubscription(db, chat)).toBeUndefined()
    expect((await say(chat, '/unsubscribe')).text).toContain('还没有订阅')
  })

  it('lets only a group’s administrators subscribe or unsubscribe the group', async () => {
    const group = -(nextChat++)
    const [admin, member] = [501, 502]
    fake.setChatAdmins(group, [admin])
    const sayIn = async (from: number, text: string) => {
      await bot.handleUpdate(fake.sendText(group, from, text, { chatType: 'group' }))
      return fake.messagesTo(group).at(-1)!
    }
    expect((await sayIn(member, '/subscribe 09:00')).text).toBe('只有群管理员可以订阅、退订或修改本群的每日简报。')
    expect(getSubscription(db, group)).toBeUndefined()
    await sayIn(admin, '/subscribe 09:00')
    expect(getSubscription(db, group)).toMatchObject({ sendTime: '09:00' })
    await sayIn(member, '/unsubscribe')
    expect(getSubscription(db, group)).toBeDefined()
    // Reading the settings and today's digest stays open to everyone.
    expect((await sayIn(member, '/settings')).text).toContain('推送时间：每天 09:00')
  })

  it.each([
    ['', {}],
    ['08:15', { sendTime: '08:15' }],
    ['示范区 营商环境', { areas: ['示范区'], topic: '营商环境' }],
    ['所有', { areas: [] }],
  ])('reads %j', (args, change) => {
    expect(parseSubscribeArgs(args)).toEqual(change)
  })
})

describe('/settings', () => {
  it('changes the time and toggles areas with buttons, editing the settings message', async () => {
    const chat = nextChat++
    expect((await say(chat, '/settings')).text).toContain('还没有订阅')
    await say(chat, '/subscribe')
    const settings = await say(chat, '/settings')
    const labels = settings.reply_markup!.inline_keyboard.flat().map((b) => b.text)
    expect(labels).toEqual(expect.arrayContaining(['✓ 08:00', '07:00', '✓ 全部地区', '经开区', '二七区', '示范区']))
    await bot.handleUpdate(fake.pressButton(chat, chat, settings.message_id, 'dg:t:07:00'))
    await bot.handleUpdate(fake.pressButton(chat, chat, settings.message_id, 'dg:a:二七区'))
    expect(getSubscription(db, chat)).toMatchObject({ sendTime: '07:00', areas: ['二七区'] })
    const edited = fake.messagesTo(chat).find((m) => m.message_id === settings.message_id)!
    expect(edited.text).toContain('地区：二七区')
    expect(edited.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(expect.arrayContaining(['✓ 07:00', '✓ 二七区', '全部地区']))
    await bot.handleUpdate(fake.pressButton(chat, chat, settings.message_id, 'dg:a:*'))
    expect(getSubscription(db, chat)?.areas).toEqual([])
    expect(fake.calls.filter((c) => c.method === 'answerCallbackQuery' && c.status === 200)).toHaveLength(3)
  })
})

describe('forged settings buttons', () => {
  it('stores known areas only, whatever callback data a client sends', async () => {
    const chat = nextChat++
    await say(chat, '/subscribe')
    const settings = await say(chat, '/settings')
    const forge = (data: string) =>
      bot.handleUpdate(fake.pushUpdate({ callback_query: { id: `f${data}`, from: { id: chat, is_bot: false, first_name: 'x' }, chat_instance: 'c', data, message: settings } }))
    await forge('dg:a:<b>任意地区</b>')
    await forge('dg:a:经开')
    await forge('dg:t:25:99')
    expect(getSubscription(db, chat)).toMatchObject({ sendTime: '08:00', areas: [] })
    await forge('dg:a:金水区')
    expect(getSubscription(db, chat)?.areas).toEqual(['金水区'])
  })
})

describe('/today', () => {
  it('asks a failing model about each article once, not again on every /today', async () => {
    const stub = await startOpenAiStub()
    try {
      stub.script = () => ({ status: 500 })
      const config = loadConfig({ NEWSBOT_TIMEZONE: 'Asia/Shanghai', OPENAI_BASE_URL: stub.baseURL, NEWSBOT_LLM_MAX_RETRIES: '0' })
      const own = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } })
      own.use(createSubscriptionComposer({ store: createSqliteStore(db), config, now: () => NOW }))
      const chat = nextChat++
      await own.handleUpdate(fake.sendText(chat, chat, '/today'))
      const first = stub.requests.length
      expect(first).toBeGreaterThan(0)
      for (let i = 0; i < 3; i++) await own.handleUpdate(fake.sendText(chat, chat, '/today'))
      expect(stub.requests.length).toBe(first)
      expect(fake.messagesTo(chat).filter((m) => m.text?.startsWith('📰 每日简报'))).toHaveLength(4)
    } finally {
      await stub.close()
    }
  })


  it('sends the newest issue at once, filtered by the chat’s areas, with buttons that open the articles', async () => {
    const everyone = nextChat++
    const all = await say(everyone, '/today')
    expect(all.text).toMatch(/^📰 每日简报 · 2023-11-15/)
    expect(all.text).toContain('【经开区】')
    expect(all.reply_markup!.inline_keyboard.flat()[0]).toMatchObject({ text: '1', callback_data: expect.stringMatching(/^src:.+:0$/) })
    const picky = nextChat++
    await say(picky, '/subscribe 二七区')
    expect((await say(picky, '/today')).text).toContain('2023-11-15 的简报中没有符合你订阅条件的报道')
  })
})
