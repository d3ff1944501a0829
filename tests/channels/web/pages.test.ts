import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { escapeHtml, highlight } from '../../../src/channels/web/html.js'
import type { Db } from '../../../src/store/index.js'
import { serveSamples, useServedSamples } from './web-helpers.js'

const QUESTION = '郑大二附院周边的路什么时候通车？'
let db: Db
let url: string
useServedSamples((s) => ({ db, url } = { db: s.db, url: s.server.url }))

const page = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${url}${path}`, init)
  return { status: res.status, headers: res.headers, html: await res.text() }
}

describe('highlight', () => {
  it.each([
    ['a verbatim quote', '路将在9月底通车。', '9月底通车', '路将在<mark>9月底通车</mark>。'],
    ['each word of a search', '安置房分配，安置房建设', '安置房 建设', '<mark>安置房</mark>分配，<mark>安置房</mark><mark>建设</mark>'],
    ['escaping inside and outside the mark', '<b>&</b>', '&', '&lt;b&gt;<mark>&amp;</mark>&lt;/b&gt;'],
    ['nothing without q', 'a<b', undefined, 'a&lt;b'],
  ])('marks %s', (_, text, q, html) => {
    expect(highlight(text, q)).toBe(html)
  })

  it('escapes quotes, so a value cannot leave its attribute', () => {
    expect(escapeHtml(`"'><script>`)).toBe('&quot;&#39;&gt;&lt;script&gt;')
  })
})

describe('the reader pages', () => {
  it('serves the ask page in Chinese with its own script and stylesheet, no inline script, under a CSP', async () => {
    const { status, headers, html } = await page('/')
    expect(status).toBe(200)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<form id="ask" class="ask" action="/ask" method="post">')
    expect(html).toContain('<script src="/static/app.js" defer></script>')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/https?:\/\//)
    expect(headers.get('content-security-policy')).toMatch(/^default-src 'self'/)
    expect(html).toContain('最新报道')
  })

  it('shows the newest issue digest beside the question box, headlines linking to their articles', async () => {
    const { html } = await page('/')
    const digest = await (await fetch(`${url}/api/digest`)).json() as { date: string; sections: { items: { id: string; title: string }[] }[] }
    const first = digest.sections[0]!.items[0]!
    expect(html).toContain(`${digest.date} 简报`)
    expect(html).toContain(`href="/articles/${encodeURIComponent(first.id)}"`)
    expect(html.indexOf('简报</h2>')).toBeLessThan(html.indexOf('最新报道'))
  })

  it('serves the script and stylesheet itself', async () => {
    const js = await fetch(`${url}/static/app.js`)
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    const source = await js.text()
    expect(source).toContain("fetch('/api/ask'")
    expect(() => new Script(source)).not.toThrow()
    expect(source).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/)
    expect((await fetch(`${url}/static/style.css`)).headers.get('content-type')).toMatch(/^text\/css/)
    expect((await fetch(`${url}/static/../app.ts`)).status).toBe(404)
  })

  it('answers a plain form post without JavaScript, [n] linking to the article with its quote', async () => {
    const { status, html } = await page('/ask', { method: 'POST', body: new URLSearchParams({ question: QUESTION }) })
    expect(status).toBe(200)
    expect(html).toContain('9月底')
    const link = /<a class="cite" href="\/articles\/([^"?]+)\?q=([^"]+)">\[1\]<\/a>/.exec(html)
    expect(link).not.toBeNull()
    const article = await page(`/articles/${link![1]}?q=${link![2]}`)
    expect(article.html).toMatch(/<mark>[^<]*9月底前郑大二附院周边道路全部建成通车[^<]*<\/mark>/)
  })

  it('escapes an HTML/script question on the answer page', async () => {
    const { html } = await page('/ask', { method: 'POST', body: new URLSearchParams({ question: '<script>alert(1)</script><img src=x onerror=alert(2)>安置房' }) })
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('shows an article with headline, paper, date, byline and text, highlighting ?q= escaped', async () => {
    const [hit] = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('森林防灭火')}&k=1`)).json()) as { id: string }[]
    const a = (await (await fetch(`${url}/api/articles/${hit!.id}`)).json()) as { title: string; paper: string; date: string; byline: string }
    const { status, html } = await page(`/articles/${hit!.id}?q=${encodeURIComponent('培训 <script>')}`)
    expect(status).toBe(200)
    expect(html).toContain(`<h1>${a.title}</h1>`)
    expect(html).toContain(a.paper)
    expect(html).toContain(a.date)
    expect(html).toContain(`<p class="byline">${a.byline}</p>`)
    expect(html).toContain('<mark>培训</mark>')
    expect(html).not.toContain('<script>')
  })

  it('says so, with 404, for an unknown article', async () => {
    const { status, html } = await page('/articles/no-such')
    expect(status).toBe(404)
    expect(html).toContain('没有这篇文章')
  })

  it('lists search results with links, and keeps the query escaped in the box', async () => {
    const { status, html } = await page(`/search?q=${encodeURIComponent('安置房 "><b>')}`)
    expect(status).toBe(200)
    expect(html).toContain('value="安置房 &quot;&gt;&lt;b&gt;"')
    expect(html).toMatch(/<ol class="hits"><li><a href="\/articles\/[^"]+\?q=/)
    expect((await page('/search')).html).toContain('<form class="search"')
  })

  it('shows the newest digest grouped by area, and 400 for a bad date', async () => {
    const { status, html } = await page('/digest')
    expect(status).toBe(200)
    expect(html).toMatch(/<h1>每日简报 · \d{4}-\d{2}-\d{2}<\/h1>/)
    expect(html).toMatch(/<section><h2>[^<]+<\/h2><ul><li><a href="\/articles\//)
    expect((await page('/digest?date=2023-13')).status).toBe(400)
    expect((await page('/digest?date=1999-01-01')).status).toBe(404)
  })

  it('answers an unknown page with a Chinese 404 page', async () => {
    const { status, html } = await page('/nowhere')
    expect(status).toBe(404)
    expect(html).toContain('没有这个页面')
  })

  it('answers a reader over the limit with a Chinese 429 page and Retry-After', async () => {
    const limited = await serveSamples(db, {}, { NEWSBOT_WEB_RATE_PER_MINUTE: '1' })
    try {
      const ask = () => fetch(`${limited.url}/ask`, { method: 'POST', body: new URLSearchParams({ question: QUESTION }) })
      expect((await ask()).status).toBe(200)
      const res = await ask()
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await res.text()).toContain('提问太频繁了')
    } finally {
      await limited.close()
    }
  })
})
