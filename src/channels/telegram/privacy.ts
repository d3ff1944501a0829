import { Composer, type Context } from 'grammy'
import type { BotDeps } from './context.js'
import type { BackgroundJob } from './launch.js'
import { texts } from './messages.js'

const PRUNE_EVERY_MS = 3_600_000
const DAY_MS = 86_400_000
// Telegram stops resending an update after a day, so older webhook claims can never be needed again.
const SEEN_UPDATES_KEPT_MS = DAY_MS

/** /forget: deletes what the bot remembers of a private chat (its turns and the questions logged with them). */
export function createPrivacyComposer(deps: BotDeps): Composer<Context> {
  const c = new Composer<Context>()
  c.command('forget', async (ctx) => {
    // A group's turns belong to the whole group; no one member can take them back.
    if (ctx.chat.type !== 'private') return void (await ctx.reply(texts.forgetInPrivate))
    const gone = await deps.store.forgetChat(ctx.chat.id)
    await ctx.reply(texts.forgotten(gone.turns, gone.questions))
  })
  return c
}

/**
 * Deletes chat turns and logged questions older than config.telegram.retentionDays, at start and
 * then hourly, so nothing a reader asked is kept longer than the operator promised; webhook update
 * claims older than a day; and counted requests older than two days.
 */
export function startRetention(deps: BotDeps): BackgroundJob {
  const now = deps.now ?? Date.now
  const prune = async () => {
    try {
      const before = new Date(now() - deps.config.telegram.retentionDays * DAY_MS).toISOString()
      const gone = await deps.store.pruneConversations(before)
      if (gone.turns + gone.questions > 0) deps.logger.info(gone, 'old chat turns and questions deleted')
      await deps.store.pruneSeenUpdates(now() - SEEN_UPDATES_KEPT_MS)
      // A request counts towards its local day at most: two days on, it limits no one.
      await deps.store.pruneQuotaTakes(now() - 2 * DAY_MS)
    } catch (err) {
      deps.logger.error({ err }, 'retention pruning failed')
    }
  }
  void prune()
  const timer = setInterval(prune, PRUNE_EVERY_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
