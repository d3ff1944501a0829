import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { embedPending } from '../../src/retrieve/index.js'
import { createSqliteStore, type Db } from '../../src/store/index.js'
import { createTestBot, openFixtureDb } from '../channels/telegram/harness.js'
import { startEmbeddingsStub, type EmbeddingsStub } from '../helpers/embeddings-stub.js'
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.js'
import { createEmbedder, type Embedder } from '../../src/llm/index.js'

const MODEL = 'stub-embed'
const USER = 7
// What the stand-in knows that bigrams cannot: a 小游园 is a 口袋公园 (no shared bigram).
const SYNONYMS = { 小游园: '口袋公园' }

let stub: EmbeddingsStub
let embedder: Embedder
let fake: FakeBotApi
let db: Db

beforeAll(async () => {
  stub = await startEmbeddingsStub(SYNONYMS)
  const config = loadConfig({ OPENAI_BASE_URL: stub.baseURL, NEWSBOT_EMBED_MODEL: MODEL, NEWSBOT_LLM_MAX_RETRIES: '0' })
  embedder = createEmbedder(config)!
})
afterAll(() => stub.close())

beforeEach(async () => {
  stub.failWith = () => undefined
  fake = await startFakeBotApi()
  db = await openFixtureDb()
  await embedPending(createSqliteStore(db), embedder.embed, { model: MODEL })
  stub.requests.length = 0
})
afterEach(async () => {
  await fake.close()
  db.close()
})

const lastText = () => fake.messagesTo(USER).at(-1)?.text ?? ''

describe('/search with an embeddings endpoint', () => {
  it('finds the article a question names in other words, which lexical search alone misses', async () => {
    await createTestBot(fake, db).feed(fake.sendText(USER, USER, '/search 小游园'))
    expect(lastText()).not.toContain('绿化工程')
    await createTestBot(fake, db, { embedder }).feed(fake.sendText(USER, USER, '/search 小游园'))
    expect(lastText()).toMatch(/^“小游园”的相关报道\n\n1\. .*长编号的报道：绿化工程/)
    expect(stub.requests.map((r) => r.input)).toEqual([['小游园']])
  })

  it('lists the lexical hits with a notice when the endpoint fails', async () => {
    stub.failWith = () => 500
    await createTestBot(fake, db, { embedder }).feed(fake.sendText(USER, USER, '/search 安置房'))
    expect(lastText()).toContain('经开区安置房分配工作全面完成')
    expect(lastText()).toMatch(/\n向量检索暂不可用（.*），已改用关键词检索。$/)
  })
})
