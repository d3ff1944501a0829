import type { Context, MiddlewareFn } from 'grammy'
import { checkQuestion } from '../../answer/index.js'
import { questionOf } from './context.js'
import { texts } from './messages.js'
import type { Limiter } from './quota.js'
import { userErrorText } from './user-error.js'

/**
 * Admits a question only when it is well-formed, the user has none in flight and is within the
 * rate limit and daily quota; otherwise answers at once with why. Mounted before per-chat
 * sequencing, so a refusal never waits behind a slow answer.
 */
export function createQuestionGuard(limiter: Limiter, perDay: number): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const question = questionOf(ctx)
    const userId = ctx.from?.id
    // An empty /ask gets its usage line from the ask handler, uncounted.
    if (question === null || question === '' || userId === undefined) return next()
    try {
      checkQuestion(question)
    } catch (err) {
      await ctx.reply(userErrorText(err) ?? texts.generic, replyTo(ctx))
      return
    }
    if (!limiter.tryBegin(userId)) {
      await ctx.reply(texts.busy, replyTo(ctx))
      return
    }
    try {
      const decision = limiter.take(userId)
      if (!decision.ok) {
        await ctx.reply(decision.reason === 'daily' ? texts.daily(perDay) : texts.rate(decision.retryAfterSec), replyTo(ctx))
        return
      }
      await next()
    } finally {
      limiter.end(userId)
    }
  }
}

/** In groups a reply names whom it answers; in private chats it is just noise. */
export function replyTo(ctx: Context): { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } } {
  const id = ctx.message?.message_id
  if (id === undefined || ctx.chat?.type === 'private') return {}
  return { reply_parameters: { message_id: id, allow_sending_without_reply: true } }
}
