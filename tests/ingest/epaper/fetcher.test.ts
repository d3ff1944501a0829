import { createServer } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { UpstreamError } from '../../../src/errors.js'
import { createPoliteFetcher } from '../../../src/ingest/index.js'
import { startEpaperSite } from '../../helpers/epaper-server.js'
import { listenLocal } from '../../helpers/http.js'

const NODE = '/classic/html/2020-06/03/node_1.htm'
const ARTICLE = '/classic/html/2020-06/03/content_101.htm'

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers) await close()
  closers = []
})

async function site(opts: Parameters<typeof startEpaperSite>[0] = {}) {
  const s = await startEpaperSite(opts)
  closers.push(s.close)
  return s
}

describe('createPoliteFetcher', () => {
  it('names newsbot in its User-Agent and reads robots.txt once per site before the first page', async () => {
    const s = await site({ robots: 'User-agent: *\nAllow: /\n' })
    const fetcher = createPoliteFetcher({ delayMs: 0, timeoutMs: 2000 })
    await fetcher.get(s.origin + NODE)
    await fetcher.get(s.origin + ARTICLE)
    expect(s.seen.map((r) => r.path)).toEqual(['/robots.txt', NODE, ARTICLE])
    for (const r of s.seen) expect(r.userAgent).toMatch(/newsbot/)
  })

  it('does not request a page robots.txt disallows, for newsbot by name or for every robot', async () => {
    for (const robots of [`User-agent: newsbot\nDisallow: ${ARTICLE}\n`, 'User-agent: *\nDisallow: /classic/\n']) {
      const s = await site({ robots })
      const fetcher = createPoliteFetcher({ delayMs: 0, timeoutMs: 2000 })
      await expect(fetcher.get(s.origin + ARTICLE)).rejects.toThrow(/robots\.txt 不允许抓取/)
      expect(s.seen.map((r) => r.path)).toEqual(['/robots.txt'])
    }
  })

  it('sends the validators back and gets 304 without a body for an unchanged page', async () => {
    const s = await site()
    const fetcher = createPoliteFetcher({ delayMs: 0, timeoutMs: 2000 })
    const first = await fetcher.get(s.origin + ARTICLE)
    expect(first.status).toBe('ok')
    if (first.status !== 'ok') return
    expect(first.validators).toEqual({ etag: expect.any(String), lastModified: expect.any(String) })
    const again = await fetcher.get(s.origin + ARTICLE, first.validators)
    expect(again.status).toBe('not-modified')
    expect(s.seen.at(-1)).toMatchObject({ status: 304, ifNoneMatch: first.validators.etag, ifModifiedSince: first.validators.lastModified })
  })

  it('turns a 404 and a server that does not answer in time into one Chinese sentence each', async () => {
    const s = await site({ missing: [NODE], slow: { [ARTICLE]: 1500 } })
    const fetcher = createPoliteFetcher({ delayMs: 0, timeoutMs: 300 })
    await expect(fetcher.get(s.origin + NODE)).rejects.toThrow(/返回 404，页面不存在/)
    const slow = fetcher.get(s.origin + ARTICLE)
    await expect(slow).rejects.toBeInstanceOf(UpstreamError)
    await expect(slow).rejects.toThrow(/0\.3 秒内没有响应/)
  })

  it('sends one request at a time, even when asked for many at once', async () => {
    let open = 0
    let most = 0
    const server = createServer((_req, res) => {
      most = Math.max(most, ++open)
      setTimeout(() => {
        open--
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>')
      }, 20)
    })
    const { baseURL, close } = await listenLocal(server)
    closers.push(close)
    const fetcher = createPoliteFetcher({ delayMs: 0, timeoutMs: 2000 })
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => fetcher.get(`${baseURL}/page-${n}.htm`)))
    expect(results.every((r) => r.status === 'ok')).toBe(true)
    expect(most).toBe(1)
  })
})
