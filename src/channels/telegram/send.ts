import type { Context } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { Logger } from './logger.js'

export type ReplyExtra = { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } }

/** Sends HTML parts in order, the keyboard on the last one, the first as a reply when `extra` says so. */
export async function sendParts(ctx: Context, parts: string[], keyboard?: InlineKeyboardMarkup, extra: ReplyExtra = {}): Promise<void> {
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1
    await ctx.reply(part, { parse_mode: 'HTML', ...(i === 0 && extra), ...(last && keyboard && { reply_markup: keyboard }) })
  }
}

// Telegram shows "typing…" for about 5 seconds per chat action.
const TYPING_EVERY_MS = 4500

/**
 * Shows "typing…" until stopped. The indicator is a nicety: a failed chat action is logged and the
 * answer goes on.
 */
export function keepTyping(ctx: Context, log: Logger): { stop(): void } {
  const send = () => {
    ctx.replyWithChatAction('typing').catch((err: unknown) => log.warn({ err }, 'sendChatAction failed'))
  }
  send()
  const timer = setInterval(send, TYPING_EVERY_MS)
  return { stop: () => clearInterval(timer) }
}
