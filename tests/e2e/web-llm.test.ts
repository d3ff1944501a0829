import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLlmClient } from '../../src/llm/index.js'
import { loadConfig } from '../../src/config.js'
import { createWebApp, createWebDeps, startWebServer, type RunningServer } from '../../src/channels/web/index.js'
import type { Db } from '../../src/store/index.js'
import { startOpenAiStub, type OpenAiStub, type StubRequest } from '../helpers/openai-stub.js'
import { useSuiteTmpDir } from '../helpers/tmp.js'
import { openSampleDb, parseEvents, postJson } from '../channels/web/web-helpers.js'

// The web API with the model configured, against a local OpenAI-compatible stub: the answer streams.

const tmp = useSuiteTmpDir()
const ROAD = '郑大二附院周边道路9月底建成通车'
let stub: OpenAiStub
let db: Db
let server: RunningServer

/** The number the prompt gave the article with this title. */
function sourceNumber(req: StubRequest, title: string): number {
  const m = new RegExp(`<source n="(\\d+)" title="${title}"`).exec(req.body.messages.at(-1)!.content)
  if (!m) throw new Error(`source ${title} not in prompt`)
  return Number(m[1])
}

beforeAll(async () => {
  stub = await startOpenAiStub()
  db = await openSampleDb(tmp())
  const config = loadConfig({ OPENAI_BASE_URL: stub.baseURL, OPENAI_MODEL: 'stub-model', NEWSBOT_LLM_TIMEOUT_MS: '5000' })
  const deps = createWebDeps(db, config, { llm: createLlmClient(config.llm), embedder: null })
  server = await startWebServer(createWebApp(deps), { host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await server.close()
  await stub.close()
  db.close()
})

describe('the web API with a model', () => {
  // The answerer shows a sentence once it is complete and checked: two sentences, two token events at least.
  it('streams the model’s sentences as token events, then the checked answer with its citation', async () => {
    stub.script = (req) => {
      const n = sourceNumber(req, ROAD)
      return { text: `郑大二附院周边道路确保9月底前全部建成通车[${n}]。施工单位要加快建设进度[${n}]。` }
    }
    const res = await postJson(`${server.url}/api/ask`, { question: '郑大二附院周边的路什么时候通车？' }, { accept: 'text/event-stream' })
    expect(res.status).toBe(200)
    const events = parseEvents(await res.text())
    const tokens = events.filter((e) => e.event === 'token')
    expect(tokens.length).toBeGreaterThan(1)
    expect(events.map((e) => e.event)).toEqual([...tokens.map(() => 'token'), 'answer'])
    expect(tokens.map((e) => e.data).join('')).toContain('9月底前全部建成通车')
    const answer = events.at(-1)!.data as { mode: string; answer: string; citations: { n: number; title: string; quote: string }[] }
    expect(answer.mode).toBe('llm')
    expect(answer.answer).toBe(tokens.map((e) => e.data).join(''))
    expect(answer.answer).toMatch(/通车\[1\]。.*\[1\]。$/)
    expect(answer.citations).toEqual([expect.objectContaining({ n: 1, title: ROAD, quote: expect.stringContaining('9月底') })])
  })

  it('falls back to the extractive answer, with the notice first among the warnings, when the model fails', async () => {
    stub.script = () => ({ status: 400 })
    const res = await postJson(`${server.url}/api/ask`, { question: '郑大二附院周边的路什么时候通车？' })
    const body = (await res.json()) as { mode: string; warnings: string[] }
    expect(body.mode).toBe('extractive')
    expect(body.warnings[0]).toBe('大模型暂时无法回答，以下是从报道中直接摘录的回答。')
    expect(JSON.stringify(body)).not.toContain('127.0.0.1')
  })
})
