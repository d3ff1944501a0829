import { Composer, type Context } from 'grammy'
import type { BotCommand } from 'grammy/types'
import type { Store } from '../../store/index.js'
import type { BotDeps } from './context.js'
import { clipChars, describeSource, escapeHtml } from './format.js'
import { AI_NOTICE, renderHelp, texts } from './messages.js'
import { replyTo } from './question-guard.js'
import { articleKeyboard } from './sources.js'
import { redactForUser } from './user-text.js'

const LIST_SIZE = 5
const SNIPPET_CHARS = 60

/** /start, /help (listing `extraCommands` too), /about, /search and /latest. */
export function createCommandsComposer(deps: BotDeps, extraCommands: BotCommand[] = []): Composer<Context> {
  const help = renderHelp(extraCommands)
  const c = new Composer<Context>()
  c.command('start', async (ctx) => ctx.reply(await renderWelcome(deps.store), { parse_mode: 'HTML' }))
  c.command('help', (ctx) => ctx.reply(help, { parse_mode: 'HTML' }))
  c.command('about', async (ctx) => ctx.reply(await renderAbout(deps), { parse_mode: 'HTML' }))
  c.command('search', async (ctx) => {
    const q = ctx.match.trim()
    if (!q) return void (await ctx.reply(texts.searchUsage, replyTo(ctx)))
    const { hits, notice } = await deps.index.searchWithEmbedder(q, { k: LIST_SIZE, embedder: deps.embedder })
    if (hits.length === 0) return void (await ctx.reply(texts.nothingFound(q), { parse_mode: 'HTML', ...replyTo(ctx) }))
    const lines = hits.map((h, i) => `${i + 1}. ${describeSource(h)}\n   ${escapeHtml(clip(h.snippet))}`)
    const notes = notice.map(redactForUser).filter(Boolean).map((n) => `\n<i>${escapeHtml(n)}</i>`).join('')
    await ctx.reply(`<b>“${escapeHtml(clip(q))}”的相关报道</b>\n\n${lines.join('\n')}${notes}`, {
      parse_mode: 'HTML', reply_markup: await articleKeyboard(deps.store, hits), ...replyTo(ctx),
    })
  })
  c.command('latest', async (ctx) => {
    const latest = await deps.store.listArticles({ limit: LIST_SIZE })
    if (latest.length === 0) return void (await ctx.reply(texts.noArticles))
    const lines = latest.map((a, i) => `${i + 1}. ${describeSource(a)}`)
    await ctx.reply(`<b>最新报道</b>\n\n${lines.join('\n')}`, { parse_mode: 'HTML', reply_markup: await articleKeyboard(deps.store, latest) })
  })
  return c
}

/** What newsbot covers (papers, dates), how to ask, with examples from the newest headlines. */
export async function renderWelcome(store: Store): Promise<string> {
  const [s, examples] = await Promise.all([store.getStoreStats(), exampleQuestions(store)])
  const papers = s.papers.map((p) => `${p.paper || '未注明报纸'}（${p.articles} 篇）`).join('、')
  const coverage = s.articles === 0 ? texts.noArticles : `资料：${papers}，${s.firstDate ?? '—'} 至 ${s.lastDate ?? '—'}。`
  return [
    '<b>你好！我根据本地新闻简报回答问题，并注明来源。</b>',
    escapeHtml(coverage),
    ...(examples.length > 0 ? ['可以这样问：', ...examples.map((q) => `· ${escapeHtml(q)}`)] : []),
    '私聊时直接发送问题即可；在群里用 /ask 提问。发送 /help 查看全部用法。',
    `<i>${escapeHtml(AI_NOTICE)}</i>`,
  ].join('\n')
}

async function renderAbout(deps: BotDeps): Promise<string> {
  const s = await deps.store.getStoreStats()
  const papers = s.papers.map((p) => `· ${p.paper || '未注明报纸'}：${p.articles} 篇，${p.firstDate ?? '—'} 至 ${p.lastDate ?? '—'}`)
  const mode = deps.config.llm ? `大模型（${deps.config.llm.model}）根据检索到的报道作答` : '从报道原文中摘取句子作答（未配置大模型）'
  return [
    '<b>数据来源</b>',
    ...(papers.length > 0 ? papers : [texts.noArticles]),
    `最近更新：${s.lastIngestAt ? formatLocalTime(s.lastIngestAt, deps.config.timezone) : '—'}`,
    `回答方式：${mode}`,
    AI_NOTICE,
  ].map((line, i) => (i === 0 ? line : escapeHtml(line))).join('\n')
}

/** Two questions built from the newest headlines, so the examples always match the data at hand. */
async function exampleQuestions(store: Store): Promise<string[]> {
  const titles = (await store.listArticles({ limit: 30 }))
    .map((a) => a.title.trim())
    .filter((t) => t.length >= 4 && t.length <= 20)
  return [...new Set(titles)].slice(0, 2).map((t) => `“${t}”是怎么回事？`)
}

/** `YYYY-MM-DD HH:mm` in the operator's zone (Swedish dates are ISO-shaped). */
function formatLocalTime(iso: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
  return format.format(new Date(iso))
}

function clip(s: string): string {
  return clipChars(s.replace(/\s+/g, ' ').trim(), SNIPPET_CHARS)
}
