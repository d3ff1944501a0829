import type { Api } from 'grammy'
import type { Config } from '../../config.js'
import {
  buildDigest, checkTimeZone, countItems, createDigestSummarizer, filterDigest, localDay, MAX_SEND_ATTEMPTS, planDueSends,
  runPool, startTicker, type Digest, type Summarizer,
} from '../../digest/index.js'
import {
  claimSend, getArticle, markInterruptedSends, pauseSubscription, pruneSendLog, recordSkipped, settleSend, type Db,
} from '../../store/index.js'
import { articleRef } from './article-ref.js'
import { digestLinks, renderDigestMessages, type DigestMessage } from './digest-format.js'
import { deliverDigest } from './digest-delivery.js'
import { createPacer, type Pacer } from './digest-pacer.js'
import { createLogger, type Logger } from './logger.js'

export { createPacer, type Pacer } from './digest-pacer.js'

export interface DigestSenderDeps {
  db: Db
  /** The sender's own API client (NewsBot.senderApi): no retrying transformer, a short timeout. */
  api: Api
  config: Config
  now?: () => number
  logger?: Logger
  summarize?: Summarizer
  /** Cron pattern of the ticks; tests use '* * * * * *'. */
  pattern?: string
  /** Runs before each round, in the same turn (the morning e-paper fetch), so a round sees what it wrote. */
  beforeRound?: (signal: AbortSignal) => Promise<void>
}

/** What one round did. */
export interface RoundStats {
  due: number
  sent: number
  skipped: number
  blocked: number
  failed: number
  unknown: number
  messages: number
}

// A few requests in flight hide network latency; the pacer, not this, sets the rate.
const SEND_CONCURRENCY = 4
// How long send records are kept (far longer than any catch-up window).
const SEND_LOG_DAYS = 90

/**
 * Starts the daily digest schedule in the bot process: at start (catching up a send time missed
 * while the bot was down, within config.digest.catchUpMinutes) and at every minute of
 * config.timezone it sends each due subscriber their digest, at most config.digest.sendRate
 * messages/s. `stop()` aborts the requests in flight and returns once the round has settled them.
 */
export function startDigestScheduler(deps: DigestSenderDeps): { stop(): Promise<void> } {
  const { db, config } = deps
  const now = deps.now ?? Date.now
  const logger = deps.logger ?? createLogger({ level: 'silent' })
  checkTimeZone(config.timezone)
  const interrupted = markInterruptedSends(db, now())
  if (interrupted > 0) logger.warn({ interrupted }, 'digest sends interrupted by a crash are not resent (at-most-once)')
  // The log only has to remember recent days; without pruning it grows by one row per subscriber a day.
  const pruned = pruneSendLog(db, localDay(now() - SEND_LOG_DAYS * 86_400_000, config.timezone))
  if (pruned > 0) logger.info({ pruned }, 'old digest send records pruned')
  const pacer = createPacer(config.digest.sendRate)
  const summarize = deps.summarize ?? createDigestSummarizer(config.llm, (err) => logger.warn({ err }, 'digest summary fell back to the lead sentence'))
  const ticker = startTicker({
    timeZone: config.timezone,
    pattern: deps.pattern,
    onError: (err) => logger.error({ err }, 'digest round failed'),
    run: async (signal) => {
      await deps.beforeRound?.(signal)
      const stats = await runDigestRound({ ...deps, now, summarize, pacer, signal })
      if (stats.due > 0) logger.info(stats, 'digest round done')
    },
  })
  return { stop: () => ticker.stop() }
}

/**
 * Sends every due digest once: claim in the send log, send, settle. An aborted `signal` (the bot is
 * stopping) ends the round at once; chats not yet claimed stay due for the next start.
 */
export async function runDigestRound(
  deps: DigestSenderDeps & { now: () => number; summarize: Summarizer; pacer: Pacer; signal?: AbortSignal },
): Promise<RoundStats> {
  const { db, config, now } = deps
  const due = planDueSends(db, now(), { timeZone: config.timezone, catchUpMs: config.digest.catchUpMinutes * 60_000 })
  const stats: RoundStats = { due: due.length, sent: 0, skipped: 0, blocked: 0, failed: 0, unknown: 0, messages: 0 }
  const digests = new Map<string | null, Promise<Digest>>()
  const rendered = new Map<string, DigestMessage[]>()
  const texts = new Map<string, string>()
  const textOf = (id: string) => texts.get(id) ?? texts.set(id, getArticle(db, id)?.text ?? '').get(id)!
  const digestAfter = (after: string | null) =>
    digests.get(after) ?? digests.set(after, buildDigest(db, { after, summarize: deps.summarize })).get(after)!

  await runPool(due, SEND_CONCURRENCY, async (job) => {
    const base = await digestAfter(job.after)
    const mine = filterDigest(base, job.sub, textOf)
    // Nothing new for this chat: no message (a daily "nothing today" would train people to mute
    // the bot); the day is recorded as skipped so it is decided once.
    if (countItems(mine) === 0) {
      if (recordSkipped(db, job.sub.chatId, job.day, base.date, now())) stats.skipped++
      return
    }
    const key = `${job.after}|${job.sub.areas.join(',')}|${job.sub.topic ?? ''}`
    const messages = rendered.get(key) ?? rendered.set(key, renderDigestMessages(mine, { refFor: (id) => articleRef(db, id), linkFor: digestLinks(deps.config.web.publicUrl) })).get(key)!
    const claim = () => claimSend(db, { chatId: job.sub.chatId, day: job.day, issueDate: base.date, now: now(), maxAttempts: MAX_SEND_ATTEMPTS })
    const outcome = await deliverDigest(deps, job, messages, claim)
    if (!outcome) return
    settleSend(db, job.sub.chatId, job.day, outcome, now())
    if (outcome.state === 'blocked') pauseSubscription(db, job.sub.chatId, outcome.error ?? 'blocked', now())
    stats[outcome.state]++
    stats.messages += outcome.messageIds.length
  }, deps.signal)
  return stats
}
