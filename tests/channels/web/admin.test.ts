import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../src/channels/web/index.js'
import { createSqliteStore, openDb, openPostgresStore, type Db, type Store } from '../../../src/store/index.js'
import { usePostgres } from '../../helpers/postgres.js'
import { useTmpDir } from '../../helpers/tmp.js'
import { postJson, serveSamples } from './web-helpers.js'

const tmp = useTmpDir()
const pg = usePostgres()
const PASSWORD = 'correct horse battery'
const SAMPLE = 'data/samples/000_5adc3b2768a65fa1.txt'
// What `newsbot serve` hands the web channel: the SQLite database (uploads beside its file), or the
// PostgreSQL store (uploads beside NEWSBOT_DB's folder).
const backends: { name: string; open: () => Promise<{ source: Db | Store; store: Store }> }[] = [
  { name: 'sqlite', open: async () => {
    const db = openDb(join(tmp(), 'admin.db'))
    return { source: db, store: createSqliteStore(db) }
  } },
  ...(pg.available ? [{ name: 'postgres', open: async () => {
    const store = await openPostgresStore(await pg.createDatabase(), { poolSize: 4 })
    return { source: store, store }
  } }] : []),
]

/** A browser's cookie jar over fetch, redirects not followed. */
function browser(base: () => string) {
  const jar = new Map<string, string>()
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await fetch(`${base()}${path}`, { ...init, headers, redirect: 'manual' })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [k, v] = pair!.split('=') as [string, string]
      if (/Max-Age=0/i.test(line) || v === '') jar.delete(k)
      else jar.set(k, v)
    }
    return res
  }
  const form = (fields: Record<string, string>) => new URLSearchParams(fields)
  return {
    jar,
    get: request,
    post: (path: string, fields: Record<string, string>) => request(path, { method: 'POST', body: form(fields) }),
    async token(path: string): Promise<string> {
      const html = await (await request(path)).text()
      return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
    },
    async login(): Promise<string> {
      const res = await this.post('/admin/login', { password: PASSWORD, _csrf: await this.token('/admin/login') })
      expect(res.status).toBe(303)
      return this.token('/admin')
    },
  }
}

describe.each(backends)('the operator console on $name', ({ open }) => {
  let source: Db | Store
  let store: Store
  let server: RunningServer
  beforeEach(async () => {
    ;({ source, store } = await open())
    server = await serveSamples(source, { perMinute: Infinity }, { NEWSBOT_ADMIN_PASSWORD: PASSWORD, NEWSBOT_DB: join(tmp(), 'admin.db') })
  })
  afterEach(async () => {
    await server.close()
    await store.close()
  })

  it('is off without NEWSBOT_ADMIN_PASSWORD and says how to turn it on', async () => {
    const off = await serveSamples(source)
    try {
      const res = await fetch(`${off.url}/admin`)
      expect(res.status).toBe(404)
      expect(await res.text()).toContain('NEWSBOT_ADMIN_PASSWORD')
      expect((await fetch(`${off.url}/admin/articles`)).status).toBe(404)
    } finally {
      await off.close()
    }
  })

  it('sends a visitor without a session to the login form, and logs in with an HttpOnly SameSite=Strict cookie', async () => {
    const b = browser(() => server.url)
    const first = await b.get('/admin/articles')
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/admin/login')
    const token = await b.token('/admin/login')
    expect(token).toMatch(/^[\w-]{43}$/)
    const res = await b.post('/admin/login', { password: PASSWORD, _csrf: token })
    expect(res.status).toBe(303)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('newsbot_admin='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\/admin/)
    const overview = await b.get('/admin')
    expect(overview.status).toBe(200)
    expect(overview.headers.get('cache-control')).toBe('no-store')
    expect(await overview.text()).toContain('篇文章')
    expect((await b.post('/admin/logout', { _csrf: await b.token('/admin') })).status).toBe(303)
    expect((await b.get('/admin')).status).toBe(303)
  })

  it('refuses a wrong password, a login form without its token, and too many attempts', async () => {
    const b = browser(() => server.url)
    const token = await b.token('/admin/login')
    const wrong = await b.post('/admin/login', { password: 'guess guess guess', _csrf: token })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('密码不对')
    expect(b.jar.has('newsbot_admin')).toBe(false)
    const forged = await b.post('/admin/login', { password: PASSWORD, _csrf: 'x'.repeat(43) })
    expect(forged.status).toBe(403)
    expect(b.jar.has('newsbot_admin')).toBe(false)
    for (let i = 0; i < 3; i++) await b.post('/admin/login', { password: 'guess', _csrf: token })
    const limited = await b.post('/admin/login', { password: PASSWORD, _csrf: token })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(b.jar.has('newsbot_admin')).toBe(false)
  })

  it('ingests uploaded files like the CLI, with a result per file', async () => {
    const b = browser(() => server.url)
    const csrf = await b.login()
    const body = new FormData()
    body.set('_csrf', csrf)
    body.append('files', new Blob([readFileSync(SAMPLE)]), '../../etc/seed-page.txt')
    body.append('files', new Blob(['{"title": "只有标题"}\nnot json\n']), 'export.jsonl')
    body.append('files', new Blob(['%PDF-1.4']), 'scan.pdf')
    body.append('files', new Blob(['PK']), 'page.docx')
    body.append('files', new Blob(['{"paper": "假报纸"}']), 'manifest.json')
    const res = await b.get('/admin/ingest', { method: 'POST', body })
    expect(res.status).toBe(303)
    const html = await (await b.get(res.headers.get('location')!)).text()
    const rows = [...html.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]])
    expect(rows[0]![0]).toBe('seed-page.txt')
    expect(rows[0]![1]).toMatch(/^新增 [1-9]\d*，更新 0，未变 0$/)
    expect(rows[1]![0]).toBe('export.jsonl')
    expect(rows[1]![2]).toMatch(/第 1 行：.*text/)
    expect(rows[1]![2]).toMatch(/第 2 行：/)
    expect(rows[2]).toEqual(['scan.pdf', '失败', expect.stringContaining('不是有效的 PDF 文件')])
    expect(rows[3]).toEqual(['page.docx', '失败', expect.stringContaining('不支持的文件类型')])
    expect(rows[4]).toEqual(['manifest.json', '失败', expect.stringContaining('不能上传')])
    expect(html).not.toContain(tmp())
    const stored = await store.listArticles({ limit: 100 })
    expect(stored.length).toBeGreaterThan(0)
    const list = await (await b.get('/admin/articles')).text()
    for (const a of stored) expect(list).toContain(a.title.replaceAll('"', '&quot;'))
    const again = new FormData()
    again.set('_csrf', csrf)
    again.append('files', new Blob([readFileSync(SAMPLE)]), 'seed-page.txt')
    expect((await b.get('/admin/ingest', { method: 'POST', body: again })).status).toBe(303)
    expect(await (await b.get('/admin/ingest?done=1')).text()).toMatch(/新增 0，更新 0，未变 [1-9]/)
  })

  it('corrects a headline, date and byline, and deletes an article, each only with the form token', async () => {
    const b = browser(() => server.url)
    const csrf = await b.login()
    const body = new FormData()
    body.set('_csrf', csrf)
    body.append('files', new Blob([readFileSync(SAMPLE)]), 'seed.txt')
    await b.get('/admin/ingest', { method: 'POST', body })
    const [first, second] = await store.listArticles({ limit: 2 })
    const path = `/admin/articles/${encodeURIComponent(first!.id)}`
    const fields = { title: '<b>改正后的标题</b>', date: '2023-12-06', byline: '记者 张三' }
    expect((await b.post(path, fields)).status).toBe(403)
    expect((await b.post(path, { ...fields, _csrf: 'x'.repeat(43) })).status).toBe(403)
    expect((await store.getArticle(first!.id))!.title).toBe(first!.title)
    expect((await b.post(path, { ...fields, date: '2023-02-30', _csrf: csrf })).status).toBe(400)
    const saved = await b.post(path, { ...fields, _csrf: csrf })
    expect(saved.status).toBe(303)
    expect(await store.getArticle(first!.id)).toMatchObject({ title: '<b>改正后的标题</b>', date: '2023-12-06', byline: '记者 张三' })
    const page = await (await b.get(saved.headers.get('location')!)).text()
    expect(page).toContain('已保存')
    expect(page).toContain('&lt;b&gt;改正后的标题&lt;/b&gt;')
    expect(page).not.toContain('<b>改正后的标题')
    const api = (await (await fetch(`${server.url}/api/articles/${encodeURIComponent(first!.id)}`)).json()) as { title: string }
    expect(api.title).toBe('<b>改正后的标题</b>')

    const del = `/admin/articles/${encodeURIComponent(second!.id)}/delete`
    expect((await b.post(del, { confirm: 'yes' })).status).toBe(403)
    expect((await b.post(del, { _csrf: csrf })).status).toBe(400)
    expect(await store.getArticle(second!.id)).toBeDefined()
    const gone = await b.post(del, { confirm: 'yes', _csrf: csrf })
    expect(gone.status).toBe(303)
    expect(await store.getArticle(second!.id)).toBeUndefined()
    expect((await fetch(`${server.url}/api/articles/${encodeURIComponent(second!.id)}`)).status).toBe(404)
  })

  it('groups the questions it could not answer, with counts and nearest headlines, and shows the log escaped', async () => {
    const body = new FormData()
    const b = browser(() => server.url)
    body.set('_csrf', await b.login())
    body.append('files', new Blob([readFileSync(SAMPLE)]), 'seed.txt')
    await b.get('/admin/ingest', { method: 'POST', body })
    for (const question of ['经开区火星基地什么时候建成？', '经开区火星基地何时建成', '<script>alert(1)</script>经开区火星基地建成了吗']) {
      expect((await postJson(`${server.url}/api/ask`, { question })).status).toBe(200)
    }
    const html = await (await b.get('/admin/questions')).text()
    expect(html).toMatch(/<strong>[^<]*经开区火星基地[^<]*<\/strong> <span class="count">3 次<\/span>/)
    expect(html).toContain('最接近的报道：<a href="/articles/')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;经开区火星基地建成了吗')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('保留 90 天')
  })

  it('lists subscriptions and the digest send log of the last days', async () => {
    const now = Date.now()
    await store.saveSubscription(1001, { sendTime: '07:30', areas: ['经开区'] }, now)
    const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)
    await store.claimSend({ chatId: 1001, day: today, issueDate: '2023-11-15', now, maxAttempts: 3 })
    await store.settleSend(1001, today, { state: 'sent', messageIds: [5] }, now)
    const b = browser(() => server.url)
    await b.login()
    const html = await (await b.get('/admin/subscriptions')).text()
    expect(html).toContain('<td>1001</td><td>07:30</td><td>经开区</td>')
    expect(html).toContain(`<td>${today}</td><td>1001</td><td>已发送</td><td>2023-11-15</td>`)
  })
})
