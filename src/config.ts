import { availableParallelism } from 'node:os'
import { z } from './zod.js'
import { InputError } from './errors.js'

const Env = z.object({
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, '格式应为 123456:ABC…（向 @BotFather 要的 token）').optional(),
  // grammY rejects a trailing '/' on the API root.
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org').transform((u) => u.replace(/\/+$/, '')),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().optional(),
  NEWSBOT_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  NEWSBOT_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  // A hung model must not hold an answer: the first token and the whole reply (retries included) are bounded.
  NEWSBOT_LLM_FIRST_TOKEN_MS: z.coerce.number().int().positive().default(15_000),
  NEWSBOT_LLM_TOTAL_MS: z.coerce.number().int().positive().default(45_000),
  // Only servers that honour response_format json_schema (OpenAI, recent vLLM) should turn this on.
  NEWSBOT_LLM_STRUCTURED: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  NEWSBOT_EMBED_MODEL: z.string().optional(),
  // Passages per embeddings request; some providers (DashScope) accept no more than 10.
  NEWSBOT_EMBED_BATCH: z.coerce.number().int().min(1).max(2048).default(32),
  NEWSBOT_DB: z.string().default('data/newsbot.db'),
  // A shared PostgreSQL store for several replicas; unset, the store is the SQLite file NEWSBOT_DB.
  NEWSBOT_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/i, '应为 postgres://用户:密码@主机:端口/数据库').optional(),
  NEWSBOT_ADMINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean).map(Number))
    .pipe(z.array(z.number().int())),
  NEWSBOT_TIMEZONE: z.string().refine(isTimeZone, '应为时区名称，例如 Asia/Shanghai').optional(),
  // TZ may hold POSIX forms (e.g. ':/etc/localtime') that Intl cannot use; those are ignored.
  TZ: z.string().optional().transform((tz) => (tz && isTimeZone(tz) ? tz : undefined)),
  NEWSBOT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Digest: how late a missed send time may still be caught up after downtime (under a day, so one
  // slot at most), and the broadcast rate (Telegram allows about 30 messages/s; leave room for answers).
  NEWSBOT_DIGEST_CATCH_UP_MINUTES: z.coerce.number().int().min(0).max(1380).default(180),
  NEWSBOT_DIGEST_RATE: z.coerce.number().positive().max(1000).default(25),
  // A digest round beats in the store every quarter of this; a holder silent this long is taken for dead
  // and its sends in flight become 'unknown'. Far longer than an event-loop stall or a database hiccup.
  NEWSBOT_DIGEST_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  NEWSBOT_WEBHOOK_URL: z.url().optional(),
  // Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and - in a webhook secret token.
  NEWSBOT_WEBHOOK_SECRET: z.string().regex(/^[\w-]{1,256}$/, '应为 1 到 256 个 A-Z、a-z、0-9、_ 或 -').optional(),
  NEWSBOT_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  // A webhook replica beats in the store every quarter of this; a resend of an update whose claimer has
  // been silent this long is taken over and answered. Short, so a crash delays a reader seconds, not
  // minutes; longer than an event-loop stall, or a slow but live replica's answer may go out twice.
  NEWSBOT_WEBHOOK_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  // Questions per user; 0 turns a limit off.
  NEWSBOT_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(5),
  NEWSBOT_DAILY_QUOTA: z.coerce.number().int().min(0).default(100),
  // Days the bot keeps chat turns and logged questions.
  NEWSBOT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // newsbot serve: the port (--port wins), and questions plus searches per client address and minute (0: no limit).
  NEWSBOT_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  NEWSBOT_WEB_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  // Worker threads for offline (extractive) answers in `bot` and `serve`; 0 answers on the main thread.
  NEWSBOT_ANSWER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  // E-paper: an issue URL the bot fetches each morning ({yyyy} {mm} {dd} are filled with the day), and
  // the crawler's manners: the pause between requests and the limit on each one.
  NEWSBOT_EPAPER_URL: z.url().optional(),
  NEWSBOT_FETCH_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  NEWSBOT_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  // Where readers reach `newsbot serve` (behind a proxy, say); the bot's source and digest buttons link there.
  // The sites whose pages may frame /embed (space-separated origins; '*' any site). No other page may be framed.
  NEWSBOT_EMBED_ORIGINS: z
    .string()
    .default('*')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)], { error: '应为 * 或以空格分隔的网站地址，例如 https://www.example.cn' }))),
  // The operator console's password; unset, /admin is off. Short ones are refused: the console can delete articles.
  NEWSBOT_ADMIN_PASSWORD: z.string().min(10, '至少 10 个字符').optional(),
  NEWSBOT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional().transform((u) => u?.replace(/\/+$/, '')),
})

const DEFAULT_MODEL = 'gpt-4o-mini'
// One answer thread per core by default, up to this many: each holds a connection and its caches.
const MAX_DEFAULT_THREADS = 4

/** Reads the environment once into typed settings; the only reader of process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  // An empty variable counts as unset, as in openai-node's readEnv.
  const clean = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v?.trim() || undefined]))
  const parsed = Env.safeParse(clean)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new InputError(`配置错误: ${lines.join('; ')}`)
  }
  const e = parsed.data
  const llmEnabled = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL)
  return {
    db: e.NEWSBOT_DB,
    databaseUrl: e.NEWSBOT_DATABASE_URL ?? null,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhook: e.NEWSBOT_WEBHOOK_URL
        ? { url: e.NEWSBOT_WEBHOOK_URL, secret: e.NEWSBOT_WEBHOOK_SECRET, port: e.NEWSBOT_WEBHOOK_PORT, leaseMs: e.NEWSBOT_WEBHOOK_LEASE_SECONDS * 1000 }
        : null,
      perMinute: e.NEWSBOT_RATE_PER_MINUTE || Infinity,
      perDay: e.NEWSBOT_DAILY_QUOTA || Infinity,
      retentionDays: e.NEWSBOT_RETENTION_DAYS,
    },
    llm: llmEnabled
      ? {
          baseURL: e.OPENAI_BASE_URL,
          apiKey: e.OPENAI_API_KEY ?? 'unused',
          model: e.OPENAI_MODEL ?? DEFAULT_MODEL,
          timeoutMs: e.NEWSBOT_LLM_TIMEOUT_MS,
          maxRetries: e.NEWSBOT_LLM_MAX_RETRIES,
          firstTokenMs: e.NEWSBOT_LLM_FIRST_TOKEN_MS,
          totalMs: e.NEWSBOT_LLM_TOTAL_MS,
          structured: e.NEWSBOT_LLM_STRUCTURED,
        }
      : null,
    embedModel: llmEnabled ? e.NEWSBOT_EMBED_MODEL : undefined,
    embedBatch: e.NEWSBOT_EMBED_BATCH,
    admins: e.NEWSBOT_ADMINS,
    timezone: e.NEWSBOT_TIMEZONE ?? e.TZ ?? 'Asia/Shanghai',
    logLevel: e.NEWSBOT_LOG_LEVEL,
    answerThreads: e.NEWSBOT_ANSWER_THREADS ?? Math.min(availableParallelism(), MAX_DEFAULT_THREADS),
    web: { port: e.NEWSBOT_PORT, perMinute: e.NEWSBOT_WEB_RATE_PER_MINUTE || Infinity, publicUrl: e.NEWSBOT_PUBLIC_URL, embedOrigins: e.NEWSBOT_EMBED_ORIGINS, adminPassword: e.NEWSBOT_ADMIN_PASSWORD },
    epaper: { url: e.NEWSBOT_EPAPER_URL, delayMs: e.NEWSBOT_FETCH_DELAY_MS, timeoutMs: e.NEWSBOT_FETCH_TIMEOUT_MS },
    digest: { catchUpMinutes: e.NEWSBOT_DIGEST_CATCH_UP_MINUTES, sendRate: e.NEWSBOT_DIGEST_RATE, leaseMs: e.NEWSBOT_DIGEST_LEASE_SECONDS * 1000 },
  }
}

export type Config = ReturnType<typeof loadConfig>

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
