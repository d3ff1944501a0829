import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { startEmbeddingsStub, type EmbeddingsStub } from '../helpers/embeddings-stub.js'
import { useTmpDir } from '../helpers/tmp.js'

const tmp = useTmpDir()
let stub: EmbeddingsStub

const BATCH = 16
const envFor = (s: EmbeddingsStub, model = 'stub-embed') => ({
  OPENAI_BASE_URL: s.baseURL,
  NEWSBOT_EMBED_MODEL: model,
  NEWSBOT_EMBED_BATCH: String(BATCH),
  NEWSBOT_LLM_MAX_RETRIES: '0',
})

beforeAll(async () => {
  stub = await startEmbeddingsStub()
})
afterAll(() => stub.close())
beforeEach(() => {
  stub.requests.length = 0
  stub.failWith = () => undefined
})

describe('newsbot ingest with an embeddings endpoint', () => {
  it('embeds passages in batches after ingesting, and a rerun after a failed batch sends only the rest', async () => {
    const db = join(tmp(), 'n.db')
    stub.failWith = (_req, i) => (i === 1 ? 500 : undefined)
    const first = await runCli(['ingest', 'data/samples', '--db', db, '--json'], envFor(stub))
    expect(first.code).toBe(1)
    const failed = JSON.parse(first.stdout)
    expect(failed).toMatchObject({ added: expect.any(Number), failed: [] })
    expect(failed.embeddings).toMatchObject({ model: 'stub-embed', embedded: BATCH, error: expect.stringContaining('500') })
    const total = BATCH + failed.embeddings.pending
    expect(total).toBeGreaterThan(2 * BATCH)
    const sentFirst = stub.requests[0]!.input

    stub.failWith = () => undefined
    stub.requests.length = 0
    const second = await runCli(['ingest', 'data/samples', '--db', db, '--json'], envFor(stub))
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout).embeddings).toEqual({ model: 'stub-embed', embedded: total - BATCH, pending: 0 })
    const resent = stub.requests.flatMap((r) => r.input)
    expect(resent).toHaveLength(total - BATCH)
    expect(resent.filter((t) => sentFirst.includes(t))).toEqual([])
    expect(stub.requests.every((r) => r.input.length <= BATCH && r.model === 'stub-embed')).toBe(true)

    const text = await runCli(['ingest', 'data/samples', '--db', db], envFor(stub))
    expect(text.stdout).toMatch(/向量（stub-embed）：新算 0 段/)
  })

  it('makes no embeddings calls when NEWSBOT_EMBED_MODEL is not set, at ingest or at question time', async () => {
    const db = join(tmp(), 'n.db')
    const env = { ...envFor(stub), NEWSBOT_EMBED_MODEL: '' }
    const r = await runCli(['ingest', 'data/samples', '--db', db, '--json'], env)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).not.toHaveProperty('embeddings')
    const a = await runCli(['ask', '郑大二附院周边道路什么时候通车？', '--mode', 'extractive', '--db', db, '--json'], env)
    expect(JSON.parse(a.stdout)).toMatchObject({ abstained: false, warnings: [] })
    expect(stub.requests).toEqual([])
  })
})

describe('newsbot ask with an embeddings endpoint', () => {
  it('uses the endpoint for the question, and answers from lexical search with a warning when it is down', async () => {
    const db = join(tmp(), 'n.db')
    const own = await startEmbeddingsStub()
    const env = envFor(own)
    expect((await runCli(['ingest', 'data/samples', '--db', db, '--json'], env)).code).toBe(0)
    const q = ['ask', '郑大二附院周边道路什么时候通车？', '--mode', 'extractive', '--db', db, '--json']
    own.requests.length = 0
    const up = JSON.parse((await runCli(q, env)).stdout)
    expect(up).toMatchObject({ abstained: false, warnings: [] })
    expect(own.requests.map((r) => r.input)).toEqual([['郑大二附院周边道路什么时候通车？']])
    await own.close()
    const r = await runCli(q, env)
    expect(r.code).toBe(0)
    const down = JSON.parse(r.stdout)
    expect(down.warnings[0]).toMatch(/^向量检索暂不可用（.+），已改用关键词检索。$/)
    expect(down.abstained).toBe(false)
    expect(down.answer).toContain('9月底')
  })
})

describe('newsbot search with an embeddings endpoint', () => {
  it('embeds the query for the fused ranking, and falls back to lexical hits with a notice when the endpoint is down', async () => {
    const db = join(tmp(), 'n.db')
    const own = await startEmbeddingsStub()
    const env = envFor(own)
    expect((await runCli(['ingest', 'data/samples', '--db', db, '--json'], env)).code).toBe(0)
    const q = ['search', '安置房分了多少套', '-k', '3', '--db', db, '--json']
    own.requests.length = 0
    const up = await runCli(q, env)
    expect(own.requests.map((r) => r.input)).toEqual([['安置房分了多少套']])
    expect(JSON.parse(up.stdout)[0].title).toContain('巡察整改')
    await own.close()
    const down = await runCli(q, env)
    expect(down.code).toBe(0)
    expect(down.stderr).toMatch(/向量检索暂不可用（.+），已改用关键词检索。/)
    expect(JSON.parse(down.stdout)[0].title).toContain('巡察整改')
  })
})
