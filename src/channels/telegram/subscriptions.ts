import { Composer, type Context } from 'grammy'
import type { BotCommand, InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types'
import type { Config } from '../../config.js'
import {
  areaOf, createDigestCache, createDigestSummarizer, filterDigest, findArea, nextSlot, parseSendTime,
  type Summarizer,
} from '../../digest/index.js'
import type { Store, Subscription, SubscriptionChange } from '../../store/index.js'
import { articleRefs } from './article-ref.js'
import { digestLinks, renderDigestMessages } from './digest-format.js'
import { escapeHtml } from './format.js'
import { isNotModified } from './user-error.js'

export interface SubscriptionDeps {
  store: Store
  config: Config
  now?: () => number
  summarize?: Summarizer
}

/** The digest commands' entries for the bot's command menu. */
export const DIGEST_COMMANDS: BotCommand[] = [
  { command: 'subscribe', description: '订阅每日简报，例如 /subscribe 07:30 经开区' },
  { command: 'settings', description: '修改简报的推送时间和地区' },
  { command: 'today', description: '现在查看最新一期简报' },
  { command: 'unsubscribe', description: '退订每日简报' },
]

const SETTINGS_TIMES = ['06:00', '07:00', '07:30', '08:00', '09:00', '12:00', '18:00', '21:00']
const ALL_AREAS = '*'
const ALL_WORDS = ['全部', '所有', '全部地区']
// Callback data: dg:t:HH:MM sets the time, dg:a:<area> toggles an area, dg:a:* means all areas.
const CALLBACK_RE = /^dg:(t|a):(.+)$/

/** /subscribe [HH:MM] [地区或主题], /unsubscribe, /settings (inline keyboard), /today. */
export function createSubscriptionComposer(deps: SubscriptionDeps): Composer<Context> {
  const now = deps.now ?? Date.now
  const summarize = deps.summarize ?? createDigestSummarizer(deps.config.llm)
  const newestDigest = createDigestCache(deps.store, summarize)
  const c = new Composer<Context>()
  // In a group the digest goes to everyone, so only its administrators choose it.
  c.use(async (ctx, next) => {
    if (!changesGroupDigest(ctx) || (await isChatAdmin(ctx))) return next()
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ADMINS_ONLY, show_alert: true })
    else await ctx.reply(ADMINS_ONLY)
  })
  c.command('subscribe', async (ctx) => {
    const change = parseSubscribeArgs(ctx.match)
    if (typeof change === 'string') return void (await ctx.reply(change))
    const sub = await deps.store.saveSubscription(ctx.chat.id, change, now())
    await ctx.reply(describeSubscription(sub, deps.config.timezone, now(), '已订阅每日简报'), { parse_mode: 'HTML' })
  })
  c.command('unsubscribe', async (ctx) => {
    const had = await deps.store.deleteSubscription(ctx.chat.id)
    await ctx.reply(had ? '已退订每日简报。想再收到时发送 /subscribe。' : '你还没有订阅每日简报。发送 /subscribe 即可订阅。')
  })
  c.command('settings', async (ctx) => {
    const sub = await deps.store.getSubscription(ctx.chat.id)
    if (!sub) return void (await ctx.reply('你还没有订阅每日简报。发送 /subscribe 即可订阅（默认每天 08:00）。'))
    await ctx.reply(describeSubscription(sub, deps.config.timezone, now(), '简报设置'), {
      parse_mode: 'HTML', reply_markup: settingsKeyboard(sub, await offeredAreas(deps.store)),
    })
  })
  c.callbackQuery(CALLBACK_RE, async (ctx) => {
    const chatId = ctx.chat?.id
    const sub = chatId === undefined ? undefined : await deps.store.getSubscription(chatId)
    if (!sub || chatId === undefined) return void (await ctx.answerCallbackQuery({ text: '请先发送 /subscribe 订阅。' }))
    const [, kind, value = ''] = CALLBACK_RE.exec(ctx.callbackQuery.data) ?? []
    const change = settingsChange(sub, kind, value)
    // Callback data comes from the client: a forged button must not store an area no digest knows.
    if (!change) return void (await ctx.answerCallbackQuery({ text: '这个按钮已失效。' }))
    const next = await deps.store.saveSubscription(chatId, change, now())
    await ctx.answerCallbackQuery({ text: '已更新' })
    await ctx.editMessageText(describeSubscription(next, deps.config.timezone, now(), '简报设置'), {
      parse_mode: 'HTML', reply_markup: settingsKeyboard(next, await offeredAreas(deps.store)),
    }).catch((err: unknown) => {
      // Pressing the button that is already selected changes nothing; Telegram refuses such an edit.
      if (!isNotModified(err)) throw err
    })
  })
  c.command('today', async (ctx) => {
    const [sub, base] = await Promise.all([deps.store.getSubscription(ctx.chat.id), newestDigest()])
    const ids = base.sections.flatMap((s) => s.items.map((i) => i.id))
    // Topic filters look into the article text; buttons need each article's reference.
    const [refs, texts] = await Promise.all([
      articleRefs(deps.store, ids),
      sub?.topic ? Promise.all(ids.map(async (id) => [id, (await deps.store.getArticle(id))?.text ?? ''] as const)) : [],
    ])
    const byId = new Map(texts)
    const digest = sub ? filterDigest(base, sub, (id) => byId.get(id) ?? '') : base
    for (const m of renderDigestMessages(digest, { refFor: (id) => refs.get(id), linkFor: digestLinks(deps.config.web.publicUrl) })) {
      await ctx.reply(m.text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(m.keyboard && { reply_markup: m.keyboard }) })
    }
  })
  return c
}

const ADMINS_ONLY = '只有群管理员可以订阅、退订或修改本群的每日简报。'
const CHANGE_COMMAND = /^\/(subscribe|unsubscribe)(@\w+)?(\s|$)/

function changesGroupDigest(ctx: Context): boolean {
  const type = ctx.chat?.type
  if (type !== 'group' && type !== 'supergroup') return false
  const data = ctx.callbackQuery?.data
  return data !== undefined ? CALLBACK_RE.test(data) : CHANGE_COMMAND.test(ctx.message?.text ?? '')
}

async function isChatAdmin(ctx: Context): Promise<boolean> {
  if (!ctx.from) return false
  const member = await ctx.getChatMember(ctx.from.id)
  return member.status === 'creator' || member.status === 'administrator'
}

/**
 * `[HH:MM] [地区或主题…]` → a change, or a usage sentence. Words naming an area (经开区, 二七, 全部)
 * choose areas; any other words become the topic keyword. No words keep the stored choice.
 */
export function parseSubscribeArgs(args: string): SubscriptionChange | string {
  const change: SubscriptionChange = {}
  const areas: string[] = []
  const topic: string[] = []
  for (const word of args.trim().split(/\s+/).filter(Boolean)) {
    const time = parseSendTime(word)
    const area = findArea(word)
    if (time) change.sendTime = time
    else if (/^\d{1,2}[:：]\d{1,2}$/.test(word)) return `“${word}”不是有效的时间，请用 24 小时制 HH:MM，例如 /subscribe 07:30 经开区`
    else if (ALL_WORDS.includes(word)) {
      areas.length = 0
      change.areas = []
    }
    else if (area && !areas.includes(area)) areas.push(area)
    else if (!area) topic.push(word)
  }
  if (areas.length > 0) change.areas = areas
  if (topic.length > 0) change.topic = topic.join(' ')
  return change
}

function describeSubscription(sub: Subscription, timeZone: string, now: number, title: string): string {
  const next = new Date(nextSlot(sub.sendTime, Math.max(now, sub.activeSince), timeZone))
  const when = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next)
  return [
    `<b>${escapeHtml(title)}</b>`,
    `推送时间：每天 ${sub.sendTime}（${escapeHtml(timeZone)}）`,
    `地区：${escapeHtml(sub.areas.length > 0 ? sub.areas.join('、') : '全部')}`,
    `主题：${escapeHtml(sub.topic ?? '不限')}`,
    `下一份：${escapeHtml(when)}（没有新一期时不打扰）`,
    '',
    '/settings 修改 · /today 现在查看 · /unsubscribe 退订',
  ].join('\n')
}

function settingsKeyboard(sub: Subscription, areas: string[]): InlineKeyboardMarkup {
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)
  const times: InlineKeyboardButton[] = SETTINGS_TIMES.map((t) => ({ text: mark(t === sub.sendTime, t), callback_data: `dg:t:${t}` }))
  const shown = [...new Set([...areas, ...sub.areas])]
  const areaButtons: InlineKeyboardButton[] = [
    { text: mark(sub.areas.length === 0, '全部地区'), callback_data: `dg:a:${ALL_AREAS}` },
    ...shown.map((a) => ({ text: mark(sub.areas.includes(a), a), callback_data: `dg:a:${a}` })),
  ]
  return { inline_keyboard: [times.slice(0, 4), times.slice(4), areaButtons] }
}

/** What a settings button asks for, or undefined when its data names no time or known area. */
function settingsChange(sub: Subscription, kind: string | undefined, value: string): SubscriptionChange | undefined {
  if (kind === 't') {
    const sendTime = parseSendTime(value)
    return sendTime ? { sendTime } : undefined
  }
  if (value !== ALL_AREAS && findArea(value) !== value) return undefined
  return { areas: toggleArea(sub.areas, value) }
}

function toggleArea(areas: string[], area: string): string[] {
  if (area === ALL_AREAS) return []
  return areas.includes(area) ? areas.filter((a) => a !== area) : [...areas, area]
}

/** The areas of the papers in the store, so the keyboard offers what there is to read. */
async function offeredAreas(store: Store): Promise<string[]> {
  const fromPapers = (await store.getStoreStats()).papers.map((p) => areaOf({ paper: p.paper, title: '', text: '' }))
  return [...new Set(fromPapers.filter((a) => findArea(a)))]
}
