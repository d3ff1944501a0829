import type { Context, NextFunction } from 'grammy'
import { isOurCommand, questionOf } from './context.js'

/**
 * In groups the bot speaks only when spoken to: its commands, replies to it and mentions of it.
 * Everything else in a group (chatter, other bots' commands, photos) stops here.
 */
export async function groupFilter(ctx: Context, next: NextFunction): Promise<void> {
  const type = ctx.chat?.type
  if (ctx.message && (type === 'group' || type === 'supergroup') && !isOurCommand(ctx) && questionOf(ctx) === null) return
  await next()
}
