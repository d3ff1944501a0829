import { GrammyError, HttpError, type Api } from 'grammy'
import type { Config } from '../../config.js'
import {
  buildDigest, checkTimeZone, countItems, createDigestSummarizer, filterDigest, localDay, MAX_SEND_ATTEMPTS, planDueSends,
  startTicker, type Digest, type DueSend, type Summarizer,
} from '../../digest/index.js'
import { errorMessage } from '../../errors.js'
import {
  claimSend, getArticle, markInterruptedSends, pauseSubscription, pruneSendLog, recordSkipped, releaseSend, settleSend, type Db,
} from '../../store/index.js'
import { articleRef, renderDigestMessages, type DigestMessage } from './digest-format.js'
import { createLogger, type Logger } from './logger.js'

export interface DigestSenderDeps {
  db: Db
  /** The bot's API (bot.api); its own transformers (auto-retry) apply too. */
  api: Api
  config: Config
  now?: () => number
  logger?: Logger
  summarize?: Summarizer
  /** Cron pattern of the ticks; tests use '* * * * * *'. */
  pattern?: string
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
const MAX_429_RETRIES = 5
// How long send records are kept (far longer than any catch-up window).
const SEND_LOG_DAYS = 90
// Telegram says "chat not found" (400) as well as 403 for chats the bot can no longer reach.
const UNREACHABLE = /chat not found|user is deactivated|bot was kicked|bot was blocked|PEER_ID_INVALID|have no rights to send/i
// Errors raised before a request could reach Telegram: nothing was delivered, so a retry is safe.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/**
 * Starts the daily digest schedule in the bot process: at start (catching up a send time missed
 * while the bot was down, within config.digest.catchUpMinutes) and at every minute of
 * config.timezone it sends each due subscriber their digest, at most config.digest.sendRate
 * messages/s. It runs beside the bot's update handling as its own async task, so answering questions
 * never waits for a round.
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
      const stats = await runDigestRound({ ...deps, now, summarize, pacer, signal })
      if (stats.due > 0) logger.info(stats, 'digest round done')
    },
  })
  return { stop: () => ticker.stop() }
}

/**
 * Sends every due digest once: claim in the send log, send, settle. An aborted `signal` (the bot is
 * stopping) ends the round after the requests in flight; the rest stay due for the next start.
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

  let next = 0
  const worker = async () => {
    for (let i = next++; i < due.length && !deps.signal?.aborted; i = next++) {
      const job = due[i]!
      const base = await digestAfter(job.after)
      const mine = filterDigest(base, job.sub, textOf)
      // Nothing new for this chat: no message (a daily "nothing today" would train people to mute
      // the bot); the day is recorded as skipped so it is decided once.
      if (countItems(mine) === 0) {
        if (recordSkipped(db, job.sub.chatId, job.day, base.date, now())) stats.skipped++
        continue
      }
      const key = `${job.after}|${job.sub.areas.join(',')}|${job.sub.topic ?? ''}`
      const messages = rendered.get(key) ?? rendered.set(key, renderDigestMessages(mine, { refFor: (id) => articleRef(db, id) })).get(key)!
      const claim = () => claimSend(db, { chatId: job.sub.chatId, day: job.day, issueDate: base.date, now: now(), maxAttempts: MAX_SEND_ATTEMPTS })
      const outcome = await deliver(deps, job, messages, claim)
      if (!outcome) continue
      settleSend(db, job.sub.chatId, job.day, outcome, now())
      if (outcome.state === 'blocked') pauseSubscription(db, job.sub.chatId, outcome.error ?? 'blocked', now())
      stats[outcome.state]++
      stats.messages += outcome.messageIds.length
    }
  }
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, due.length) }, worker))
  return stats
}

type Outcome = { state: 'sent' | 'failed' | 'blocked' | 'unknown'; messageIds: number[]; error?: string }

/**
 * Sends a digest's messages in order; undefined when another round owns the chat's day. The claim
 * is taken after the pacer's wait, right before the request, so a row is 'sending' only while a
 * request is really in flight: that is the whole window in which a crash leaves the outcome unknown.
 * A 429 on the first message gives the claim back while waiting out retry_after.
 */
async function deliver(
  deps: { db: Db; api: Api; pacer: Pacer; signal?: AbortSignal },
  job: DueSend,
  messages: DigestMessage[],
  claim: () => boolean,
): Promise<Outcome | undefined> {
  const messageIds: number[] = []
  for (const m of messages) {
    for (let attempt = 0; ; attempt++) {
      await deps.pacer.wait(deps.signal)
      if (messageIds.length === 0 && (deps.signal?.aborted || !claim())) return undefined
      try {
        const sent = await deps.api.sendMessage(job.sub.chatId, m.text, {
          parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(m.keyboard && { reply_markup: m.keyboard }),
        })
        messageIds.push(sent.message_id)
        break
      } catch (err) {
        const retryAfter = err instanceof GrammyError && err.error_code === 429 ? (err.parameters.retry_after ?? 1) : undefined
        if (retryAfter !== undefined && attempt < MAX_429_RETRIES) {
          if (messageIds.length === 0) releaseSend(deps.db, job.sub.chatId, job.day)
          // Telegram's flood limit is per bot: every worker waits, not just this one.
          deps.pacer.pause(retryAfter * 1000)
          continue
        }
        const outcome = classify(err)
        // Once part of a digest has arrived, sending it again would repeat that part.
        return messageIds.length > 0 ? { state: 'sent', messageIds, error: outcome.error } : { ...outcome, messageIds }
      }
    }
  }
  return { state: 'sent', messageIds }
}

function classify(err: unknown): { state: 'failed' | 'blocked' | 'unknown'; error: string } {
  const error = errorMessage(err)
  if (err instanceof GrammyError) {
    return { state: err.error_code === 403 || UNREACHABLE.test(err.description) ? 'blocked' : 'failed', error }
  }
  const code = err instanceof HttpError ? (err.error as { cause?: { code?: string } }).cause?.code ?? (err.error as { code?: string }).code : undefined
  // Any other network failure may have happened after Telegram accepted the message.
  return { state: code && NOT_SENT_CODES.has(code) ? 'failed' : 'unknown', error }
}

/** Spaces request starts evenly at `perSecond`, shared by every worker. */
export interface Pacer {
  /** Resolves at this caller's start time, or at once when `signal` aborts. */
  wait(signal?: AbortSignal): Promise<void>
  /** Starts nothing for `ms` (a 429's retry_after). */
  pause(ms: number): void
}

export function createPacer(perSecond: number): Pacer {
  const interval = 1000 / perSecond
  let nextAt = 0
  return {
    async wait(signal) {
      const t = Date.now()
      const at = Math.max(nextAt, t)
      nextAt = at + interval
      if (at > t && !signal?.aborted) await sleep(at - t, signal)
    },
    pause(ms) {
      nextAt = Math.max(nextAt, Date.now() + ms)
    },
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
