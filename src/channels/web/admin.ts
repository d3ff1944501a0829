import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { Hono, type MiddlewareHandler } from 'hono'
import { localDay, previousDay } from '../../digest/index.js'
import { MANIFEST_NAME } from '../../ingest/index.js'
import { groupSimilarQuestions } from '../../retrieve/index.js'
import { createAdminAuth, sameToken, type AdminSession } from './admin-auth.js'
import {
  adminLayout, articleEditPage, articleListPage, ingestPage, loginPage, offPage, overviewPage, questionsPage, subscriptionsPage,
  type FileResult,
} from './admin-pages.js'
import type { AdminSettings, WebDeps } from './deps.js'
import { clientAddress } from './guard.js'
import { layout } from './html.js'
import { createRateLimiter } from './rate-limit.js'

// Login attempts per client address and minute: enough for typos, far too few to guess a password.
const LOGIN_PER_MINUTE = 5
const UNANSWERED_READ = 500
const GROUPS_SHOWN = 30
const LOG_SHOWN = 100
const SEND_LOG_DAYS = 7
const ARTICLES_PER_PAGE = 50
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Env = { Variables: { session: AdminSession } }

/** The operator console at /admin; without a password it only says how to turn it on. */
export function createAdmin(deps: WebDeps): Hono<Env> {
  const admin = new Hono<Env>()
  const settings = deps.admin
  const store = deps.store
  if (!settings) {
    admin.all('*', (c) => c.html(offPage(), 404))
    return admin
  }
  const auth = createAdminAuth(settings.password, settings.now)
  const attempts = createRateLimiter(LOGIN_PER_MINUTE)

  admin.get('/login', (c) => (auth.session(c) ? c.redirect('/admin', 303) : c.html(loginPage(auth.loginToken(c)))))
  admin.post('/login', async (c) => {
    const taken = attempts.take(clientAddress(c))
    if (!taken.ok) {
      c.header('Retry-After', String(taken.retryAfter))
      return c.html(loginPage(auth.loginToken(c), `登录尝试太多了，请 ${taken.retryAfter} 秒后再试。`), 429)
    }
    const form = await c.req.parseBody()
    if (!auth.checkLoginToken(c, form._csrf)) return c.html(loginPage(auth.loginToken(c), '表单已过期，请重新输入密码。'), 403)
    if (!auth.checkPassword(typeof form.password === 'string' ? form.password : '')) {
      return c.html(loginPage(auth.loginToken(c), '密码不对。'), 401)
    }
    auth.login(c)
    return c.redirect('/admin', 303)
  })

  // Everything below needs a session; every form post also needs the session's token.
  admin.use('*', requireSession(auth))

  admin.post('/logout', (c) => {
    auth.logout(c)
    return c.redirect('/admin/login', 303)
  })

  admin.get('/', async (c) => {
    const today = localDay(now(settings), settings.timezone)
    const [stats, questions, subscriptions] = await Promise.all([store.getStoreStats(), store.countQuestionsOn(today), store.listSubscriptions()])
    return c.html(adminLayout('概况', c.var.session.csrf, overviewPage(stats, questions, subscriptions.length)))
  })

  admin.get('/questions', async (c) => {
    const groups = groupSimilarQuestions((await store.listUnansweredQuestions(UNANSWERED_READ)).map((q) => q.question)).slice(0, GROUPS_SHOWN)
    const nearest = await Promise.all(groups.map(async (g) => (await settings.index.search(g.questions[0]!, { k: 3 })).hits.map((h) => ({ id: h.id, title: h.title, date: h.date }))))
    const body = questionsPage(groups.map((g, i) => ({ ...g, nearest: nearest[i]! })), await store.listQuestionLog(LOG_SHOWN), settings.retentionDays)
    return c.html(adminLayout('读者的提问', c.var.session.csrf, body))
  })

  const ingestView = (session: AdminSession, results: FileResult[] = [], error?: string) =>
    adminLayout('导入报纸', session.csrf, ingestPage(session.csrf, results, error), { script: 'admin.js' })
  admin.get('/ingest', (c) => c.html(ingestView(c.var.session, c.req.query('done') ? c.var.session.lastUpload : [])))
  // Post, then redirect to the results (a reload does not upload again); the upload script follows the redirect.
  admin.post('/ingest', async (c) => {
    const form = await c.req.parseBody({ all: true })
    const files = [form.files].flat().filter((f): f is File => f instanceof File && f.name !== '')
    if (files.length === 0) return c.html(ingestView(c.var.session, [], '请选择要上传的文件。'), 400)
    const results: FileResult[] = []
    for (const file of files) results.push(await ingestUpload(settings, file))
    c.var.session.lastUpload = results
    return c.redirect('/admin/ingest?done=1', 303)
  })

  admin.get('/articles', async (c) => {
    const date = c.req.query('date')
    const offset = Math.max(0, Number(c.req.query('offset')) || 0)
    const filter = date && DATE.test(date) ? date : undefined
    const articles = await store.listArticles({ date: filter, limit: ARTICLES_PER_PAGE + 1, offset })
    const note = c.req.query('deleted') ? `已删除文章 ${c.req.query('deleted')}。` : undefined
    const body = articleListPage(articles.slice(0, ARTICLES_PER_PAGE), { date: filter, offset, more: articles.length > ARTICLES_PER_PAGE, perPage: ARTICLES_PER_PAGE, note })
    return c.html(adminLayout('文章', c.var.session.csrf, body))
  })

  admin.get('/articles/:id', async (c) => {
    const article = await store.getArticle(c.req.param('id'))
    if (!article) return c.html(adminLayout('找不到文章', c.var.session.csrf, '<p class="notice">没有这篇文章。</p>'), 404)
    const note = c.req.query('saved') ? '已保存。' : undefined
    return c.html(adminLayout(`修改：${article.title}`, c.var.session.csrf, articleEditPage(article, c.var.session.csrf, { note })))
  })

  admin.post('/articles/:id', async (c) => {
    const id = c.req.param('id')
    const article = await store.getArticle(id)
    if (!article) return c.html(adminLayout('找不到文章', c.var.session.csrf, '<p class="notice">没有这篇文章。</p>'), 404)
    const form = await c.req.parseBody()
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '')
    const [title, date, byline] = [field('title'), field('date'), field('byline')]
    const problem = !title ? '标题不能为空。' : title.length > 200 ? '标题最多 200 个字。' : date && !validDate(date) ? '日期格式应为 YYYY-MM-DD，例如 2023-12-06。' : byline.length > 100 ? '署名最多 100 个字。' : undefined
    if (problem) {
      const edited = { ...article, title, date: date || null, byline: byline || null }
      return c.html(adminLayout(`修改：${article.title}`, c.var.session.csrf, articleEditPage(edited, c.var.session.csrf, { error: problem })), 400)
    }
    await settings.writer.correct(id, { title, issueDate: date || null, byline: byline || null })
    return c.redirect(`/admin/articles/${encodeURIComponent(id)}?saved=1`, 303)
  })

  admin.post('/articles/:id/delete', async (c) => {
    const id = c.req.param('id')
    const article = await store.getArticle(id)
    if (!article) return c.html(adminLayout('找不到文章', c.var.session.csrf, '<p class="notice">没有这篇文章。</p>'), 404)
    const form = await c.req.parseBody()
    if (form.confirm !== 'yes') {
      return c.html(adminLayout(`修改：${article.title}`, c.var.session.csrf, articleEditPage(article, c.var.session.csrf, { error: '删除前请勾选“确认删除”。' })), 400)
    }
    await settings.writer.remove(id)
    return c.redirect(`/admin/articles?deleted=${encodeURIComponent(id)}`, 303)
  })

  admin.get('/subscriptions', async (c) => {
    let from = localDay(now(settings), settings.timezone)
    for (let i = 1; i < SEND_LOG_DAYS; i++) from = previousDay(from)
    const [records, subscriptions] = await Promise.all([store.listSendRecords(from), store.listSubscriptions()])
    const sends = records.sort((a, b) => b.digestDate.localeCompare(a.digestDate) || a.chatId - b.chatId)
    return c.html(adminLayout('订阅与简报', c.var.session.csrf, subscriptionsPage(subscriptions, sends, SEND_LOG_DAYS, settings.timezone)))
  })

  return admin
}

function now(settings: AdminSettings): number {
  return (settings.now ?? Date.now)()
}

function validDate(s: string): boolean {
  return DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
}

/** Without a session: pages send the browser to the login form, posts are refused. With one: posts must carry its token. */
function requireSession(auth: ReturnType<typeof createAdminAuth>): MiddlewareHandler<Env> {
  return async (c, next) => {
    const session = auth.session(c)
    if (!session) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return c.redirect('/admin/login', 303)
      return c.html(layout('请先登录', '<p class="notice">登录已过期，请<a href="/admin/login">重新登录</a>。</p>'), 403)
    }
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>)
      if (!sameToken(session.csrf, form._csrf)) {
        return c.html(layout('请求被拒绝', '<p class="notice">表单缺少安全令牌或令牌不对（CSRF 防护）。请回到后台页面重新提交。</p>'), 403)
      }
    }
    c.set('session', session)
    await next()
    // Console pages hold what readers asked and unpublished corrections: no cache keeps them.
    c.header('Cache-Control', 'no-store')
  }
}

/**
 * Saves an uploaded file under its own name in the upload folder and ingests it the way `newsbot
 * ingest` does; errors name the file, never the server's folders.
 */
async function ingestUpload(settings: AdminSettings, file: File): Promise<FileResult> {
  const name = safeName(file.name)
  if (!name) return { name: file.name, failed: ['文件名不可用，请改名后再上传。'] }
  // A manifest in the upload folder would give its paper and dates to every later upload.
  if (name === MANIFEST_NAME) return { name, failed: [`${MANIFEST_NAME} 不能上传：报纸名称和日期会从版面中识别，识别错了可在文章页修改。`] }
  mkdirSync(settings.uploadDir, { recursive: true })
  const path = join(settings.uploadDir, name)
  writeFileSync(path, Buffer.from(await file.arrayBuffer()))
  const s = await settings.writer.write([path])
  const failed = s.failed.map((f) => `${f.line ? `第 ${f.line} 行：` : ''}${f.error.replaceAll(path, name).replaceAll(settings.uploadDir, '')}`)
  return { name, added: s.added, updated: s.updated, unchanged: s.unchanged, removed: s.removed, failed }
}

/** The file's own name, without any folder a browser sent, limited to characters safe in a path. */
function safeName(raw: string): string | undefined {
  const name = basename(raw.replaceAll('\\', '/')).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-120)
  return name && !name.startsWith('.') ? name : undefined
}
