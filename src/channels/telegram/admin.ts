import { Composer, type Context } from 'grammy'
import type { BotDeps } from './context.js'
import { escapeHtml } from './format.js'
import { texts } from './messages.js'
import { sendParts } from './send.js'
import { splitMessage } from './split.js'

const UNANSWERED_SHOWN = 15

/** /stats and /unanswered for the operators in NEWSBOT_ADMINS; everyone else is politely refused. */
export function createAdminComposer(deps: BotDeps, dayOf: (t: number) => string): Composer<Context> {
  const c = new Composer<Context>()
  const admins = new Set(deps.config.admins)
  const adminOnly = c.filter((ctx) => ctx.from !== undefined && admins.has(ctx.from.id))
  adminOnly.command('stats', async (ctx) => ctx.reply(await renderStats(deps, dayOf), { parse_mode: 'HTML' }))
  adminOnly.command('unanswered', async (ctx) => {
    const rows = await deps.store.listUnansweredQuestions(UNANSWERED_SHOWN)
    if (rows.length === 0) return void (await ctx.reply(texts.noUnanswered))
    const lines = rows.map((r) => `· ${escapeHtml(r.question)}  <i>${r.askedDay}</i>`)
    await sendParts(ctx, splitMessage(`<b>最近答不上来的问题</b>\n${lines.join('\n')}`))
  })
  c.command(['stats', 'unanswered'], (ctx) => ctx.reply(texts.adminOnly))
  return c
}

async function renderStats(deps: BotDeps, dayOf: (t: number) => string): Promise<string> {
  const [s, q] = await Promise.all([deps.store.getStoreStats(), deps.store.countQuestionsOn(dayOf((deps.now ?? Date.now)()))])
  const share = q.asked > 0 ? `${Math.round((100 * q.abstained) / q.asked)}%` : '—'
  return [
    '<b>运行概况</b>',
    `文章 ${s.articles} 篇，报纸 ${s.papers.length} 种，${s.firstDate ?? '—'} 至 ${s.lastDate ?? '—'}`,
    ...s.papers.map((p) => `· ${escapeHtml(p.paper || '未注明报纸')}：${p.articles} 篇`),
    `今天提问 ${q.asked} 个，其中未能回答 ${q.abstained} 个（${share}）`,
  ].join('\n')
}
