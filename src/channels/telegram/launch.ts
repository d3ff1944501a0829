import { randomBytes } from 'node:crypto'
import { run, type RunnerHandle } from '@grammyjs/runner'
import type { Api } from 'grammy'
import type { Config } from '../../config.js'
import { UpstreamError, errorMessage } from '../../errors.js'
import type { NewsBot } from './bot.js'
import type { Logger } from './logger.js'
import { startWebhookServer, type WebhookServer } from './webhook.js'

/** Something that runs beside the bot (the digest scheduler); it is stopped before the bot stops. */
export interface BackgroundJob {
  stop(): void | Promise<void>
}

/** Starts a background job once the bot can talk to Telegram; `api` is the digest sender's own client. */
export type JobStarter = (api: Api) => BackgroundJob

export interface LaunchOptions {
  config: Config
  logger: Logger
  jobs?: JobStarter[]
  /** Long-polling timeout in seconds (Telegram's default wait is 30). */
  pollTimeoutSec?: number
}

export interface RunningBot {
  /** The webhook server's port, when running as a webhook. */
  port?: number
  /** Stops the jobs, stops taking updates, lets answers under way finish, confirms handled updates. */
  stop(): Promise<void>
}

// Everything the features handle; leaving out the rest spares Telegram sending updates nobody reads.
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const
const CONFIRM_TIMEOUT_MS = 3000
// grammY types its signal with the abort-controller shim; a Node AbortSignal is what it uses at run time.
type GrammySignal = Parameters<Api['getUpdates']>[1]

/** Runs the bot: long polling with grammY's runner, or a webhook when NEWSBOT_WEBHOOK_URL is set. */
export async function startBot(nb: NewsBot, opts: LaunchOptions): Promise<RunningBot> {
  const { bot } = nb
  const log = opts.logger
  logFailedPolls(bot.api, log)
  try {
    await bot.init()
  } catch (err) {
    throw new UpstreamError(`无法连接 Telegram（${errorMessage(err)}），请检查 TELEGRAM_BOT_TOKEN 和 TELEGRAM_API_ROOT`, { cause: err })
  }
  await bot.api.setMyCommands(nb.commands).catch((err: unknown) => log.warn({ err }, 'setMyCommands failed'))
  const hook = opts.config.telegram.webhook
  let server: WebhookServer | undefined
  let runner: RunnerHandle | undefined
  if (hook) {
    const secret = hook.secret ?? randomBytes(32).toString('base64url')
    // Beating before the first update arrives: a claim without a heartbeat would look dead to the others.
    await nb.holder.start()
    server = await startWebhookServer(bot, { url: hook.url, secret, port: hook.port, logger: log })
    await bot.api.setWebhook(hook.url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES })
    log.info({ port: server.port, bot: bot.botInfo.username }, 'bot started (webhook)')
  } else {
    await bot.api.deleteWebhook()
    runner = run(bot, {
      runner: { fetch: { timeout: opts.pollTimeoutSec ?? 30, allowed_updates: ALLOWED_UPDATES }, silent: true },
    })
    log.info({ bot: bot.botInfo.username }, 'bot started (long polling)')
  }
  const jobs = [nb.housekeeping(), ...(opts.jobs ?? []).map((start) => start(nb.senderApi))]
  return {
    port: server?.port,
    async stop() {
      log.info({ inflight: nb.inflight.size() }, 'stopping')
      for (const job of jobs) await job.stop()
      if (runner?.isRunning()) await runner.stop()
      await server?.close()
      await nb.inflight.idle()
      await nb.holder.stop()
      // Like bot.stop(): tell Telegram the handled updates are done, so a restart does not replay them.
      const last = nb.inflight.lastUpdateId()
      if (runner && last > 0) {
        // Bounded: a shutdown while Telegram is unreachable must not wait for the client's timeout.
        await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }, AbortSignal.timeout(CONFIRM_TIMEOUT_MS) as GrammySignal)
          .catch((err: unknown) => log.warn({ err }, 'could not confirm the last updates'))
      }
      log.info('stopped')
    },
  }
}

/** The runner retries failed polls on its own; this only makes the failures visible in the log. */
function logFailedPolls(api: Api, log: Logger): void {
  api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal)
    } catch (err) {
      if (method === 'getUpdates' && !signal?.aborted) log.warn({ err }, 'getUpdates failed')
      throw err
    }
  })
}
