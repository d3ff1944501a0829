import type { Api } from 'grammy'
import type { Config } from '../../config.js'
import {
  buildDigest, checkTimeZone, countItems, createDigestSummarizer, filterDigest, localDay, MAX_SEND_ATTEMPTS, planDueSends,
  runPool, startTicker, type Digest, type Summarizer,
} from '../../digest/index.js'
import type { Store } from '../../store/index.js'
import { InputError } from '../../errors.js'
import { createSenderApi } from './api-clients.js'
import { articleRefs } from './article-ref.js'
import { digestLinks, renderDigestMessages, type DigestMessage } from './digest-format.js'
import { deliverDigest } from './digest-delivery.js'
import { createPacer, type Pacer } from './digest-pacer.js'
import { createHolder, type Holder } from './holder.js'
import { createLogger, type Logger } from './logger.js'

export { createPacer, type Pacer } from './digest-pacer.js'

export interface DigestSenderDeps {
  /** The store every replica shares (SQLite file or PostgreSQL): subscriptions, issues and the send log. */
  store: Store
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
  /** The process's holder when it serves more than the digest (the bot's webhook); else the scheduler makes its own. */
  holder?: Holder
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
 * messages/s. Several processes may run it on one store: each (chat, day) is claimed once. Each
 * process beats in the store every quarter lease; any of them marks the sends of a holder silent
 * for a whole lease (it died mid-request) as 'unknown', never resent. `stop()` aborts the requests
 * in flight and returns once the round has settled them.
 */
export function startDigestScheduler(deps: DigestSenderDeps): { stop(): Promise<void> } {
  const { store, config } = deps
  const now = deps.now ?? Date.now
  const logger = deps.logger ?? createLogger({ level: 'silent' })
  checkTimeZone(config.timezone)
  const { leaseMs } = config.digest
  const holder = deps.holder ?? createHolder(store, { leaseMs, logger })
  // Leases run on the wall clock every replica shares, not on the schedule clock (`now`, which tests shift).
  const sweep = async () => {
    const interrupted = await store.markInterruptedSends(Date.now(), leaseMs)
    if (interrupted > 0) logger.warn({ interrupted }, 'digest sends interrupted by a crash are not resent (at-most-once)')
  }
  let sweeper: NodeJS.Timeout | undefined
  let started = false
  const startUp = async () => {
    await holder.start()
    await sweep()
    sweeper ??= setInterval(() => void sweep().catch((err: unknown) => logger.warn({ err }, 'marking interrupted digest sends failed')), leaseMs / 4)
    // The log only has to remember recent days; without pruning it grows by one row per subscriber a day.
    const pruned = await store.pruneSendLog(localDay(now() - SEND_LOG_DAYS * 86_400_000, config.timezone))
    if (pruned > 0) logger.info({ pruned }, 'old digest send records pruned')
    started = true
  }
  const pacer = createPacer(config.digest.sendRate)
  const summarize = deps.summarize ?? createDigestSummarizer(config.llm, (err) => logger.warn({ err }, 'digest summary fell back to the lead sentence'))
  const ticker = startTicker({
    timeZone: config.timezone,
    pattern: deps.pattern,
    onError: (err) => logger.error({ err }, 'digest round failed'),
    run: async (signal) => {
      if (!started) await startUp()
      await deps.beforeRound?.(signal)
      const stats = await runDigestRound({ ...deps, now, summarize, pacer, signal, owner: holder.id })
      if (stats.due > 0) logger.info(stats, 'digest round done')
    },
  })
  return {
    async stop() {
      await ticker.stop()
      clearInterval(sweeper)
      // Every send of this holder is settled now; a shared holder is stopped by the bot, after its updates.
      if (!deps.holder) await holder.stop()
    },
  }
}

/**
 * The digest schedule alone, with the sender's own Bot API client: for a process that answers no
 * questions (`newsbot bot --digest-only`, e.g. replicas on PostgreSQL, where answering does not run yet).
 */
export function startDigestSender(deps: Omit<DigestSenderDeps, 'api'>): { stop(): Promise<void> } {
  const { telegram } = deps.config
  if (!telegram.token) throw new InputError('未设置 TELEGRAM_BOT_TOKEN：请填入从 @BotFather 获得的机器人令牌')
  return startDigestScheduler({ ...deps, api: createSenderApi(telegram.token, telegram.apiRoot) })
}

/**
 * Sends every due digest once: claim in the send log, send, settle. An aborted `signal` (the bot is
 * stopping) ends the round at once; chats not yet claimed stay due for the next start.
 */
export async function runDigestRound(
  deps: DigestSenderDeps & { now: () => number; summarize: Summarizer; pacer: Pacer; signal?: AbortSignal; owner?: string },
): Promise<RoundStats> {
  const { store, config, now } = deps
  const planned = await planDueSends(store, now(), { timeZone: config.timezone, catchUpMs: config.digest.catchUpMinutes * 60_000 })
  // Replicas planning the same round start at different places in it, so they rarely race for one chat.
  const from = Math.floor(Math.random() * planned.length)
  const due = [...planned.slice(from), ...planned.slice(0, from)]
  const stats: RoundStats = { due: due.length, sent: 0, skipped: 0, blocked: 0, failed: 0, unknown: 0, messages: 0 }
  const digests = new Map<string | null, Promise<Prepared>>()
  const rendered = new Map<string, DigestMessage[]>()
  const prepare = async (after: string | null): Promise<Prepared> => {
    const digest = await buildDigest(store, { after, summarize: deps.summarize })
    const ids = digest.sections.flatMap((s) => s.items.map((i) => i.id))
    // Topic filters look into the article text; buttons need each article's reference.
    const needTexts = due.some((j) => j.after === after && j.sub.topic)
    const [refs, texts] = await Promise.all([
      articleRefs(store, ids),
      needTexts ? Promise.all(ids.map(async (id) => [id, (await store.getArticle(id))?.text ?? ''] as const)) : [],
    ])
    return { digest, refs, texts: new Map(texts) }
  }
  const digestAfter = (after: string | null) => digests.get(after) ?? digests.set(after, prepare(after)).get(after)!

  await runPool(due, SEND_CONCURRENCY, async (job) => {
    const { digest: base, refs, texts } = await digestAfter(job.after)
    const mine = filterDigest(base, job.sub, (id) => texts.get(id) ?? '')
    // Nothing new for this chat: no message (a daily "nothing today" would train people to mute
    // the bot); the day is recorded as skipped so it is decided once.
    if (countItems(mine) === 0) {
      if (await store.recordSkipped(job.sub.chatId, job.day, base.date, now())) stats.skipped++
      return
    }
    const key = `${job.after}|${job.sub.areas.join(',')}|${job.sub.topic ?? ''}`
    const messages = rendered.get(key) ?? rendered.set(key, renderDigestMessages(mine, { refFor: (id) => refs.get(id), linkFor: digestLinks(deps.config.web.publicUrl) })).get(key)!
    const claim = () => store.claimSend({ chatId: job.sub.chatId, day: job.day, issueDate: base.date, now: now(), maxAttempts: MAX_SEND_ATTEMPTS, owner: deps.owner })
    const outcome = await deliverDigest(deps, job, messages, claim)
    if (!outcome) return
    await store.settleSend(job.sub.chatId, job.day, outcome, now())
    if (outcome.state === 'blocked') await store.pauseSubscription(job.sub.chatId, outcome.error ?? 'blocked', now())
    stats[outcome.state]++
    stats.messages += outcome.messageIds.length
  }, deps.signal)
  return stats
}

/** A digest built once per round for every chat with the same last issue, with what its chats' messages need. */
interface Prepared {
  digest: Digest
  refs: Map<string, string>
  texts: Map<string, string>
}
