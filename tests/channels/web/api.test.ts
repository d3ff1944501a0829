import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/store/index.js'
import { parseEvents, postJson, serveSamples, useServedSamples } from './web-helpers.js'

const QUESTION = '郑大二附院周边的路什么时候通车？'
let db: Db
let url: string
useServedSamples((s) => ({ db, url } = { db: s.db, url: s.server.url }))

describe('the web JSON API', () => {
  it('answers POST /api/ask with the ask --json shape, every [n] linked to a citation', async () => {
    const res = await postJson(`${url}/api/ask`, { question: QUESTION })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { answer: string; mode: string; abstained: boolean; citations: { n: number; id: string; quote: string }[]; warnings: string[] }
    expect(Object.keys(body).sort()).toEqual(['abstained', 'answer', 'citations', 'mode', 'warnings'])
    expect(body).toMatchObject({ mode: 'extractive', abstained: false })
    expect(body.answer).toContain('9月底')
    const used = new Set([...body.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))
    expect(new Set(body.citations.map((c) => c.n))).toEqual(used)
    expect(Object.keys(body.citations[0]!).sort()).toEqual(['date', 'id', 'n', 'paper', 'quote', 'title'])
  })

  it('takes a follow-up with its history', async () => {
    const res = await postJson(`${url}/api/ask`, { question: '那它有多长？', history: [{ question: QUESTION, answer: '9月底前全部建成通车[1]。' }] })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { answer: string }).answer).toBeTruthy()
  })

  it('streams token events and then one answer event with Accept: text/event-stream', async () => {
    const res = await postJson(`${url}/api/ask`, { question: QUESTION }, { accept: 'text/event-stream' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const text = await res.text()
    // A comment goes first, so the reader sees the request taken before the answer is worked out.
    expect(text).toMatch(/^: .+\n\n/)
    const events = parseEvents(text)
    expect(events.length).toBeGreaterThanOrEqual(2)
    expect(events.slice(0, -1).every((e) => e.event === 'token' && typeof e.data === 'string')).toBe(true)
    const last = events.at(-1)!
    expect(last.event).toBe('answer')
    expect(events.slice(0, -1).map((e) => e.data).join('')).toBe((last.data as { answer: string }).answer)
  })

  it('returns an HTML/script question as data, not markup, with a JSON content type', async () => {
    const res = await postJson(`${url}/api/ask`, { question: '<script>alert("x")</script>安置房？' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(((await res.json()) as { answer: string }).answer).toBeTypeOf('string')
  })

  it.each([
    ['no question', { history: [] }],
    ['an empty question', { question: '  ？ ' }],
    ['a question too long', { question: '问'.repeat(501) }],
    ['history that is not a list', { question: QUESTION, history: 'x' }],
    ['a body that is not JSON', '{"question":'],
  ])('refuses %s with 400 and one Chinese sentence', async (_, body) => {
    const res = await postJson(`${url}/api/ask`, body)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: string }
    expect(error).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses a 1 MB body with 413', async () => {
    const res = await postJson(`${url}/api/ask`, { question: QUESTION, padding: 'x'.repeat(1024 * 1024) })
    expect(res.status).toBe(413)
    expect((await res.json()) as object).toEqual({ error: expect.stringMatching(/请求太大/) })
  })

  it('searches with GET /api/search in the search --json shape', async () => {
    const res = await fetch(`${url}/api/search?q=${encodeURIComponent('安置房')}&k=3`)
    expect(res.status).toBe(200)
    const hits = (await res.json()) as Record<string, unknown>[]
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.length).toBeLessThanOrEqual(3)
    expect(Object.keys(hits[0]!).sort()).toEqual(['date', 'id', 'paper', 'score', 'snippet', 'title'])
  })

  it.each([['?k=3'], ['?q=%20%20'], ['?q=x&k=0'], ['?q=x&k=abc'], ['?q=x&k=101']])('refuses GET /api/search%s with 400', async (query) => {
    const res = await fetch(`${url}/api/search${query}`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/[\u4e00-\u9fff]/)
  })

  it('gives an article with GET /api/articles/:id in the show --json shape, and 404 for an unknown id', async () => {
    const [hit] = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('通车')}&k=1`)).json()) as { id: string }[]
    const res = await fetch(`${url}/api/articles/${hit!.id}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: hit!.id, title: expect.any(String), text: expect.any(String), paper: expect.any(String) })
    const missing = await fetch(`${url}/api/articles/no-such-article`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: '没有这篇文章。' })
  })

  it('gives the digest with GET /api/digest, and 400 for a malformed date', async () => {
    const res = await fetch(`${url}/api/digest`)
    expect(res.status).toBe(200)
    const digest = (await res.json()) as { date: string; sections: { heading: string; items: { id: string; title: string; summary: string }[] }[] }
    expect(digest.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(digest.sections[0]!.items[0]).toEqual({ id: expect.any(String), title: expect.any(String), summary: expect.any(String) })
    const dated = (await (await fetch(`${url}/api/digest?date=${digest.date}`)).json()) as { date: string }
    expect(dated.date).toBe(digest.date)
    const bad = await fetch(`${url}/api/digest?date=yesterday`)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toContain('YYYY-MM-DD')
  })

  it('reports health with the article count', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, articles: 31 })
  })

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await fetch(`${url}/api/nothing`)
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: string }).error).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('the per-address rate limit', () => {
  it('answers 429 with Retry-After once asking and searching pass the limit', async () => {
    const limited = await serveSamples(db, {}, { NEWSBOT_WEB_RATE_PER_MINUTE: '2' })
    try {
      expect((await fetch(`${limited.url}/api/search?q=${encodeURIComponent('安置房')}`)).status).toBe(200)
      expect((await postJson(`${limited.url}/api/ask`, { question: QUESTION })).status).toBe(200)
      const res = await postJson(`${limited.url}/api/ask`, { question: QUESTION })
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(((await res.json()) as { error: string }).error).toMatch(/秒后再试/)
      expect((await fetch(`${limited.url}/api/search?q=x`)).status).toBe(429)
      // Reading is not limited.
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})

describe('shutting down', () => {
  it('finishes an answer in flight before close resolves', async () => {
    let release!: () => void
    let started!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const begun = new Promise<void>((r) => (started = r))
    const slow = await serveSamples(db)
    const ask = slow.deps.ask
    slow.deps.ask = async (...args) => {
      started()
      await gate
      return ask(...args)
    }
    const pending = postJson(`${slow.url}/api/ask`, { question: QUESTION })
    await begun
    let closed = false
    const closing = slow.close().then(() => (closed = true))
    release()
    const res = await pending
    expect(res.status).toBe(200)
    expect(((await res.json()) as { answer: string }).answer).toContain('9月底')
    await closing
    expect(closed).toBe(true)
  })
})
