import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBot, createEditionJob, createLogger, startDigestScheduler } from '../../../src/channels/telegram/index.js'
import { loadConfig } from '../../../src/config.js'
import { leadSummarizer } from '../../../src/digest/index.js'
import { createQuestionIndex } from '../../../src/retrieve/index.js'
import { createStoreWriter } from '../../../src/retrieve/index.js'
import type { Store } from '../../../src/store/index.js'
import { startEpaperSite } from '../../helpers/epaper-server.js'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { useBackends } from '../../helpers/stores.js'

const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`)
let fake: FakeBotApi
let site: Awaited<ReturnType<typeof startEpaperSite>>
let store: Store
const backends = useBackends()
beforeEach(async () => {
  fake = await startFakeBotApi()
  site = await startEpaperSite()
})
afterEach(async () => {
  await store?.close()
  await site.close()
  await fake.close()
})

describe.each(backends)('the morning e-paper fetch (NEWSBOT_EPAPER_URL) on $name', ({ open }) => {
  beforeEach(async () => {
    store = await open()
  })

  it('fetches the day\'s issue before the digest round, so the morning digest reports it', async () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_TIMEZONE: 'Asia/Shanghai',
      NEWSBOT_EPAPER_URL: `${site.origin}/classic/html/{yyyy}-{mm}/{dd}/node_1.htm`, NEWSBOT_FETCH_DELAY_MS: '0',
    })
    const clock = local('2020-06-03', '07:05')
    fake.addPrivateChats([1])
    await store.saveSubscription(1, { sendTime: '07:00', areas: [] }, local('2020-06-02', '20:00'))
    const logger = createLogger({ level: 'silent' })
    const nb = createBot({ config, store, index: createQuestionIndex(store), logger, answer: async () => { throw new Error('no questions here') } }, { botInfo: fake.botInfo })
    const beforeRound = createEditionJob({ config, writer: createStoreWriter(store), logger, now: () => clock })
    expect(beforeRound).toBeDefined()
    const scheduler = startDigestScheduler({ store, api: nb.senderApi, config, now: () => clock, logger, summarize: leadSummarizer, beforeRound: beforeRound! })
    try {
      await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 1, 10_000)
    } finally {
      await scheduler.stop()
    }
    expect(await store.countArticles()).toBe(5)
    expect(site.seen.filter((r) => r.path.endsWith('node_1.htm'))).toHaveLength(1)
    const digest = fake.messagesTo(1)[0]?.text ?? ''
    expect(digest).toMatch(/^📰 每日简报 · 2020-06-03/)
    expect(digest).toMatch(/经开区领导带队开展综合调研/)
  })

  it('is off without NEWSBOT_EPAPER_URL', () => {
    const config = loadConfig({})
    expect(createEditionJob({ config, writer: createStoreWriter(store), logger: createLogger({ level: 'silent' }) })).toBeUndefined()
  })
})
