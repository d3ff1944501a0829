import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/index.js'
import { loadConfig } from '../../src/config.js'
import { UpstreamError } from '../../src/errors.js'
import { createIndex, denseSearch, embedPending } from '../../src/retrieve/index.js'
import { countPendingPassages, createSqliteStore, openDb, type Db } from '../../src/store/index.js'
import { startEmbeddingsStub, stubVector, type EmbeddingsStub } from '../helpers/embeddings-stub.js'
import { startOpenAiStub } from '../helpers/openai-stub.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'
import { createEmbedder, createLlmClient, type Embedder } from '../../src/llm/index.js'

const MODEL = 'stub-embed'
// What the stand-in "knows" that bigrams cannot: 回迁楼 means 安置房.
const SYNONYMS = { 回迁楼: '安置房' }

const ARTICLES = [
  {
    id: 'housing',
    title: '经开区今年分配安置房3200套',
    text: '本报讯 今年以来，经开区加快安置房建设，已向群众分配安置房3200套，涉及马寨镇等15个村。下一步将继续推进安置房交付。',
    date: '2020-06-05',
    paper: '经开时报',
  },
  {
    id: 'road',
    title: '郑大二附院周边道路9月底通车',
    text: '本报讯 郑大二附院周边的美辰路、经南八路正在加紧施工，预计9月底建成通车，将缓解医院周边交通压力。',
    date: '2020-06-05',
    paper: '经开时报',
  },
  {
    id: 'school',
    title: '经开区新建三所小学',
    text: '本报讯 经开区今年新建三所小学，新增学位4000个，秋季开学投入使用。',
    date: '2020-07-01',
    paper: '经开时报',
  },
  {
    id: 'loan',
    title: '小微企业贷款贴息政策出台',
    text: '本报讯 二七区出台小微企业贷款贴息政策，帮助企业解决融资难题。',
    date: '2020-07-02',
    paper: '二七报',
  },
]

const tmp = useTmpDir()
let stub: EmbeddingsStub
let db: Db
let embedder: Embedder

const configFor = (baseURL: string, model?: string) =>
  loadConfig({ OPENAI_BASE_URL: baseURL, NEWSBOT_EMBED_MODEL: model, NEWSBOT_LLM_MAX_RETRIES: '0', NEWSBOT_LLM_TIMEOUT_MS: '5000' })

beforeAll(async () => {
  stub = await startEmbeddingsStub(SYNONYMS)
  embedder = createEmbedder(configFor(stub.baseURL, MODEL))!
})
afterAll(() => stub.close())

beforeEach(async () => {
  stub.requests.length = 0
  stub.failWith = () => undefined
  db = openDb(':memory:')
  const paths = writeFiles(tmp(), { 'a.jsonl': jsonl(ARTICLES) })
  await createIndex(db).write([paths['a.jsonl']!])
})
afterEach(() => db.close())

describe('createEmbedder', () => {
  it('is off unless both an endpoint and NEWSBOT_EMBED_MODEL are configured', () => {
    expect(createEmbedder(loadConfig({}))).toBeNull()
    expect(createEmbedder(loadConfig({ NEWSBOT_EMBED_MODEL: MODEL }))).toBeNull()
    expect(createEmbedder(configFor(stub.baseURL))).toBeNull()
    expect(createEmbedder(configFor(stub.baseURL, MODEL))?.model).toBe(MODEL)
  })

  it('returns the endpoint’s vectors in input order', async () => {
    expect(await embedder.embed(['安置房', '道路'])).toEqual([stubVector('安置房'), stubVector('道路')])
    expect(stub.requests[0]).toEqual({ model: MODEL, input: ['安置房', '道路'], encoding_format: 'float' })
  })

  it('turns an endpoint failure into an UpstreamError', async () => {
    stub.failWith = () => 500
    await expect(embedder.embed(['x'])).rejects.toBeInstanceOf(UpstreamError)
  })
})

describe('embedPending', () => {
  it('embeds every passage in batches of at most batchSize, then has nothing left to send', async () => {
    const pending = countPendingPassages(db, MODEL)
    const r = await embedPending(createSqliteStore(db), embedder.embed, { model: MODEL, batchSize: 2 })
    expect(r).toEqual({ embedded: pending, total: pending })
    expect(stub.requests.map((q) => q.input.length)).toEqual([2, 2])
    expect(stub.requests[0]!.input[0]).toMatch(/^经开区今年分配安置房3200套\n本报讯/)
    stub.requests.length = 0
    expect(await embedPending(createSqliteStore(db), embedder.embed, { model: MODEL, batchSize: 2 })).toEqual({ embedded: 0, total: 0 })
    expect(stub.requests).toEqual([])
  })

  it('resumes after a failed batch: the rerun sends only the passages still missing', async () => {
    stub.failWith = (_req, i) => (i === 1 ? 503 : undefined)
    await expect(embedPending(createSqliteStore(db), embedder.embed, { model: MODEL, batchSize: 1 })).rejects.toBeInstanceOf(UpstreamError)
    const firstBatch = stub.requests[0]!.input
    expect(countPendingPassages(db, MODEL)).toBe(ARTICLES.length - 1)
    stub.failWith = () => undefined
    stub.requests.length = 0
    expect(await embedPending(createSqliteStore(db), embedder.embed, { model: MODEL, batchSize: 10 })).toMatchObject({ embedded: ARTICLES.length - 1 })
    const resent = stub.requests.flatMap((q) => q.input)
    expect(resent).toHaveLength(ARTICLES.length - 1)
    expect(resent).not.toContain(firstBatch[0])
    expect(countPendingPassages(db, MODEL)).toBe(0)
  })
})

describe('dense and hybrid search', () => {
  beforeEach(async () => {
    await embedPending(createSqliteStore(db), embedder.embed, { model: MODEL })
    stub.requests.length = 0
  })

  it('ranks articles by their nearest passage', async () => {
    const [first] = await denseSearch(createSqliteStore(db), stubVector('安置房分配'), { model: MODEL, k: 3 })
    expect(first).toMatchObject({ articlePk: expect.any(Number), passage: { start: 0 } })
    expect(first!.score).toBeGreaterThan(0.3)
  })

  it('finds an article a lexical search misses when the question uses another word for it', async () => {
    const q = '回迁楼咋样了'
    expect((await createIndex(db).search(q)).hits.map((h) => h.id)).not.toContain('housing')
    const [hit] = (await createIndex(db).searchWithEmbedder(q, { embedder, k: 3 })).hits
    expect(hit).toMatchObject({ id: 'housing', title: ARTICLES[0]!.title, paper: '经开时报', date: '2020-06-05' })
    expect(hit!.text.slice(hit!.passages[0]!.start, hit!.passages[0]!.end)).toBe(hit!.snippet)
    expect(hit!.snippet).toContain('安置房')
    expect(stub.requests).toHaveLength(1)
  })

  it('keeps the lexical winner first when both rankings agree, scored by reciprocal rank fusion', async () => {
    const { hits } = await createIndex(db).searchWithEmbedder('郑大二附院周边道路什么时候通车', { embedder, k: 4 })
    expect(hits[0]?.id).toBe('road')
    expect(hits[0]!.score).toBeCloseTo(2 / 61, 5)
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a))
  })

  it('applies the paper and date filters to the dense side too', async () => {
    const { hits, notice } = await createIndex(db).searchWithEmbedder('回迁楼咋样了', { embedder, paper: '二七报' })
    expect(notice).toEqual([])
    expect(hits.map((h) => h.id)).not.toContain('housing')
    expect(hits.every((h) => h.paper === '二七报')).toBe(true)
    const { hits: dated } = await createIndex(db).searchWithEmbedder('回迁楼咋样了', { embedder, dateFrom: '2020-07-01' })
    expect(dated.every((h) => h.date! >= '2020-07-01')).toBe(true)
  })

  it('gives the model the article found by its meaning when an embedder is passed to answerQuestion', async () => {
    const chat = await startOpenAiStub()
    try {
      chat.script = () => ({ text: '经开区已分配安置房3200套[1]。' })
      const llm = createLlmClient(loadConfig({ OPENAI_BASE_URL: chat.baseURL, NEWSBOT_LLM_MAX_RETRIES: '0' }).llm)
      const r = await answerQuestion(createIndex(db), '回迁楼分了多少', { llm, embedder })
      expect(chat.requests[0]!.body.messages.map((m) => m.content).join('\n')).toContain('已向群众分配安置房3200套')
      expect(r).toMatchObject({ mode: 'llm', warnings: [] })
      expect(r.citations.map((c) => c.id)).toEqual(['housing'])
    } finally {
      await chat.close()
    }
  })

  it('falls back to lexical search with a warning when the endpoint fails at question time', async () => {
    stub.failWith = () => 500
    const r = await answerQuestion(createIndex(db), '郑大二附院周边道路什么时候通车', { mode: 'extractive', embedder })
    expect(r.warnings[0]).toMatch(/^向量检索暂不可用（.*），已改用关键词检索。$/)
    expect(r.abstained).toBe(false)
    expect(r.citations[0]?.id).toBe('road')
  })
})
