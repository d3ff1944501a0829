import type { Context, MiddlewareFn } from 'grammy'
import { checkQuestion } from '../../answer/index.js'
import { decodeCallbackData } from './callback-data.js'
import { isOurCommand, parseCommand, questionOf } from './context.js'
import { texts } from './messages.js'
import type { Limiter, QuotaDecision } from './quota.js'
import { onReplied } from './replied.js'
import { userErrorText } from './user-error.js'

// Commands that search or build a digest: as costly as a question, so they share its quota.
const COSTLY_COMMANDS = new Set(['search', 'today'])

/**
 * Admits a costly update only when the user is within the rate limit and daily quota: a question
 * (well-formed, none of theirs in flight), /search, /today and the buttons that open articles.
 * Otherwise it says why, at most once per window (Limiter.mayRefuse). Mounted before per-chat
 * sequencing, so a refusal never waits behind a slow answer.
 */
export function createQuestionGuard(limiter: Limiter, perDay: number): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const userId = ctx.from?.id
    if (userId === undefined) return next()
    const question = questionOf(ctx)
    // An empty /ask gets its usage line from the ask handler, uncounted.
    if (question !== null && question !== '') return guardQuestion(ctx, question, userId, limiter, perDay, next)
    if (!isCostly(ctx)) return next()
    const decision = await limiter.take(userId)
    if (decision.ok) return next()
    const say = limiter.mayRefuse(userId, decision.retryAfterSec)
    const text = refusalText(decision, perDay)
    if (ctx.callbackQuery) await ctx.answerCallbackQuery(say ? { text } : {})
    else if (say) await ctx.reply(text, replyTo(ctx))
  }
}

async function guardQuestion(
  ctx: Context, question: string, userId: number, limiter: Limiter, perDay: number, next: () => Promise<void>,
): Promise<void> {
  try {
    checkQuestion(question)
  } catch (err) {
    await ctx.reply(userErrorText(err) ?? texts.generic, replyTo(ctx))
    return
  }
  if (!limiter.tryBegin(userId)) {
    if (limiter.mayRefuse(userId)) await ctx.reply(texts.busy, replyTo(ctx))
    return
  }
  // In flight until its answer is out, not until the turn is saved: a next question sent on seeing
  // the answer is not refused (it waits for the turn, behind the chat's order).
  let ended = false
  const end = () => {
    if (!ended) limiter.end(userId)
    ended = true
  }
  onReplied(ctx, end)
  try {
    const decision = await limiter.take(userId)
    if (!decision.ok) {
      if (limiter.mayRefuse(userId, decision.retryAfterSec)) await ctx.reply(refusalText(decision, perDay), replyTo(ctx))
      return
    }
    await next()
  } finally {
    end()
  }
}

/** /search with words, /today, and the buttons that open an article page. */
function isCostly(ctx: Context): boolean {
  const data = ctx.callbackQuery?.data
  if (data !== undefined) return decodeCallbackData(data) !== null
  const text = ctx.message?.text
  const command = text === undefined ? undefined : parseCommand(text)
  if (!command || !isOurCommand(ctx) || !COSTLY_COMMANDS.has(command.name)) return false
  return command.name !== 'search' || command.args !== ''
}

function refusalText(decision: Exclude<QuotaDecision, { ok: true }>, perDay: number): string {
  return decision.reason === 'daily' ? texts.daily(perDay) : texts.rate(decision.retryAfterSec)
}

/** In groups a reply names whom it answers; in private chats it is just noise. */
export function replyTo(ctx: Context): { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } } {
  const id = ctx.message?.message_id
  if (id === undefined || ctx.chat?.type === 'private') return {}
  return { reply_parameters: { message_id: id, allow_sending_without_reply: true } }
}
