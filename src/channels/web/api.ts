import { Hono, type Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import { checkQuestion } from '../../answer/index.js'
import { toAskJson, toDigestJson, toSearchJson, toShowJson } from '../json.js'
import type { WebDeps } from './deps.js'
import { AskBody, DigestQuery, firstIssue, SearchQuery } from './schemas.js'
import { jsonError, type Limit } from './guard.js'
import { openApiDocument } from './openapi.js'

/** The JSON API: the shapes of the CLI's --json, errors as {error}. */
export function createApi(deps: WebDeps, limit: Limit): Hono {
  const api = new Hono()

  api.post('/ask', limit, async (c) => {
    const body = AskBody.safeParse(await c.req.json().catch(() => undefined))
    if (!body.success) return jsonError(c, 400, body.error.issues[0]?.path.length ? firstIssue(body.error) : '请求体应为 JSON：{"question": "…"}。')
    const question = checkQuestion(body.data.question) // throws InputError → 400
    const history = (body.data.history ?? []).map((t) => ({ question: t.question, searched: t.question, answer: t.answer }))
    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) return c.json(toAskJson(await deps.ask(question, history)))
    return streamAnswer(c, deps, question, history)
  })

  api.get('/search', limit, async (c) => {
    const query = SearchQuery.safeParse(c.req.query())
    if (!query.success) return jsonError(c, 400, firstIssue(query.error))
    return c.json((await deps.search(query.data.q, query.data.k)).map(toSearchJson))
  })

  api.get('/articles/:id', async (c) => {
    const article = await deps.store.getArticle(c.req.param('id'))
    return article ? c.json(toShowJson(article)) : jsonError(c, 404, '没有这篇文章。')
  })

  api.get('/digest', async (c) => {
    const query = DigestQuery.safeParse(c.req.query())
    if (!query.success) return jsonError(c, 400, firstIssue(query.error))
    return c.json(toDigestJson(await deps.digest(query.data.date)))
  })

  const openApi = openApiDocument()
  api.get('/openapi.json', (c) => c.json(openApi))

  api.all('*', (c) => jsonError(c, 404, '没有这个接口。'))
  return api
}

/** `token` events while the model writes (the whole answer at once from the extractive answerer), then one `answer`. */
function streamAnswer(c: Context, deps: WebDeps, question: string, history: { question: string; searched: string; answer: string }[]) {
  return streamSSE(c, async (stream) => {
    // A comment line first, and a turn of the event loop to send it: the reader (and any proxy) sees the
    // request taken at once, before the answer's CPU work holds the loop.
    await stream.write(': 正在查找报道\n\n')
    await new Promise((resolve) => setImmediate(resolve))
    let streamed = false
    const result = await deps.ask(question, history, (token) => {
      streamed = true
      void stream.writeSSE({ event: 'token', data: JSON.stringify(token) })
    })
    const json = toAskJson(result)
    if (!streamed) await stream.writeSSE({ event: 'token', data: JSON.stringify(json.answer) })
    await stream.writeSSE({ event: 'answer', data: JSON.stringify(json) })
  }, async (err, stream) => {
    deps.onError?.(err)
    await stream.writeSSE({ event: 'error', data: JSON.stringify({ error: '回答时出错了，请稍后再试。' }) })
  })
}

/** `{ok: true, articles: N}` for load balancers and monitors. */
export function health(deps: WebDeps) {
  return async (c: Context) => c.json({ ok: true, articles: await deps.store.countArticles() })
}
