import type { Command } from 'commander'
import { answerQuestion, createEmbedder, createLlmClient } from '../../../answer/index.js'
import { createDigestSummarizer } from '../../../digest/index.js'
import {
  createBot,
  createLogger,
  createSubscriptionComposer,
  DIGEST_COMMANDS,
  logSecrets,
  startBot,
  startDigestScheduler,
} from '../../telegram/index.js'
import { openContext, type GlobalOptions } from '../context.js'
import { loadSamples } from '../indexing.js'

export function registerBot(program: Command): void {
  program
    .command('bot')
    .description('运行 Telegram 机器人（长轮询；设置 NEWSBOT_WEBHOOK_URL 时用 webhook）')
    .action(async (_flags: unknown, cmd: Command) => {
      const { config, db } = openContext(cmd.optsWithGlobals<GlobalOptions>())
      const logger = createLogger({ level: config.logLevel, secrets: logSecrets(config) })
      try {
        await loadSamples(db)
        const llm = createLlmClient(config.llm)
        const embedder = createEmbedder(config)
        // One summarizer for /today and the scheduled rounds, so its per-article cache is shared.
        const summarize = createDigestSummarizer(config.llm, (err) => logger.warn({ err }, 'digest summary fell back to the lead sentence'))
        const nb = createBot(
          { config, db, logger, embedder, answer: (q, o) => answerQuestion(db, q, { ...o, llm, embedder }) },
          { extra: [createSubscriptionComposer({ db, config, summarize })], extraCommands: DIGEST_COMMANDS },
        )
        const running = await startBot(nb, {
          config,
          logger,
          jobs: [(api) => startDigestScheduler({ db, api, config, logger, summarize })],
        })
        // A second signal gets the default behaviour (exit at once): `once` has removed our listener.
        const signal = await new Promise<string>((resolve) => {
          process.once('SIGINT', resolve)
          process.once('SIGTERM', resolve)
        })
        logger.info({ signal }, 'signal received')
        await running.stop()
      } finally {
        db.close()
      }
    })
}
