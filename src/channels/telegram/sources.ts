import { Composer, InlineKeyboard, type Context } from 'grammy'
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types'
import { articleUrl } from '../links.js'
import type { Article, Store } from '../../store/index.js'
import { articleRef, refOfArticle, resolveArticleRef } from './article-ref.js'
import { decodeCallbackData, type CallbackAction } from './callback-data.js'
import type { BotDeps } from './context.js'
import { clipChars, renderArticlePages, renderSources } from './format.js'
import { texts } from './messages.js'
import { isNotModified } from './user-error.js'

// Buttons for the top sources only: more would bury the answer under its keyboard.
const SOURCE_BUTTONS = 3
const LABEL_CHARS = 14

/** Reading cited articles: /sources, /source N, and the source and page buttons. */
export function createSourcesComposer(deps: BotDeps): Composer<Context> {
  const c = new Composer<Context>()
  c.command('sources', async (ctx) => {
    const [last] = await deps.store.listChatTurns(ctx.chat.id, { limit: 1 })
    if (!last || last.citations.length === 0) return void (await ctx.reply(texts.noSources))
    await ctx.reply(renderSources(last.citations), { parse_mode: 'HTML', reply_markup: await sourceKeyboard(deps.store, last.citations, deps.config.web.publicUrl) })
  })
  c.command('source', async (ctx) => {
    const n = Number(ctx.match.trim())
    if (!Number.isInteger(n) || n < 1) return void (await ctx.reply(texts.sourceUsage))
    const cited = (await deps.store.listChatTurns(ctx.chat.id, { limit: 1 }))[0]?.citations ?? []
    if (cited.length === 0) return void (await ctx.reply(texts.noSources))
    const source = cited.find((s) => s.n === n)
    const article = source && (await deps.store.getArticle(source.id))
    if (!source) return void (await ctx.reply(texts.noSuchSource(n, cited.length)))
    if (!article) return void (await ctx.reply(texts.articleGone))
    const page = articlePage(article, 0)
    await ctx.reply(page.html, { parse_mode: 'HTML', reply_markup: page.keyboard })
  })
  c.on('callback_query:data', async (ctx, next) => {
    const action = decodeCallbackData(ctx.callbackQuery.data)
    // Other features' buttons (the digest settings) pass on to them.
    if (!action) return next()
    const article = await resolveArticleRef(deps.store, action.articleId)
    try {
      if (article) await showPage(ctx, action, article)
    } finally {
      await ctx.answerCallbackQuery(article ? {} : { text: texts.articleGone }).catch((err: unknown) => {
        deps.logger.warn({ err }, 'answerCallbackQuery failed')
      })
    }
  })
  return c
}

/**
 * Buttons that open the top cited (or, after an abstention, suggested) articles, one per row: in the
 * chat, or, when the web page has a public address, on its article page with the quote highlighted.
 */
export async function sourceKeyboard(
  store: Store,
  sources: { n?: number; id: string; title: string; quote?: string }[],
  publicUrl?: string,
): Promise<InlineKeyboardMarkup | undefined> {
  const shown = sources.slice(0, SOURCE_BUTTONS)
  const refs = publicUrl ? [] : await Promise.all(shown.map((s) => articleRef(store, s.id)))
  const rows = shown.flatMap((s, i): InlineKeyboardButton[][] => {
    const label = [s.n === undefined ? '' : `[${s.n}]`, clipChars(s.title.trim(), LABEL_CHARS) || '原文'].filter(Boolean).join(' ')
    if (publicUrl) return [[InlineKeyboard.url(`🔗 ${label}`, articleUrl(publicUrl, s.id, s.quote))]]
    const ref = refs[i]
    return ref ? [[InlineKeyboard.text(`📄 ${label}`, `src:${ref}:0`)]] : []
  })
  return rows.length > 0 ? InlineKeyboard.from(rows) : undefined
}

/** Buttons that open articles listed by /search and /latest, numbered as in the list. */
export async function articleKeyboard(store: Store, articles: { id: string }[]): Promise<InlineKeyboardMarkup | undefined> {
  const keyboard = new InlineKeyboard()
  const refs = await Promise.all(articles.map((a) => articleRef(store, a.id)))
  for (const [i, ref] of refs.entries()) {
    if (ref) keyboard.text(`${i + 1}`, `src:${ref}:0`)
  }
  return keyboard.inline_keyboard.flat().length > 0 ? keyboard : undefined
}

/** One page of an article, with buttons to the pages before and after it. */
export function articlePage(article: Article, page: number): { html: string; keyboard?: InlineKeyboardMarkup } {
  const pages = renderArticlePages(article)
  const at = Math.min(Math.max(page, 0), pages.length - 1)
  const ref = refOfArticle(article)
  const keyboard = new InlineKeyboard()
  if (at > 0) keyboard.text('‹ 上一页', `page:${ref}:${at - 1}`)
  if (at < pages.length - 1) keyboard.text(`下一页 › ${at + 2}/${pages.length}`, `page:${ref}:${at + 1}`)
  return { html: pages[at]!, ...(keyboard.inline_keyboard.flat().length > 0 && { keyboard }) }
}

async function showPage(ctx: Context, action: CallbackAction, article: Article): Promise<void> {
  const page = articlePage(article, action.page)
  if (action.kind === 'src' || !ctx.callbackQuery?.message) {
    await ctx.reply(page.html, { parse_mode: 'HTML', reply_markup: page.keyboard })
    return
  }
  try {
    await ctx.editMessageText(page.html, { parse_mode: 'HTML', reply_markup: page.keyboard })
  } catch (err) {
    // A double tap asks for the page already shown.
    if (!isNotModified(err)) throw err
  }
}
