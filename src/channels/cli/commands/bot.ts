import type { Command } from 'commander'
import { answerQuestion } from '../../../answer/index.js'
import { createDigestSummarizer } from '../../../digest/index.js'
import {
  createBot,
  createEditionJob,
  createLogger,
  createSubscriptionComposer,
  DIGEST_COMMANDS,
  logSecrets,
  startBot,
  startDigestScheduler,
  startDigestSender,
  type Answerer,
} from '../../telegram/index.js'
import { createQuestionIndex, createStoreWriter } from '../../../retrieve/index.js'
import { openStoreContext, type GlobalOptions } from '../context.js'
import { answerPoolFor } from '../../answer-pool.js'
import { createEmbedder, createLlmClient } from '../../../llm/index.js'

export function registerBot(program: Command): void {
  program
    .command('bot')
    .description('运行 Telegram 机器人（长轮询；设置 NEWSBOT_WEBHOOK_URL 时用 webhook）')
    .option('--digest-only', '只按时发送每日简报，不回答提问（可多个进程同时运行；可用 PostgreSQL）')
    .addHelpText('after', BOT_ENV_HELP)
    .action(async (flags: { digestOnly?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>()
      if (flags.digestOnly) return runDigestOnly(opts)
      const { config, store, location } = await openStoreContext(opts, 'write', BOT_BUSY_TIMEOUT_MS)
      const logger = createLogger({ level: config.logLevel, secrets: logSecrets(config) })
      try {
        if ((await store.countArticles()) === 0) logger.warn({ backend: store.backend }, 'the store has no articles yet: run newsbot ingest')
        const llm = createLlmClient(config.llm)
        const embedder = createEmbedder(config)
        // One summarizer for /today and the scheduled rounds, so its per-article cache is shared.
        const summarize = createDigestSummarizer(config.llm, (err) => logger.warn({ err }, 'digest summary fell back to the lead sentence'))
        const index = createQuestionIndex(store)
        // With NEWSBOT_EPAPER_URL set, the day's edition is fetched before each digest round until it is in.
        const beforeRound = createEditionJob({ config, writer: createStoreWriter(store), logger })
        const pool = answerPoolFor(config, location, { llm, embedder })
        await pool?.warm()
        const answer: Answerer = pool ? (q, o) => pool.answer(q, o.history) : (q, o) => answerQuestion(index, q, { ...o, llm, embedder })
        const nb = createBot(
          { config, store, index, logger, embedder, answer },
          { extra: [createSubscriptionComposer({ store, config, summarize })], extraCommands: DIGEST_COMMANDS },
        )
        const running = await startBot(nb, {
          config,
          logger,
          jobs: [(api) => startDigestScheduler({ store, api, config, logger, summarize, holder: nb.holder, ...(beforeRound && { beforeRound }) })],
        })
        logger.info({ signal: await stopSignal() }, 'signal received')
        await running.stop()
        await pool?.close()
      } finally {
        await store.close()
      }
    })
}

/**
 * `bot --digest-only`: the digest schedule alone over the store (SQLite file or PostgreSQL), so
 * several processes on several machines can share the rounds. No e-paper fetch, no questions.
 */
async function runDigestOnly(opts: GlobalOptions): Promise<void> {
  const { config, store } = await openStoreContext(opts, 'write')
  const logger = createLogger({ level: config.logLevel, secrets: logSecrets(config) })
  try {
    const summarize = createDigestSummarizer(config.llm, (err) => logger.warn({ err }, 'digest summary fell back to the lead sentence'))
    if ((await store.countArticles()) === 0) logger.warn({ backend: store.backend }, 'the store has no articles yet: run newsbot ingest')
    const sender = startDigestSender({ store, config, logger, summarize })
    logger.info({ backend: store.backend }, 'digest sender started')
    logger.info({ signal: await stopSignal() }, 'signal received')
    await sender.stop()
  } finally {
    await store.close()
  }
}

/** Resolves at SIGINT or SIGTERM; a second signal gets the default behaviour (exit at once): `once` has removed our listener. */
function stopSignal(): Promise<string> {
  return new Promise<string>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
}

// The bot's writes wait this long for an ingest's batch (≤ 100 ms, then a 25 ms gap) instead of the
// default 5 s: better-sqlite3 waits synchronously, so a long wait stalls every chat at once.
const BOT_BUSY_TIMEOUT_MS = 150

// Keep in step with config.ts and the README's environment table.
const BOT_ENV_HELP = `
环境变量：
  TELEGRAM_BOT_TOKEN                  机器人的 token（必需）
  TELEGRAM_API_ROOT                   Bot API 地址（默认 https://api.telegram.org）
  NEWSBOT_DB                          数据库文件（默认 data/newsbot.db；--db 优先）
  OPENAI_BASE_URL、OPENAI_API_KEY、OPENAI_MODEL
                                      兼容 OpenAI 的大模型服务；都不设置时用摘录式回答
  NEWSBOT_LLM_FIRST_TOKEN_MS          等大模型第一个字的最长时间（默认 15000 毫秒）
  NEWSBOT_LLM_TOTAL_MS                一次回答的最长时间（默认 45000 毫秒），超时改用摘录式回答
  NEWSBOT_ADMINS                      管理员的 Telegram 用户 id，逗号分隔
  NEWSBOT_ANSWER_THREADS              摘录式回答用的工作线程数（默认每核一个，最多 4；0 为在主线程回答）
  NEWSBOT_TIMEZONE 或 TZ               时区（默认 Asia/Shanghai）
  NEWSBOT_RATE_PER_MINUTE、NEWSBOT_DAILY_QUOTA
                                      每人每分钟、每天的提问上限（默认 5、100；0 为不限）
  NEWSBOT_DIGEST_RATE                 每日简报每秒发送条数（默认 25）
  NEWSBOT_DIGEST_CATCH_UP_MINUTES     停机后补发简报的时限（默认 180 分钟）
  NEWSBOT_DIGEST_LEASE_SECONDS        发送简报的进程多久没有心跳即视为已退出（默认 60 秒）
  NEWSBOT_DATABASE_URL                postgres://… 时使用 PostgreSQL（多个进程共用一个数据库；--db 优先）
  NEWSBOT_WEBHOOK_URL、NEWSBOT_WEBHOOK_SECRET、NEWSBOT_WEBHOOK_PORT
                                      用 webhook 代替长轮询（端口默认 8080）
  NEWSBOT_WEBHOOK_LEASE_SECONDS       webhook 进程多久没有心跳即视为已退出，其未答完的消息由其他进程接手（默认 10 秒）
  NEWSBOT_EMBED_MODEL                 向量模型，开启语义检索
  NEWSBOT_EPAPER_URL                  每天早上抓取的电子报版面地址（{yyyy} {mm} {dd} 换成当天日期）
  NEWSBOT_FETCH_DELAY_MS、NEWSBOT_FETCH_TIMEOUT_MS
                                      抓取电子报时请求间隔与超时（默认 1000、20000 毫秒）
  NEWSBOT_LOG_LEVEL                   日志级别（默认 info）
`
