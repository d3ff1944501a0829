import type { Context, MiddlewareFn } from 'grammy'
import { claimUpdate, finishUpdate } from '../../store/index.js'
import type { BotDeps } from './context.js'

// Longer than the longest answer (three 30 s LLM attempts with backoff), so a live replica's claim never lapses mid-answer.
export const UPDATE_LEASE_MS = 120_000

/**
 * Webhook mode: an update Telegram resends, to this replica or another sharing the database, is handled
 * once. A replica that died before finishing leaves its claim to lapse, so the resend is then answered.
 */
export function createUpdateClaims(deps: Pick<BotDeps, 'db' | 'logger' | 'now'>): MiddlewareFn<Context> {
  const now = deps.now ?? Date.now
  return async (ctx, next) => {
    const id = ctx.update.update_id
    if (!claimUpdate(deps.db, id, now(), UPDATE_LEASE_MS)) {
      deps.logger.debug({ update: id }, 'update already taken, skipped')
      return
    }
    try {
      await next()
    } finally {
      // Also after a failure: the error boundary has told the user, and a resend must not ask again.
      finishUpdate(deps.db, id, now())
    }
  }
}
