import { sequentialize } from '@grammyjs/runner'
import { Bot, Composer, type Api, type BotError, type Context } from 'grammy'
import type { BotCommand, UserFromGetMe } from 'grammy/types'
import { InputError } from '../../errors.js'
import { createAdminComposer } from './admin.js'
import { boundedRetry, createSenderApi, handlerClientOptions, noLinkPreviews, requestDeadline } from './api-clients.js'
import { createAskHandler } from './ask-handler.js'
import { createCommandsComposer } from './commands.js'
import type { BotDeps } from './context.js'
import { groupFilter } from './group-filter.js'
import { createHolder, type Holder } from './holder.js'
import { createInflight, type Inflight } from './inflight.js'
import { COMMANDS, texts } from './messages.js'
import { createQuestionGuard } from './question-guard.js'
import { createDayOf, createLimiter } from './quota.js'
import type { BackgroundJob } from './launch.js'
import { startOrphanRecovery } from './orphan-recovery.js'
import { createPrivacyComposer, startRetention } from './privacy.js'
import { createSourcesComposer } from './sources.js'
import { createUpdateClaims } from './update-claims.js'
import { userErrorText } from './user-error.js'

export interface BotOptions {
  /** Further features (e.g. the digest's /subscribe), mounted after the built-in commands, before questions. */
  extra?: Composer<Context>[]
  /** Their entries for the command menu. */
  extraCommands?: BotCommand[]
  /** Skips getMe; tests pass the fake's bot. */
  botInfo?: UserFromGetMe
}

/** A built bot plus what running it needs: the command menu and a way to wait for work under way. */
export interface NewsBot {
  bot: Bot
  commands: BotCommand[]
  inflight: Inflight
  /** The digest sender's own client: same token and root, no retrying transformer, a short timeout. */
  senderApi: Api
  /** The bot's own upkeep while it runs (the retention period of chat turns and questions, old webhook claims). */
  housekeeping(): BackgroundJob
  /** This process in the store: webhook updates it claims and digest sends it holds carry its id while it beats. */
  holder: Holder
}

/** The grammY bot with every feature mounted; nothing runs until `startBot` (or `handleUpdate` in tests). */
export function createBot(deps: BotDeps, opts: BotOptions = {}): NewsBot {
  const { telegram, timezone } = deps.config
  if (!telegram.token) throw new InputError('未设置 TELEGRAM_BOT_TOKEN：请填入从 @BotFather 获得的机器人令牌')
  const bot = new Bot(telegram.token, { botInfo: opts.botInfo, client: handlerClientOptions(telegram.apiRoot) })
  // Innermost first: each attempt has its deadline, retries wrap attempts, previews are off on all.
  bot.api.config.use(requestDeadline, boundedRetry(), noLinkPreviews)
  bot.catch((err) => deps.logger.error({ err: err.error, update: err.ctx.update.update_id }, 'update failed'))

  const dayOf = createDayOf(timezone)
  const limiter = createLimiter({ perMinute: telegram.perMinute, perDay: telegram.perDay, timeZone: timezone, now: deps.now, store: deps.store })
  const inflight = createInflight()
  // One heartbeat for all the process holds, as often as its shortest lease needs.
  const leaseMs = Math.min(deps.config.digest.leaseMs, telegram.webhook?.leaseMs ?? Infinity)
  const holder = createHolder(deps.store, { leaseMs, logger: deps.logger })
  bot.use(inflight.middleware)
  // Only webhooks deliver an update twice (a resend may reach another replica); long polling stays as it is.
  // Inside inflight, so a shutdown waits for the claim to be finished too.
  if (telegram.webhook) bot.use(createUpdateClaims(deps, holder, telegram.webhook.leaseMs))
  const safe = bot.errorBoundary((err) => replyWithError(deps, err))
  safe.use(groupFilter)
  safe.use(createQuestionGuard(limiter, telegram.perDay))
  // Updates of one chat run in order (a follow-up sees the turn before it); chats run concurrently.
  safe.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()))
  safe.use(createCommandsComposer(deps, opts.extraCommands), createSourcesComposer(deps), createPrivacyComposer(deps), createAdminComposer(deps, dayOf))
  for (const feature of opts.extra ?? []) safe.use(feature)
  safe.use(createAskHandler(deps, dayOf))
  safe.use(createFallback())
  return {
    bot, commands: [...COMMANDS, ...(opts.extraCommands ?? [])], inflight,
    senderApi: createSenderApi(telegram.token, telegram.apiRoot),
    housekeeping: () => startHousekeeping(bot, deps),
    holder,
  }
}

/** Retention pruning, and in webhook mode answering the updates a dead replica left unfinished. */
function startHousekeeping(bot: Bot, deps: BotDeps): BackgroundJob {
  const hook = deps.config.telegram.webhook
  const jobs = [startRetention(deps), ...(hook ? [startOrphanRecovery(bot, deps.store, { leaseMs: hook.leaseMs, logger: deps.logger })] : [])]
  return { stop: async () => void (await Promise.all(jobs.map((j) => j.stop()))) }
}

/** What is left: unknown commands and messages without text in private chats, and stale buttons. */
function createFallback(): Composer<Context> {
  const c = new Composer<Context>()
  c.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: texts.staleButton }))
  const priv = c.chatType('private')
  priv.on('message:text', (ctx) => ctx.reply(texts.unknownCommand))
  priv.on('message', (ctx) => ctx.reply(texts.textOnly))
  return c
}

/** Logs the error and tells the user in one sentence; a failure to tell them is only logged. */
async function replyWithError(deps: BotDeps, err: BotError<Context>): Promise<void> {
  deps.logger.error({ err: err.error, update: err.ctx.update.update_id }, 'handler failed')
  const text = userErrorText(err.error)
  if (text === null || err.ctx.chat === undefined) return
  await err.ctx.reply(text).catch((e: unknown) => deps.logger.warn({ err: e }, 'could not report the error to the user'))
}
