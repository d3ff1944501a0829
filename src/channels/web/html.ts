import type { AskJson } from '../json.js'
import { articlePath } from '../links.js'

export { articlePath as articleHref }

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Every user and article string goes through this before it reaches a page. */
export function escapeHtml(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/**
 * The text escaped, with what `q` names wrapped in <mark>: the whole of `q` where the text holds it
 * verbatim (a cited quote), else each of its space-separated words (a search).
 */
export function highlight(text: string, q: string | undefined): string {
  const query = q?.trim()
  if (!query) return escapeHtml(text)
  const needles = text.includes(query) ? [query] : query.split(/\s+/).filter((w) => w.length > 0)
  const ranges: [number, number][] = []
  for (const n of needles) for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) ranges.push([i, i + n.length])
  ranges.sort((a, b) => a[0] - b[0])
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    if (end <= at) continue
    const from = Math.max(start, at)
    out += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, end))}</mark>`
    at = end
  }
  return out + escapeHtml(text.slice(at))
}

/** An answer's text escaped, each [n] a link to the cited article with its quote highlighted. */
export function renderAnswerText(a: AskJson): string {
  const byN = new Map(a.citations.map((c) => [c.n, c]))
  return escapeHtml(a.answer).replace(/\[(\d+)\]/g, (m, n: string) => {
    const c = byN.get(Number(n))
    return c ? `<a class="cite" href="${escapeHtml(articlePath(c.id, c.quote))}">[${n}]</a>` : m
  })
}

/** "headline · paper · date", escaped. */
export function describeSource(s: { title: string; paper: string; date: string | null }): string {
  return escapeHtml([s.title || '（无标题）', s.paper, s.date ?? '日期不详'].filter(Boolean).join(' · '))
}

/** The page frame: Chinese, phone-first, one stylesheet, scripts only from newsbot's own /static. */
export function layout(title: string, body: string, opts: { script?: string; embed?: boolean; header?: string } = {}): string {
  const top = opts.embed
    ? ''
    : opts.header ?? '<header class="top"><a class="brand" href="/">新闻问答</a><nav><a href="/search">搜索</a><a href="/digest">每日简报</a></nav></header>\n'
  const foot = opts.embed
    ? '<footer class="foot">回答摘自本地报纸的报道。<a href="/" target="_blank" rel="noopener">在新窗口打开</a></footer>'
    : '<footer class="foot">回答摘自本地报纸的报道，每句都注明出处。</footer>'
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 新闻问答</title>
<link rel="stylesheet" href="/static/style.css">
${opts.script ? `<script src="/static/${escapeHtml(opts.script)}" defer></script>\n` : ''}</head>
<body${opts.embed ? ' class="embed"' : ''}>
${top}<main>
${body}
</main>
${foot}
</body>
</html>
`
}
