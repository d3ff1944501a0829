import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { createWebApp, type RunningServer, type WebDeps } from '../../../src/channels/web/index.js'
import { postJson, useServedSamples } from './web-helpers.js'

let server: RunningServer & { deps: WebDeps }
let doc: { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> }
useServedSamples((s) => (server = s.server), { perMinute: 3 })
beforeAll(async () => {
  doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as typeof doc
})

/** Validates a real response body against the schema the document gives for its route, method and status. */
function check(path: string, method: string, status: number, body: unknown): void {
  const schema = doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema
  expect(schema, `${method} ${path} ${status} is documented`).toBeDefined()
  const validate = new Ajv2020({ strict: false }).compile(schema!)
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document naming every JSON route the app serves', () => {
    expect(doc.openapi).toBe('3.1.0')
    const app = createWebApp(server.deps)
    const served = app.routes
      .filter((r) => (r.path.startsWith('/api/') || r.path === '/healthz') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    expect(served.length).toBeGreaterThanOrEqual(6)
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string]
      expect(doc.paths[path]?.[method], route).toBeDefined()
    }
  })

  it('describes the real replies of every route, errors included', async () => {
    const u = server.url
    const ask = await postJson(`${u}/api/ask`, { question: '郑大二附院周边的路什么时候通车？' })
    check('/api/ask', 'post', 200, await ask.json())
    const bad = await postJson(`${u}/api/ask`, { question: 42 })
    check('/api/ask', 'post', 400, await bad.json())
    const search = await fetch(`${u}/api/search?q=${encodeURIComponent('安置房')}&k=3`)
    const hits = (await search.json()) as { id: string }[]
    check('/api/search', 'get', 200, hits)
    const article = await fetch(`${u}/api/articles/${encodeURIComponent(hits[0]!.id)}`)
    check('/api/articles/{id}', 'get', 200, await article.json())
    check('/api/articles/{id}', 'get', 404, await (await fetch(`${u}/api/articles/nope`)).json())
    check('/api/digest', 'get', 200, await (await fetch(`${u}/api/digest`)).json())
    check('/api/digest', 'get', 400, await (await fetch(`${u}/api/digest?date=yesterday`)).json())
    check('/healthz', 'get', 200, await (await fetch(`${u}/healthz`)).json())
    const big = await postJson(`${u}/api/ask`, { question: 'x'.repeat(1024 * 1024) })
    check('/api/ask', 'post', 413, await big.json())
    const limited = await fetch(`${u}/api/search?q=${encodeURIComponent('道路')}`)
    expect(limited.status).toBe(429)
    check('/api/search', 'get', 429, await limited.json())
  })

  it('rejects a reply that does not fit (the schemas are strict)', () => {
    expect(() => check('/healthz', 'get', 200, { ok: true, articles: 1, secret: 'x' })).toThrow()
  })
})
