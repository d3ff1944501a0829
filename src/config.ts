import { z } from 'zod'
import { InputError } from './errors.js'

const Env = z.object({
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'expected 123456:ABC…').optional(),
  // grammY rejects a trailing '/' on the API root.
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org').transform((u) => u.replace(/\/+$/, '')),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().optional(),
  NEWSBOT_EMBED_MODEL: z.string().optional(),
  NEWSBOT_DB: z.string().default('data/newsbot.db'),
  NEWSBOT_ADMINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean).map(Number))
    .pipe(z.array(z.number().int())),
  NEWSBOT_TIMEZONE: z.string().optional(),
  TZ: z.string().optional(),
  NEWSBOT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

const DEFAULT_MODEL = 'gpt-4o-mini'

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
    telegram: { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT },
    llm: llmEnabled
      ? { baseURL: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY ?? 'unused', model: e.OPENAI_MODEL ?? DEFAULT_MODEL }
      : null,
    embedModel: llmEnabled ? e.NEWSBOT_EMBED_MODEL : undefined,
    admins: e.NEWSBOT_ADMINS,
    timezone: e.NEWSBOT_TIMEZONE ?? e.TZ ?? 'Asia/Shanghai',
    logLevel: e.NEWSBOT_LOG_LEVEL,
  }
}

export type Config = ReturnType<typeof loadConfig>
