import { readFileSync } from 'node:fs'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { InputError } from '../../errors.js'
import { createAdmin } from './admin.js'
import { createApi, health } from './api.js'
import type { WebDeps } from './deps.js'
import { createLimit, jsonError } from './guard.js'
import { escapeHtml, layout } from './html.js'
import { createPages } from './pages.js'
import { createAddressLimiter } from './rate-limit.js'

/** The largest request body accepted: a question with its history fits many times over. */
export const MAX_BODY_BYTES = 64 * 1024
/** The largest upload to the console: a batch of page files or a sizeable JSONL export. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024

const STATIC_DIR = new URL('./static/', import.meta.url)
const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'admin.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
}

/** The reader's pages, the JSON/SSE API and their assets, as one Hono app (no socket yet). */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono()
  const assets = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(new URL(name, STATIC_DIR), 'utf8')]))
  const page = (title: string, text: string) => layout(title, `<p class="notice">${escapeHtml(text)}</p>`)
  const limit = createLimit(createAddressLimiter(deps.perMinute, deps.rates), (c, s) => c.html(page('请稍候', `提问太频繁了，请 ${s} 秒后再试。`), 429))

  const embedAncestors = deps.embedOrigins.join(' ')
  app.use('*', async (c, next) => {
    await next()
    // No inline script, no outside origin: every asset is newsbot's own (pages must work on an intranet).
    // Only /embed may be framed (by NEWSBOT_EMBED_ORIGINS): a framed console or answer page invites clickjacking.
    const embed = c.req.path === '/embed'
    c.header('Content-Security-Policy', `default-src 'self'; frame-ancestors ${embed ? embedAncestors : "'none'"}; base-uri 'none'; form-action 'self'`)
    if (!embed) c.header('X-Frame-Options', 'DENY')
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'same-origin')
  })
  const tooLarge = (limit: string) => (c: Context) => {
    // The rest of the body is never read, so the connection cannot carry another request.
    c.header('Connection', 'close')
    const message = `请求太大了，最多 ${limit}。`
    return c.req.path.startsWith('/admin/') ? c.html(page('文件太大', message), 413) : jsonError(c, 413, message)
  }
  const small = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge(`${MAX_BODY_BYTES / 1024} KB`) })
  const upload = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge(`${MAX_UPLOAD_BYTES >> 20} MB`) })
  app.use('*', (c, next) => (c.req.path === '/admin/ingest' && deps.admin ? upload(c, next) : small(c, next)))

  app.get('/healthz', health(deps))
  app.get('/static/:name', (c) => {
    const name = c.req.param('name')
    const body = assets.get(name)
    if (body === undefined) return c.text('没有这个文件。', 404)
    return c.body(body, 200, { 'Content-Type': ASSETS[name]!, 'Cache-Control': 'public, max-age=300' })
  })
  app.route('/api', createApi(deps, limit))
  app.route('/admin', createAdmin(deps))
  app.route('/', createPages(deps, limit))

  app.notFound((c) => (c.req.path.startsWith('/api/') ? jsonError(c, 404, '没有这个接口。') : c.html(page('找不到页面', '没有这个页面。'), 404)))
  app.onError((err, c) => {
    const api = c.req.path.startsWith('/api/')
    if (err instanceof InputError) return api ? jsonError(c, 400, err.message) : c.html(page('出错了', err.message), 400)
    deps.onError?.(err)
    const message = '服务器出错了，请稍后再试。'
    return api ? jsonError(c, 500, message) : c.html(page('出错了', message), 500)
  })
  return app
}
