import type { QuestionGroup } from '../../retrieve/index.js'
import type { Article, ArticleSummary, LoggedQuestion, QuestionCounts, SendRecord, StoreStats, Subscription } from '../../store/index.js'
import { articleHref, escapeHtml as e, layout } from './html.js'

// The operator console's pages: server-rendered, no script, every stored or typed string escaped.

/** What one uploaded file did to the store. */
export interface FileResult {
  name: string
  added?: number
  updated?: number
  unchanged?: number
  removed?: number
  failed: string[]
}

const NAV: [string, string][] = [
  ['/admin', '概况'],
  ['/admin/questions', '提问'],
  ['/admin/ingest', '导入'],
  ['/admin/articles', '文章'],
  ['/admin/subscriptions', '订阅与简报'],
]

/** A console page: its navigation, a logout button (a form, so it carries the token), the body. */
export function adminLayout(title: string, csrf: string, body: string, opts: { script?: string } = {}): string {
  const header = `<header class="top admin"><a class="brand" href="/admin">管理后台</a><nav>${NAV.map(([href, label]) => `<a href="${href}">${label}</a>`).join('')}</nav>
<form class="logout" method="post" action="/admin/logout">${token(csrf)}<button type="submit">退出</button></form></header>\n`
  return layout(title, `<h1>${e(title)}</h1>\n${body}`, { header, script: opts.script })
}

export function offPage(): string {
  return layout('管理后台未开启', `<h1>管理后台未开启</h1>
<p class="notice">要开启，请设置环境变量 NEWSBOT_ADMIN_PASSWORD（至少 10 个字符）后重新运行 newsbot serve，再打开本页用这个密码登录。</p>`)
}

export function loginPage(csrf: string, error?: string): string {
  return layout('管理后台登录', `<h1>管理后台登录</h1>
${error ? `<p class="notice" role="alert">${e(error)}</p>` : ''}
<form class="ask" method="post" action="/admin/login">${token(csrf)}
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录</button>
</form>`)
}

export function overviewPage(s: StoreStats, today: QuestionCounts, subscriptions: number): string {
  const share = today.asked > 0 ? `${Math.round((100 * today.abstained) / today.asked)}%` : '—'
  const papers = s.papers.map((p) => `<tr><td>${e(p.paper || '未注明报纸')}</td><td>${p.articles}</td><td>${e(p.firstDate ?? '—')} 至 ${e(p.lastDate ?? '—')}</td></tr>`)
  return `<ul class="figures">
<li><strong>${s.articles}</strong> 篇文章，${s.papers.length} 种报纸，${e(s.firstDate ?? '—')} 至 ${e(s.lastDate ?? '—')}</li>
<li>今天提问 <strong>${today.asked}</strong> 个，其中未能回答 ${today.abstained} 个（${share}）</li>
<li><strong>${subscriptions}</strong> 个简报订阅</li>
<li>最近一次导入：${e(s.lastIngestAt ?? '—')}</li>
</ul>
${table(['报纸', '文章', '日期'], papers)}`
}

export function questionsPage(groups: (QuestionGroup & { nearest: { id: string; title: string; date: string | null }[] })[], log: LoggedQuestion[], retentionDays: number): string {
  const grouped = groups.length === 0
    ? '<p>还没有答不上来的问题。</p>'
    : `<ol class="groups">${groups.map((g) => `<li><p><strong>${e(g.questions[0])}</strong> <span class="count">${g.questions.length} 次</span></p>
${g.questions.length > 1 ? `<p class="meta">也这样问：${[...new Set(g.questions.slice(1))].slice(0, 5).map(e).join('；')}</p>` : ''}
<p class="meta">最接近的报道：${g.nearest.length ? g.nearest.map((h) => `<a href="${e(articleHref(h.id))}">${e(h.title || '（无标题）')}</a>`).join('；') : '无'}</p></li>`).join('\n')}</ol>`
  const rows = log.map((q) => `<tr><td>${e(q.askedAt.slice(0, 16).replace('T', ' '))}</td><td>${e(q.chatType)}</td><td>${e(q.question)}</td><td>${q.abstained ? '未能回答' : `${q.citations} 处引用`}</td><td>${q.ms} ms</td></tr>`)
  return `<h2>答不上来的问题（按相似归组）</h2>
${grouped}
<h2>提问记录</h2>
<p class="meta">只记录问题本身，不记录提问人；保留 ${retentionDays} 天（NEWSBOT_RETENTION_DAYS），过期自动删除。</p>
${log.length ? table(['时间 (UTC)', '来源', '问题', '结果', '用时'], rows) : '<p>还没有提问记录。</p>'}`
}

export function ingestPage(csrf: string, results: FileResult[] = [], error?: string): string {
  const rows = results.map((r) => `<tr><td>${e(r.name)}</td><td>${r.failed.length && !(r.added || r.updated || r.unchanged) ? '失败' : `新增 ${r.added ?? 0}，更新 ${r.updated ?? 0}，未变 ${r.unchanged ?? 0}${r.removed ? `，移除 ${r.removed}` : ''}`}</td><td>${r.failed.map(e).join('<br>')}</td></tr>`)
  return `${error ? `<p class="notice" role="alert">${e(error)}</p>` : ''}
${results.length ? `<h2>导入结果</h2>${table(['文件', '文章', '问题'], rows)}<p><a href="/admin/articles">查看文章</a></p>` : ''}
<form class="ask" method="post" action="/admin/ingest" enctype="multipart/form-data" data-progress>${token(csrf)}
<label for="files">版面文本（.txt）或 JSONL（.jsonl、.jsonl.gz），可多选</label>
<input id="files" name="files" type="file" multiple required accept=".txt,.jsonl,.gz">
<button type="submit">上传并导入</button>
<progress id="upload-progress" max="1" value="0" hidden aria-label="上传进度"></progress>
<p id="upload-status" class="meta" role="status"></p>
</form>
<p class="meta">与命令行 newsbot ingest 相同：同名文件再次上传会替换它原来的文章；一个文件出错不影响其他文件。</p>`
}

export function articleListPage(articles: ArticleSummary[], opts: { date?: string; offset: number; more: boolean; perPage: number; note?: string }): string {
  const rows = articles.map((a) => `<tr><td><a href="/admin/articles/${encodeURIComponent(a.id)}">${e(a.title || '（无标题）')}</a></td><td>${e(a.paper)}</td><td>${e(a.date ?? '—')}</td><td>${e(a.byline ?? '')}</td><td>${a.chars}</td></tr>`)
  const q = (offset: number) => `/admin/articles?${opts.date ? `date=${opts.date}&` : ''}offset=${offset}`
  const pager = [opts.offset > 0 ? `<a href="${q(Math.max(0, opts.offset - opts.perPage))}">上一页</a>` : '', opts.more ? `<a href="${q(opts.offset + opts.perPage)}">下一页</a>` : ''].filter(Boolean).join(' ')
  return `${opts.note ? `<p class="notice" role="status">${e(opts.note)}</p>` : ''}
<form class="search" method="get" action="/admin/articles"><input name="date" type="date" value="${e(opts.date ?? '')}" aria-label="出版日期"><button type="submit">按日期筛选</button></form>
${articles.length ? table(['标题', '报纸', '日期', '署名', '字数'], rows) : '<p>没有文章。</p>'}
<p>${pager}</p>`
}

export function articleEditPage(a: Pick<Article, 'id' | 'title' | 'date' | 'byline' | 'paper' | 'text'>, csrf: string, opts: { note?: string; error?: string } = {}): string {
  return `${opts.note ? `<p class="notice" role="status">${e(opts.note)}</p>` : ''}${opts.error ? `<p class="notice" role="alert">${e(opts.error)}</p>` : ''}
<p class="meta">${e(a.paper || '报纸不详')} · 编号 ${e(a.id)} · <a href="${e(articleHref(a.id))}">读者看到的页面</a></p>
<form class="ask" method="post" action="/admin/articles/${encodeURIComponent(a.id)}">${token(csrf)}
<label for="title">标题</label><input id="title" name="title" value="${e(a.title)}" maxlength="200" required>
<label for="date">出版日期</label><input id="date" name="date" type="date" value="${e(a.date ?? '')}">
<label for="byline">署名</label><input id="byline" name="byline" value="${e(a.byline ?? '')}" maxlength="100">
<button type="submit">保存修改</button>
</form>
<h2>删除</h2>
<form class="ask" method="post" action="/admin/articles/${encodeURIComponent(a.id)}/delete">${token(csrf)}
<label><input type="checkbox" name="confirm" value="yes"> 确认删除（例如切分错误的文章；同一文件不变时再次导入也不会恢复它）</label>
<button type="submit" class="danger">删除这篇文章</button>
</form>
<h2>正文</h2>
<div class="text">${a.text.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${e(p)}</p>`).join('\n')}</div>`
}

export function subscriptionsPage(subs: Subscription[], sends: SendRecord[], days: number, timezone: string): string {
  const subRows = subs.map((s) => `<tr><td>${s.chatId}</td><td>${e(s.sendTime)}</td><td>${e(s.areas.join('、') || '全部')}</td><td>${e(s.topic ?? '')}</td><td>${s.status === 'active' ? '正常' : `暂停：${e(s.pausedReason ?? '')}`}</td></tr>`)
  const sendRows = sends.map((r) => `<tr><td>${e(r.digestDate)}</td><td>${r.chatId}</td><td>${e(STATES[r.state] ?? r.state)}</td><td>${e(r.issueDate ?? '—')}</td><td>${r.attempts}</td><td>${e(r.error ?? '')}</td></tr>`)
  return `<h2>订阅（${subs.length}）</h2>
<p class="meta">发送时间为 ${e(timezone)} 时间。</p>
${subs.length ? table(['聊天', '时间', '地区', '主题', '状态'], subRows) : '<p>还没有订阅。</p>'}
<h2>最近 ${days} 天的简报发送记录</h2>
${sends.length ? table(['日期', '聊天', '结果', '报道日期', '尝试', '错误'], sendRows) : '<p>最近没有发送记录。</p>'}`
}

const STATES: Record<string, string> = { sending: '发送中', sent: '已发送', skipped: '无新内容', failed: '失败', blocked: '被屏蔽', unknown: '不确定' }

function table(head: string[], rows: string[]): string {
  return `<div class="scroll"><table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`
}

function token(csrf: string): string {
  return `<input type="hidden" name="_csrf" value="${e(csrf)}">`
}
