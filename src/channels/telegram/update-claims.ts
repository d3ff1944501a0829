import type { Context, MiddlewareFn } from 'grammy'
import { claimUpdate, finishUpdate, hasEarlierUnfinished, type Db } from '../../store/index.js'
import type { BotDeps } from './context.js'
import { sleep } from './digest-pacer.js'

// Longer than the longest answer (three 30 s LLM attempts with backoff), so a live replica's claim never lapses mid-answer.
export const UPDATE_LEASE_MS = 120_000

// How often a chat's later update looks again whether the earlier one is answered: soon at first (a
// command is done in milliseconds), then doubling up to a few queries a second for an LLM answer.
const ORDER_POLL_FIRST_MS = 25
const ORDER_POLL_MAX_MS = 500

/**
 * Webhook mode: an update Telegram resends, to this replica or another sharing the database, is handled
 * once. A replica that died before finishing leaves its claim to lapse, so the resend is then answered.
 * A chat's later update waits for its earlier ones, wherever they are handled, so replies keep their order.
 */
export function createUpdateClaims(deps: Pick<BotDeps, 'db' | 'logger' | 'now'>): MiddlewareFn<Context> {
  const now = deps.now ?? Date.now
  return async (ctx, next) => {
    const id = ctx.update.update_id
    const chatId = ctx.chat?.id ?? null
    if (!claimUpdate(deps.db, id, chatId, now(), UPDATE_LEASE_MS)) {
      deps.logger.debug({ update: id }, 'update already taken, skipped')
      return
    }
    try {
      if (chatId !== null) await waitForEarlier(deps.db, chatId, id, now)
      await next()
    } finally {
      // Also after a failure: the error boundary has told the user, and a resend must not ask again.
      finishUpdate(deps.db, id, now())
    }
  }
}

/**
 * Waits while the chat has an earlier update under way, on any replica: Telegram numbers updates in
 * the order it sends them. At most one lease, so a chain of stuck claims cannot hold the chat forever.
 */
async function waitForEarlier(db: Db, chatId: number, updateId: number, now: () => number): Promise<void> {
  const until = now() + UPDATE_LEASE_MS
  let delay = ORDER_POLL_FIRST_MS
  while (now() < until && hasEarlierUnfinished(db, chatId, updateId, now(), UPDATE_LEASE_MS)) {
    await sleep(delay)
    delay = Math.min(delay * 2, ORDER_POLL_MAX_MS)
  }
}
