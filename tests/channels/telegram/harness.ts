import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Update } from 'grammy/types'
import { answerQuestion } from '../../../src/answer/index.js'
import { createBot, createLogger, logSecrets, type Answerer, type BotDeps, type BotOptions, type NewsBot } from '../../../src/channels/telegram/index.js'
import { loadConfig } from '../../../src/config.js'
import { createIndex, createQuestionIndex } from '../../../src/retrieve/index.js'
import { createSqliteStore, openDb, type Db, type Store } from '../../../src/store/index.js'
import { afterEach, beforeEach } from 'vitest'
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js'
import { type Embedder } from '../../../src/llm/index.js'

// A small, fixed set of articles, so bot tests do not move when the bundled samples or the
// segmenter change: one answerable fact, one HTML trap, one 20,000-character article, one long id.
const LONG_PARAGRAPH = '经开区持续推进重点项目建设，优化营商环境，服务企业发展，各项工作取得新进展。'
export const LONG_ID = `export-2023-${'x'.repeat(70)}`
export const FIXTURE = [
  {
    id: 'a-housing', title: '经开区安置房分配工作全面完成', paper: '经开时报', date: '2023-11-15',
    text: '本报讯 截至目前，经开区已累计分配安置房3636套，惠及群众1万余人。\n下一步，经开区将继续做好安置房配套设施建设。',
  },
  {
    id: 'a-wangzhuang', title: '王庄村综合改造提升推进会召开', paper: '经开时报', date: '2023-11-10',
    text: '本报讯 王庄村综合改造已完成拆迁，正在进行安置房主体施工，预计明年6月交付。\n会议要求各部门加快进度。',
  },
  {
    id: 'a-html', title: '<script>alert("x")</script> & 标题', paper: '二七区新闻', date: '2023-10-01',
    text: '本报讯 网页代码<script>alert(1)</script>不应被执行，a < b && c > d 的写法也应原样显示。\n小微企业融资难，区里设立了2亿元风险补偿资金池。',
  },
  {
    id: 'a-long', title: '经开区年度工作总结', paper: '经开时报', date: '2023-09-01',
    text: Array.from({ length: 200 }, (_, i) => `第${i + 1}段：${LONG_PARAGRAPH}${LONG_PARAGRAPH}`).join('\n').slice(0, 20_000),
  },
  {
    id: LONG_ID, title: '长编号的报道：绿化工程', paper: '二七区新闻', date: '2023-08-01',
    text: '本报讯 二七区今年新增绿化面积120万平方米，建成口袋公园35个。',
  },
]

/** A database holding the fixture articles (a file, so a child process can open it too). */
export async function openFixtureDb(path = ':memory:'): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-fixture-'))
  try {
    const file = join(dir, 'fixture.jsonl')
    writeFileSync(file, FIXTURE.map((a) => JSON.stringify(a)).join('\n'))
    const db = openDb(path)
    await createIndex(db).write([file])
    return db
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A fresh fake Bot API and fixture database for every test of the file, closed after it; `use` receives them. */
export function useFakeApiAndDb(use: (fixture: { fake: FakeBotApi; db: Db }) => void): void {
  let current: { fake: FakeBotApi; db: Db }
  beforeEach(async () => {
    current = { fake: await startFakeBotApi(), db: await openFixtureDb() }
    use(current)
  })
  afterEach(async () => {
    await current.fake.close()
    current.db.close()
  })
}

export const ADMIN = 42

/** Settings pointing at the fake, with quiet logs; `env` overrides. */
export function fakeEnv(fake: FakeBotApi, env: Record<string, string> = {}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_ADMINS: String(ADMIN),
    NEWSBOT_TIMEZONE: 'Asia/Shanghai', NEWSBOT_RATE_PER_MINUTE: '100', NEWSBOT_DAILY_QUOTA: '1000', ...env,
  }
}

export interface TestBot {
  nb: NewsBot
  deps: BotDeps
  /** Every log line, parsed. */
  logs: Record<string, unknown>[]
  /** Hands an update to the bot as the runner would, and waits until it is handled. */
  feed(update: Update): Promise<void>
}

/** The real bot over the fake Bot API (on a SQLite database or any store), answering with the real answerer unless `answer` is given. */
export function createTestBot(
  fake: FakeBotApi,
  source: Db | Store,
  opts: { env?: Record<string, string>; answer?: Answerer; embedder?: Embedder; now?: () => number; bot?: BotOptions } = {},
): TestBot {
  const config = loadConfig(fakeEnv(fake, opts.env))
  const logs: Record<string, unknown>[] = []
  const logger = createLogger({ level: 'debug', secrets: logSecrets(config), write: (line) => void logs.push(JSON.parse(line)) })
  // As the bot command builds it: one index for /search and the answers.
  const store = 'backend' in source ? source : createSqliteStore(source)
  const index = 'backend' in source ? createQuestionIndex(source) : createIndex(source)
  const deps: BotDeps = {
    config, store, index, logger, now: opts.now, embedder: opts.embedder,
    answer: opts.answer ?? ((q, o) => answerQuestion(index, q, o)),
  }
  const nb = createBot(deps, { botInfo: fake.botInfo, ...opts.bot })
  // Runner and webhook alike hand errors that escape the middleware to the bot's error handler.
  const feed = async (update: Update) => {
    await nb.bot.handleUpdate(update).catch((err) => nb.bot.errorHandler(err))
  }
  return { nb, deps, logs, feed }
}
