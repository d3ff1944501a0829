import type { Context, MiddlewareFn } from 'grammy'
import { CONVERSATION, recentTurns, type AnswerResult } from '../../answer/index.js'
import { writeWhenFree } from '../../store/index.js'
import type { BotDeps } from './context.js'
import { questionOf } from './context.js'
import { escapeHtml, renderAnswerParts } from './format.js'
import { texts } from './messages.js'
import { replyTo } from './question-guard.js'
import { keepTyping, sendParts } from './send.js'
import { sourceKeyboard } from './sources.js'
import { createStreamer } from './streaming.js'
import { markReplied } from './replied.js'
import { startReply } from './update-claims.js'
import { userErrorText } from './user-error.js'

/** Answers the update's question (see `questionOf`), streaming in private chats when the answerer streams. */
export function createAskHandler(deps: BotDeps, dayOf: (t: number) => string): MiddlewareFn<Context> {
  const now = deps.now ?? Date.now
  return async (ctx, next) => {
    const question = questionOf(ctx)
    if (question === null) return next()
    if (question === '') {
      await ctx.reply(texts.askUsage, replyTo(ctx))
      return
    }
    const chat = ctx.chat!
    const log = deps.logger.child({ update: ctx.update.update_id, chat: chat.type })
    const started = now()
    const stored = await deps.store.listChatTurns(chat.id, { since: new Date(started - CONVERSATION.maxAgeMs).toISOString(), limit: CONVERSATION.turns })
    const history = recentTurns(stored.map((t) => ({ ...t, askedAt: Date.parse(t.createdAt) })), started)
    const typing = keepTyping(ctx, log)
    const streamer = chat.type === 'private' ? createStreamer(ctx, log) : undefined
    let result: AnswerResult
    try {
      result = await deps.answer(question, { history, onToken: streamer?.push })
      const parts = renderAnswerParts(result)
      const keyboard = await sourceKeyboard(deps.store, result.citations.length > 0 ? result.citations : result.suggestions, deps.config.web.publicUrl)
      // Previews streamed so far are not the answer: a takeover after them still answers in full.
      await startReply(ctx)
      if (streamer) await streamer.finish(parts, keyboard)
      else await sendParts(ctx, parts, keyboard, replyTo(ctx))
      markReplied(ctx)
    } catch (err) {
      // A half-streamed answer must not stay looking like the answer.
      if (!streamer?.started) throw err
      log.error({ err }, 'answer failed while streaming')
      await streamer.finish([escapeHtml(userErrorText(err) ?? texts.generic)])
      return
    } finally {
      typing.stop()
    }
    const ms = now() - started
    // After the reply, before the chat's next update (a follow-up reads this turn); while an ingest holds
    // SQLite's write lock the turn is saved a moment later.
    await writeWhenFree(
      () => remember(deps, { chatId: chat.id, chatType: chat.type, question, result, started, ms }, dayOf),
      (err) => log.warn({ err }, 'could not save the chat turn'),
    )
    log.info({ question, searched: result.searched, mode: result.mode, abstained: result.abstained, citations: result.citations.length, ms, fallback: result.fallbackReason }, 'answered')
  }
}

interface Asked {
  chatId: number
  chatType: string
  question: string
  result: AnswerResult
  started: number
  ms: number
}

/**
 * Keeps the turn for follow-ups and /sources, and logs the question for /stats and /unanswered: both
 * or neither, so a retry after a busy database never saves the turn twice.
 */
function remember(deps: BotDeps, a: Asked, dayOf: (t: number) => string): Promise<void> {
  const askedAt = new Date(a.started).toISOString()
  const { result: r } = a
  const citations = r.citations.map(({ n, id, title, paper, date }) => ({ n, id, title, paper, date }))
  const turn = { question: a.question, searched: r.searched, answer: r.answer, citations, createdAt: askedAt }
  return deps.store.recordAnswer(a.chatId, turn, CONVERSATION.turns, {
    chatId: a.chatId, askedAt, askedDay: dayOf(a.started), chatType: a.chatType, question: a.question, mode: r.mode,
    abstained: r.abstained, citations: r.citations.length, ms: a.ms,
  })
}
