import type { Message } from 'grammy/types'
import { describe, expect, it } from 'vitest'
import { createPacer, runDigestRound } from '../../../src/channels/telegram/digest-sender.js'
import { loadConfig } from '../../../src/config.js'
import { leadSummarizer } from '../../../src/digest/index.js'
import { createSqliteStore, getArticle, saveSubscription, type Db } from '../../../src/store/index.js'
import type { FakeBotApi } from '../../helpers/fake-bot-api.js'
import { createTestBot, fakeEnv, FIXTURE, useFakeApiAndDb } from './harness.js'

// With NEWSBOT_PUBLIC_URL set, the bot's source buttons and digest items open the web channel's article pages.

const PUBLIC = 'https://news.example.cn/wenda'
const USER = 7
let fake: FakeBotApi
let db: Db
useFakeApiAndDb((f) => ({ fake, db } = f))

const urlsOf = (m: Message | undefined) => (m?.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => ('url' in b && b.url ? [b.url] : []))
const callbacksOf = (m: Message | undefined) => (m?.reply_markup?.inline_keyboard ?? []).flat().filter((b) => 'callback_data' in b)

describe('NEWSBOT_PUBLIC_URL', () => {
  it('turns an answer\'s source buttons into links to /articles/ID with the quote to highlight', async () => {
    const t = createTestBot(fake, db, { env: { NEWSBOT_PUBLIC_URL: `${PUBLIC}/` } })
    await t.feed(fake.sendText(USER, USER, '经开区已经分配了多少套安置房？'))
    const answer = fake.messagesTo(USER).at(-1)
    const [link] = urlsOf(answer)
    expect(callbacksOf(answer)).toEqual([])
    expect(link).toBeDefined()
    const url = new URL(link!)
    expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC}/articles/a-housing`)
    const quote = url.searchParams.get('q')!
    expect(getArticle(db, 'a-housing')!.text).toContain(quote)
    expect(quote).toContain('3636套')
  })

  it('keeps the in-chat source buttons when unset', async () => {
    const t = createTestBot(fake, db)
    await t.feed(fake.sendText(USER, USER, '经开区已经分配了多少套安置房？'))
    const answer = fake.messagesTo(USER).at(-1)
    expect(urlsOf(answer)).toEqual([])
    expect(callbacksOf(answer).length).toBeGreaterThan(0)
  })

  it('links each digest item to its article page', async () => {
    const config = loadConfig(fakeEnv(fake, { NEWSBOT_PUBLIC_URL: PUBLIC }))
    const t = createTestBot(fake, db, { env: { NEWSBOT_PUBLIC_URL: PUBLIC } })
    fake.addPrivateChats([USER])
    const at = Date.parse('2026-11-23T07:10:00+08:00')
    saveSubscription(db, USER, { sendTime: '07:00' }, Date.parse('2026-11-22T20:00:00+08:00'))
    const stats = await runDigestRound({ store: createSqliteStore(db), api: t.nb.senderApi, config, now: () => at, summarize: leadSummarizer, pacer: createPacer(200) })
    expect(stats.sent).toBe(1)
    const digest = fake.messagesTo(USER)[0]
    const urls = urlsOf(digest)
    expect(urls.length).toBeGreaterThan(0)
    const ids = new Set(FIXTURE.map((a) => a.id))
    for (const u of urls) {
      expect(u.startsWith(`${PUBLIC}/articles/`)).toBe(true)
      expect(ids.has(decodeURIComponent(u.slice(`${PUBLIC}/articles/`.length)))).toBe(true)
    }
  })

  it('refuses a value that is not an http(s) address, naming the variable', () => {
    expect(() => loadConfig({ NEWSBOT_PUBLIC_URL: 'news.example.cn' })).toThrow(/NEWSBOT_PUBLIC_URL/)
    expect(() => loadConfig({ NEWSBOT_PUBLIC_URL: 'ftp://news.example.cn' })).toThrow(/NEWSBOT_PUBLIC_URL/)
  })
})
