// The bot process of the digest end-to-end tests: the real bot (createBot + startBot) with the
// digest commands mounted and the digest scheduler as its background job, on a clock the test
// sets over IPC ({ now }) that then runs at real speed. Prints nothing; reports over IPC.
import { answerQuestion } from '../../src/answer/index.js'
import { createIndex } from '../../src/retrieve/index.js'
import { createBot, createLogger, startBot } from '../../src/channels/telegram/index.js'
import { startDigestScheduler } from '../../src/channels/telegram/digest-sender.js'
import { createSubscriptionComposer, DIGEST_COMMANDS } from '../../src/channels/telegram/subscriptions.js'
import { loadConfig } from '../../src/config.js'
import { leadSummarizer } from '../../src/digest/index.js'
import { createSqliteStore, openDb } from '../../src/store/index.js'

const config = loadConfig()
const db = openDb(config.db)
let base = Number(process.argv[2])
let realBase = Date.now()
const now = () => base + (Date.now() - realBase)
process.on('message', (m: { now?: number }) => {
  if (typeof m.now === 'number') [base, realBase] = [m.now, Date.now()]
  process.send?.({ clockSet: m.now })
})

const logger = createLogger({ level: 'warn', write: (line) => void process.stderr.write(line) })
const index = createIndex(db)
const nb = createBot({ config, store: createSqliteStore(db), index, logger, now, answer: (q, o) => answerQuestion(index, q, o) }, {
  extra: [createSubscriptionComposer({ store: createSqliteStore(db), config, now, summarize: leadSummarizer })],
  extraCommands: DIGEST_COMMANDS,
})
const running = await startBot(nb, {
  config, logger, pollTimeoutSec: 1,
  jobs: [(api) => startDigestScheduler({ store: createSqliteStore(db), api, config, now, logger, summarize: leadSummarizer, pattern: '* * * * * *' })],
})
process.send?.({ ready: true })
process.once('SIGTERM', () => {
  void running.stop().then(() => {
    db.close()
    process.exit(0)
  })
})
