import type { Bot } from 'grammy'
import type { Update } from 'grammy/types'
import type { Store } from '../../store/index.js'
import type { BackgroundJob } from './launch.js'
import type { Logger } from './logger.js'

// Updates taken over per look; the rest wait for the next one, so a dead replica's backlog is shared.
const BATCH = 20

/**
 * Webhook mode: every half lease, looks for updates whose process died before replying and
 * answers them here, through the bot's own middleware (whose claim takes each over once, across
 * replicas). Telegram resends an update that got no 2xx, but not one acknowledged after 5 s while its
 * answer was still under way: without this such a question would never be answered.
 */
export function startOrphanRecovery(bot: Bot, store: Store, opts: { leaseMs: number; logger: Logger }): BackgroundJob {
  const taking = new Set<number>()
  const look = async () => {
    try {
      // Their reply was going out when the process died: finished, so the chat's later updates go on.
      const finished = await store.finishInterruptedReplies(Date.now(), opts.leaseMs)
      if (finished > 0) opts.logger.warn({ updates: finished }, 'updates whose process died while replying are left as answered')
      for (const { updateId, payload } of await store.listOrphanedUpdates(Date.now(), opts.leaseMs, BATCH)) {
        if (taking.has(updateId)) continue
        taking.add(updateId)
        opts.logger.warn({ update: updateId }, 'answering an update whose process died')
        bot.handleUpdate(JSON.parse(payload) as Update)
          .catch((err: unknown) => opts.logger.error({ err, update: updateId }, 'taken-over update failed'))
          .finally(() => taking.delete(updateId))
      }
    } catch (err) {
      opts.logger.warn({ err }, 'looking for orphaned updates failed')
    }
  }
  const timer = setInterval(() => void look(), opts.leaseMs / 2)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
