import { autoRetry } from '@grammyjs/auto-retry'
import { Bot } from 'grammy'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseTelegramHtml, startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'

let fake: FakeBotApi
beforeEach(async () => {
  fake = await startFakeBotApi()
})
afterEach(async () => {
  await fake.close()
})

const CHAT = 1001

/** One raw Bot API request, as JSON unless a form body is given. */
async function call(method: string, payload: object | URLSearchParams = {}, token = fake.token) {
  const form = payload instanceof URLSearchParams
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? payload.toString() : JSON.stringify(payload),
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; description?: string; parameters?: object } }
}

async function expectRefused(method: string, payload: object, status: number, description: string | RegExp) {
  const { status: got, body } = await call(method, payload)
  expect({ status: got, ok: body.ok }).toEqual({ status, ok: false })
  expect(body.description).toMatch(description)
}

describe('routing', () => {
  it('answers getMe with the bot and refuses a wrong token or unknown method', async () => {
    expect((await call('getMe')).body).toEqual({ ok: true, result: fake.botInfo })
    expect(await call('getMe', {}, '1:wrong')).toMatchObject({ status: 401, body: { description: 'Unauthorized' } })
    expect(await call('sendPigeon')).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } })
  })

  it('accepts form-encoded bodies with JSON-valued fields', async () => {
    fake.sendText(CHAT, CHAT, '你好')
    const markup = JSON.stringify({ inline_keyboard: [[{ text: '看', callback_data: 'src:a-1:0' }]] })
    const form = new URLSearchParams({ chat_id: String(CHAT), text: '<b>好</b>', parse_mode: 'HTML', reply_markup: markup })
    const { body } = await call('sendMessage', form)
    expect(body.result).toMatchObject({ text: '好', entities: [{ type: 'bold', offset: 0, length: 1 }] })
    expect(fake.messagesTo(CHAT)[0]?.reply_markup).toEqual(JSON.parse(markup))
  })
})

describe('sendMessage rules', () => {
  beforeEach(() => {
    fake.sendText(CHAT, CHAT, '你好')
  })

  it('refuses a chat it has never seen', async () => {
    await expectRefused('sendMessage', { chat_id: 999, text: 'x' }, 400, 'Bad Request: chat not found')
  })

  it.each([[''], ['   '], ['<b> </b>']])('refuses empty text %j', async (text) => {
    await expectRefused('sendMessage', { chat_id: CHAT, text, parse_mode: 'HTML' }, 400, 'Bad Request: message text is empty')
  })

  it('measures length after entity parsing, in UTF-16 units', async () => {
    const ok = async (text: string) => (await call('sendMessage', { chat_id: CHAT, text, parse_mode: 'HTML' })).body.ok
    expect(await ok('经'.repeat(4096))).toBe(true)
    expect(await ok(`<b>${'&lt;'.repeat(4096)}</b>`)).toBe(true)
    expect(await ok('😀'.repeat(2048))).toBe(true)
    await expectRefused('sendMessage', { chat_id: CHAT, text: '😀'.repeat(2049) }, 400, 'Bad Request: message is too long')
    await expectRefused('sendMessage', { chat_id: CHAT, text: '&amp;'.repeat(4097), parse_mode: 'HTML' }, 400, 'message is too long')
  })

  it.each([
    '<script>alert(1)</script>', 'a < b', 'a & b', '&nbsp;', '<b>open', '<b>x</i>', 'x</b>', '<a>no href</a>',
    '<span>x</span>', '<b onclick="x">x</b>', '<code><b>x</b></code>', '<a href="a&b">x</a>', '<br>', '&#xD800;',
  ])('refuses malformed or unsupported HTML %j', async (text) => {
    await expectRefused('sendMessage', { chat_id: CHAT, text, parse_mode: 'HTML' }, 400, /^Bad Request: can't parse entities: /)
  })

  it('parses every supported tag into entities', () => {
    const html = '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
      '<a href="https://x.cn/?a=1&amp;b=2">a</a><code>c</code><pre><code class="language-ts">p</code></pre>' +
      '<blockquote expandable>q</blockquote><tg-spoiler>t</tg-spoiler><span class="tg-spoiler">p</span> &lt;&gt;&amp;&quot;&#128512;&#x4E2D;'
    const parsed = parseTelegramHtml(html)
    expect(parsed.ok && parsed.text).toBe('bsieunskdacpqtp <>&"😀中')
    expect(parsed.ok && parsed.entities.find((e) => e.type === 'text_link')).toMatchObject({ url: 'https://x.cn/?a=1&b=2' })
    expect(parsed.ok && parsed.entities.map((e) => e.type)).toContain('expandable_blockquote')
  })

  it('refuses callback data over 64 bytes', async () => {
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: '看', callback_data: data }]] })
    expect((await call('sendMessage', { chat_id: CHAT, text: 'x', reply_markup: keyboard('x'.repeat(64)) })).body.ok).toBe(true)
    await expectRefused('sendMessage', { chat_id: CHAT, text: 'x', reply_markup: keyboard('经'.repeat(22)) }, 400, 'Bad Request: BUTTON_DATA_INVALID')
  })

  it('answers 403 for a chat that blocked the bot', async () => {
    fake.block(CHAT)
    await expectRefused('sendMessage', { chat_id: CHAT, text: 'x' }, 403, 'Forbidden: bot was blocked by the user')
    await expectRefused('sendChatAction', { chat_id: CHAT, action: 'typing' }, 403, 'Forbidden: bot was blocked by the user')
  })

  it('plays a queued 429 once, with retry_after', async () => {
    fake.queueFault({ method: 'sendMessage', error_code: 429, retry_after: 7 })
    const first = await call('sendMessage', { chat_id: CHAT, text: 'x' })
    expect(first).toMatchObject({ status: 429, body: { ok: false, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } } })
    expect((await call('sendMessage', { chat_id: CHAT, text: 'x' })).body.ok).toBe(true)
  })
})

describe('other methods', () => {
  beforeEach(() => {
    fake.sendText(CHAT, CHAT, '你好')
  })

  it('edits a message, refuses an identical edit, and drops the keyboard when none is given', async () => {
    const reply_markup = { inline_keyboard: [[{ text: '下一页', callback_data: 'page:a-1:1' }]] }
    const sent = (await call('sendMessage', { chat_id: CHAT, text: '<b>第一页</b>', parse_mode: 'HTML', reply_markup })).body.result
    const edit = { chat_id: CHAT, message_id: sent.message_id, text: '<b>第一页</b>', parse_mode: 'HTML', reply_markup }
    await expectRefused('editMessageText', edit, 400, /^Bad Request: message is not modified: /)
    expect((await call('editMessageText', { ...edit, text: '<i>第一页</i>' })).body.ok).toBe(true)
    expect((await call('editMessageText', { ...edit, reply_markup: undefined })).body.result.reply_markup).toBeUndefined()
    await expectRefused('editMessageText', { ...edit, message_id: 1 }, 400, "Bad Request: message can't be edited")
    await expectRefused('editMessageText', { ...edit, message_id: 99 }, 400, 'Bad Request: message to edit not found')
  })

  it('answers a pressed button once', async () => {
    const reply_markup = { inline_keyboard: [[{ text: '原文', callback_data: 'src:a-1:0' }]] }
    const sent = (await call('sendMessage', { chat_id: CHAT, text: '答', reply_markup })).body.result
    expect(() => fake.pressButton(CHAT, CHAT, sent.message_id, 'src:a-2:0')).toThrow(/no button/)
    const { callback_query } = fake.pressButton(CHAT, CHAT, sent.message_id, 'src:a-1:0')
    expect((await call('answerCallbackQuery', { callback_query_id: callback_query!.id })).body.ok).toBe(true)
    await expectRefused('answerCallbackQuery', { callback_query_id: callback_query!.id }, 400, /query is too old/)
  })

  it('deletes bot messages, keeps commands, and checks chat actions', async () => {
    const sent = (await call('sendMessage', { chat_id: CHAT, text: '临时' })).body.result
    expect((await call('deleteMessage', { chat_id: CHAT, message_id: sent.message_id })).body.ok).toBe(true)
    expect(fake.messagesTo(CHAT)).toEqual([])
    await expectRefused('deleteMessage', { chat_id: CHAT, message_id: sent.message_id }, 400, 'message to delete not found')
    await expectRefused('sendChatAction', { chat_id: CHAT, action: 'dancing' }, 400, 'wrong parameter action')
    await expectRefused('setMyCommands', { commands: [{ command: '/Ask', description: '提问' }] }, 400, 'BOT_COMMAND_INVALID')
    expect((await call('setMyCommands', { commands: [{ command: 'ask', description: '提问' }] })).body.ok).toBe(true)
    expect(fake.commands).toEqual([{ command: 'ask', description: '提问' }])
  })

  it('marks commands and mentions in user text as Telegram does', () => {
    const { message } = fake.sendText(-5, CHAT, '/ask@newsbot_test_bot 王庄村 @newsbot_test_bot', { chatType: 'group' })
    expect(message?.entities).toEqual([
      { type: 'bot_command', offset: 0, length: 21 },
      { type: 'mention', offset: 26, length: 17 },
    ])
  })
})

describe('long polling', () => {
  it('holds getUpdates until an update arrives, and an offset confirms earlier updates', async () => {
    const started = Date.now()
    const polling = call('getUpdates', { timeout: 10 })
    setTimeout(() => fake.sendText(CHAT, CHAT, '你好'), 100)
    const { body } = await polling
    expect(Date.now() - started).toBeLessThan(2000)
    expect(body.result).toHaveLength(1)
    expect((await call('getUpdates', { offset: body.result[0].update_id + 1 })).body.result).toEqual([])
  })

  it('answers an empty list when the timeout passes', async () => {
    const started = Date.now()
    expect((await call('getUpdates', { timeout: 1 })).body.result).toEqual([])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('ends an earlier poll with 409 when a second one comes, and refuses polling under a webhook', async () => {
    const first = call('getUpdates', { timeout: 10 })
    await new Promise((resolve) => setTimeout(resolve, 100)) // let the first poll reach the server
    await call('getUpdates', {})
    expect(await first).toMatchObject({ status: 409, body: { description: /terminated by other getUpdates/ } })
    await call('setWebhook', { url: 'https://example.com/hook' })
    expect((await call('getWebhookInfo')).body.result).toMatchObject({ url: 'https://example.com/hook' })
    await expectRefused('getUpdates', {}, 409, /webhook is active/)
  })

  it('serves a real grammY bot: start, update, reply, stop', async () => {
    const bot = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } })
    bot.api.config.use(autoRetry())
    bot.command('start', (ctx) => ctx.reply('<b>欢迎</b>', { parse_mode: 'HTML' }))
    bot.on('message:text', (ctx) => ctx.reply(`收到：${ctx.message.text}`))
    bot.catch((err) => {
      throw err.error
    })
    const running = bot.start({ timeout: 1 })
    fake.queueFault({ method: 'sendMessage', error_code: 429, retry_after: 1 })
    fake.sendText(CHAT, CHAT, '/start')
    fake.sendText(CHAT, CHAT, '王庄村改造到哪一步了？')
    await fake.waitFor((c) => c.method === 'sendMessage' && c.status === 200 && String(c.payload.text).startsWith('收到'), 5000)
    await bot.stop()
    await running
    expect(fake.messagesTo(CHAT).map((m) => m.text)).toEqual(['欢迎', '收到：王庄村改造到哪一步了？'])
    expect(fake.calls.filter((c) => c.status === 429)).toHaveLength(1)
  })
})
