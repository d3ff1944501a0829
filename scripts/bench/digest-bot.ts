// The bot process of `bench:digest --faults`: the real bot (createBot + startBot) with the digest
// scheduler as its job, as `newsbot bot` runs it, on a clock starting at argv[2]. Exits on SIGTERM
// once stop() returns; reports { ready } over IPC.
import { createBot, createLogger, logSecrets, startBot, startDigestScheduler } from '../../src/channels/telegram/index.js'
import { loadConfig } from '../../src/config.js'
import { leadSummarizer } from '../../src/digest/index.js'
import { createIndex } from '../../src/retrieve/index.js'
import { createSqliteStore, openDb } from '../../src/store/index.js'

const config = loadConfig()
const db = openDb(config.db)
const base = Number(process.argv[2])
const started = Date.now()
const now = () => base + (Date.now() - started)
const logger = createLogger({ level: 'error', secrets: logSecrets(config), write: (line) => void process.stderr.write(line) })
const nb = createBot({ config, store: createSqliteStore(db), index: createIndex(db), logger, now, answer: async () => { throw new Error('not answering in this benchmark') } })
const running = await startBot(nb, {
  config, logger, pollTimeoutSec: 1,
  jobs: [(api) => startDigestScheduler({ store: createSqliteStore(db), api, config, now, logger, summarize: leadSummarizer })],
})
process.send?.({ ready: true })
process.once('SIGTERM', () => {
  void running.stop().then(() => {
    db.close()
    process.exit(0)
  })
})
