import type { Context } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import { escapeHtml } from './format.js'
import type { Logger } from './logger.js'
import { sendParts } from './send.js'
import { TELEGRAM_MESSAGE_LIMIT } from './split.js'
import { isNotModified } from './user-error.js'

/** Shows an answer as it is written, in one message edited at most once per interval. */
export interface Streamer {
  push(token: string): void
  /** Puts the finished answer in place: the streamed message becomes the first part, the rest follow. */
  finish(parts: string[], keyboard?: InlineKeyboardMarkup): Promise<void>
  /** True once a message shows partial text (so an error must replace it rather than add to it). */
  readonly started: boolean
}

// Room for the trailing marker while the text is still growing.
const PREVIEW_MAX = TELEGRAM_MESSAGE_LIMIT - 16
const WRITING = ' …'

/** A streamer for the chat of `ctx`; Telegram allows about one edit per second per chat. */
export function createStreamer(ctx: Context, log: Logger, intervalMs = 1000): Streamer {
  const chatId = ctx.chat!.id
  let text = ''
  let shown = ''
  let messageId: number | undefined
  let lastAt = 0
  let timer: NodeJS.Timeout | undefined
  let done = false
  let chain = Promise.resolve()

  async function flush(): Promise<void> {
    const html = escapeHtml(preview(text)) + WRITING
    if (done || html === shown || text.trim() === '') return
    // Counted from the start: a push while this write is in flight must wait out the interval too.
    lastAt = Date.now()
    try {
      if (messageId === undefined) messageId = (await ctx.api.sendMessage(chatId, html, { parse_mode: 'HTML' })).message_id
      else await ctx.api.editMessageText(chatId, messageId, html, { parse_mode: 'HTML' })
      shown = html
    } catch (err) {
      // A lost preview costs nothing: the final edit carries the whole answer.
      if (!isNotModified(err)) log.warn({ err }, 'streaming edit failed')
    }
  }

  return {
    get started() {
      return messageId !== undefined
    },
    push(token) {
      text += token
      if (timer || done) return
      timer = setTimeout(() => {
        timer = undefined
        chain = chain.then(flush)
      }, Math.max(0, lastAt + intervalMs - Date.now()))
    },
    async finish(parts, keyboard) {
      done = true
      clearTimeout(timer)
      await chain
      if (messageId === undefined) return sendParts(ctx, parts, keyboard)
      const [first = '', ...rest] = parts
      try {
        await ctx.api.editMessageText(chatId, messageId, first, {
          parse_mode: 'HTML',
          ...(rest.length === 0 && keyboard && { reply_markup: keyboard }),
        })
      } catch (err) {
        if (!isNotModified(err)) throw err
      }
      if (rest.length > 0) await sendParts(ctx, rest, keyboard)
    },
  }
}

/** The text so far, cut to fit one message without halving a surrogate pair. */
function preview(text: string): string {
  if (text.length <= PREVIEW_MAX) return text
  const cut = text.slice(0, PREVIEW_MAX)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}
