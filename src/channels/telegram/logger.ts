import { pino, type Logger } from 'pino'
import type { Config } from '../../config.js'

export type { Logger }

export interface LoggerOptions {
  level: string
  /** Strings that must never reach a log line (the bot token, the webhook secret, the LLM key). */
  secrets?: (string | undefined)[]
  /** Where finished JSON lines go; stdout by default. */
  write?: (line: string) => void
}

// The secret half of a real bot token is 35 characters; shorter strings are too likely to be ordinary words.
const MIN_SECRET_PART = 20
// A "secret" this short (e.g. the placeholder key of a keyless local model) would blank ordinary words.
const MIN_SECRET = 8
// user:password@ in any URL, and a URL's query string (tokens, signatures, keys often ride there).
const URL_CREDENTIALS = /(\b[a-z][\w+.-]*:\/\/)[^\s/@"]+@/gi
const URL_QUERY = /(\b[a-z][\w+.-]*:\/\/[^\s"?#]*)\?[^\s"#]*/gi
// A bot token in a Bot API path, whatever the configured one is.
const BOT_PATH_TOKEN = /\/bot\d+:[\w-]+/g

/** What the bot process must never log: the bot token, the webhook secret and the LLM API key. */
export function logSecrets(config: Config): (string | undefined)[] {
  return [config.telegram.token, config.telegram.webhook?.secret, config.llm?.apiKey]
}

/**
 * A pino logger of JSON lines that blanks out every secret, wherever it appears (a token can hide in
 * an error message or a URL that a serializer would not know to redact), strips credentials and
 * query strings from URLs, and logs a failed Bot API call without its payload (chat id and text).
 */
export function createLogger(opts: LoggerOptions): Logger {
  const secrets = opts.secrets?.flatMap(secretForms) ?? []
  const write = opts.write ?? ((line: string) => void process.stdout.write(line))
  return pino(
    { level: opts.level, base: undefined, serializers: { err: serializeError } },
    { write: (line) => write(scrubLine(line, secrets)) },
  )
}

/** The line with secrets, URL credentials, query strings and Bot API tokens blanked out. */
export function scrubLine(line: string, secrets: string[] = []): string {
  return secrets
    .reduce((l, s) => l.replaceAll(s, '[secret]'), line)
    .replace(URL_CREDENTIALS, '$1[secret]@')
    .replace(URL_QUERY, '$1?[…]')
    .replace(BOT_PATH_TOKEN, '/bot[secret]')
}

/** pino's error serializer without what a grammY error carries of the user: the request payload. */
function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>
  if (out && typeof out === 'object') delete out.payload
  return out
}

function secretForms(secret: string | undefined): string[] {
  if (!secret || secret.length < MIN_SECRET) return []
  const half = secret.slice(secret.indexOf(':') + 1)
  return half !== secret && half.length >= MIN_SECRET_PART ? [secret, half] : [secret]
}
