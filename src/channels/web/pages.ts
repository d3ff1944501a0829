import { Hono, type Context } from 'hono'
import { checkQuestion } from '../../answer/index.js'
import { InputError } from '../../errors.js'
import { toAskJson, toDigestJson, toSearchJson, type AskJson } from '../json.js'
import type { Digest } from '../../digest/index.js'
import type { WebDeps } from './deps.js'
import type { Limit } from './guard.js'
import { articleHref, describeSource, escapeHtml, highlight, layout, renderAnswerText } from './html.js'
import { DigestQuery, firstIssue, SearchQuery } from './schemas.js'

/** The reader's pages, rendered on the server so they work without JavaScript. */
export function createPages(deps: WebDeps, limit: Limit): Hono {
  const pages = new Hono()

  pages.get('/', async (c) => c.html(layout('提问', askForm() + todaysDigest(await deps.digest()) + (await newest(deps)), { script: 'app.js' })))
  // For an outlet's iframe: the question box alone; links and the script-less form open a new window,
  // since no other page may be framed.
  pages.get('/embed', (c) => c.html(layout('提问', askForm('', { embed: true }), { script: 'app.js', embed: true })))

  // Without JavaScript the form posts here and the answer comes back as a page.
  pages.post('/ask', limit, async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const raw = typeof form.question === 'string' ? form.question : ''
    let question: string
    try {
      question = checkQuestion(raw)
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      return c.html(layout('提问', askForm(raw) + notice(err.message)), 400)
    }
    const answer = toAskJson(await deps.ask(question, []))
    return c.html(layout(question, askForm() + `<section class="turn"><p class="q">${escapeHtml(question)}</p>${renderAnswer(answer)}</section>`))
  })

  pages.get('/articles/:id', async (c) => {
    const a = await deps.store.getArticle(c.req.param('id'))
    if (!a) return c.html(layout('找不到文章', notice('没有这篇文章，可能链接不完整。') + `<p><a href="/search">去搜索</a></p>`), 404)
    const q = c.req.query('q')
    const meta = [a.paper || '报纸不详', a.date ?? '日期不详', a.page ? `第 ${a.page} 版` : '', a.section ?? ''].filter(Boolean).map(escapeHtml).join(' · ')
    const paragraphs = a.text.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${highlight(p, q)}</p>`).join('\n')
    return c.html(layout(a.title || '（无标题）', `<article class="article">
${a.introTitle ? `<p class="introtitle">${escapeHtml(a.introTitle)}</p>` : ''}
<h1>${escapeHtml(a.title || '（无标题）')}</h1>
${a.subtitle ? `<p class="subtitle">${escapeHtml(a.subtitle)}</p>` : ''}
<p class="meta">${meta}</p>
${a.byline ? `<p class="byline">${escapeHtml(a.byline)}</p>` : ''}
${a.uncertain.length ? `<p class="uncertain">以下语句由 OCR 识别，可能有误：${a.uncertain.map((l) => `「${escapeHtml(l)}」`).join('')}</p>` : ''}
<div class="text">${paragraphs}</div>
${sourceLink(a.url)}
</article>`))
  })

  pages.get('/search', limitWhenAsked(limit), async (c) => {
    const raw = c.req.query('q') ?? ''
    const form = `<form class="search" action="/search" method="get"><input name="q" type="search" value="${escapeHtml(raw)}" placeholder="关键词，例如 安置房" aria-label="检索内容"><button>搜索</button></form>`
    if (!raw) return c.html(layout('搜索', form))
    const query = SearchQuery.safeParse({ q: raw })
    if (!query.success) return c.html(layout('搜索', form + notice(firstIssue(query.error))), 400)
    const hits = (await deps.search(query.data.q, query.data.k)).map(toSearchJson)
    const list = hits.length === 0
      ? notice('没有找到相关文章。换个说法或少用几个词试试。')
      : `<ol class="hits">${hits.map((h) => `<li><a href="${escapeHtml(articleHref(h.id, query.data.q))}">${escapeHtml(h.title || '（无标题）')}</a><span class="meta">${describeSource({ title: '', paper: h.paper, date: h.date })}</span><p>${highlight(h.snippet, query.data.q)}</p></li>`).join('\n')}</ol>`
    return c.html(layout(`搜索：${raw}`, form + list))
  })

  pages.get('/digest', async (c) => {
    const query = DigestQuery.safeParse(c.req.query())
    if (!query.success) return c.html(layout('每日简报', notice(firstIssue(query.error))), 400)
    const d = toDigestJson(await deps.digest(query.data.date))
    if (d.sections.length === 0) return c.html(layout('每日简报', notice(query.data.date ? `${query.data.date} 没有报道。` : '还没有带日期的报道。')), 404)
    const sections = d.sections.map((s) => `<section><h2>${escapeHtml(s.heading)}</h2><ul>${s.items
      .map((i) => `<li><a href="${escapeHtml(articleHref(i.id))}">${escapeHtml(i.title)}</a>${i.summary && i.summary !== i.title ? `<p>${escapeHtml(i.summary)}</p>` : ''}</li>`)
      .join('')}</ul></section>`)
    return c.html(layout(`每日简报 ${d.date}`, `<h1>每日简报 · ${escapeHtml(d.date)}</h1>${sections.join('\n')}`))
  })

  return pages
}

/** An answer with its numbered sources (or, when the bulletins don't say, the nearest headlines). */
export function renderAnswer(a: AskJson): string {
  const warnings = a.warnings.map((w) => `<p class="warning">${escapeHtml(w)}</p>`).join('')
  const sources = a.citations.map((c) => `<li value="${c.n}"><a href="${escapeHtml(articleHref(c.id, c.quote))}">${describeSource(c)}</a><blockquote>${escapeHtml(c.quote)}</blockquote></li>`)
  return `${warnings}<div class="answer">${renderAnswerText(a)}</div>${sources.length ? `<ol class="sources">${sources.join('')}</ol>` : ''}`
}

function askForm(value = '', opts: { embed?: boolean } = {}): string {
  return `<form id="ask" class="ask" action="/ask" method="post"${opts.embed ? ' target="_blank"' : ''}>
<label for="question">问一问本地报纸</label>
<textarea id="question" name="question" rows="3" maxlength="500" placeholder="例如：经开区已经分配了多少套安置房？" required>${escapeHtml(value)}</textarea>
<button type="submit">提问</button>
</form>
<div id="conversation" aria-live="polite"></div>`
}

// The digest beside the chat lists headlines only; /digest has the summaries.
const DIGEST_ITEMS_SHOWN = 6

/** The newest issue's digest as headlines by area, beside the question box. */
function todaysDigest(d: Digest): string {
  const items = d.sections.flatMap((s) => s.items.map((item) => ({ ...item, heading: s.heading }))).slice(0, DIGEST_ITEMS_SHOWN)
  if (items.length === 0 || !d.date) return ''
  const list = items.map((i) => `<li><a href="${escapeHtml(articleHref(i.id))}">${escapeHtml(i.title)}</a> <span class="area">${escapeHtml(i.heading)}</span></li>`)
  return `<section class="digest-today"><h2>${escapeHtml(d.date)} 简报</h2><ul>${list.join('')}</ul><p><a href="/digest">看完整简报</a></p></section>`
}

async function newest(deps: WebDeps): Promise<string> {
  const items = await deps.store.listArticles({ limit: 8 })
  if (items.length === 0) return ''
  return `<section class="newest"><h2>最新报道</h2><ul>${items.map((a) => `<li><a href="${escapeHtml(articleHref(a.id))}">${describeSource(a)}</a></li>`).join('')}</ul><p><a href="/digest">今日简报</a></p></section>`
}

function notice(text: string): string {
  return `<p class="notice">${escapeHtml(text)}</p>`
}

/** The search page counts against the limit only when it searches. */
function limitWhenAsked(limit: Limit): Limit {
  return (c: Context, next) => (c.req.query('q') ? limit(c, next) : next())
}

/** The link to where an article was read (an e-paper page); only web addresses, since JSONL may carry anything in url. */
function sourceLink(url: string | null): string {
  return url && /^https?:\/\//i.test(url) ? `<p class="source"><a href="${escapeHtml(url)}" rel="noopener nofollow">原文链接</a></p>` : ''
}
