import { pino, type Logger } from 'pino'

export type { Logger }

export interface LoggerOptions {
  level: string
  /** Strings that must never reach a log line (the bot token, the webhook secret). */
  secrets?: (string | undefined)[]
  /** Where finished JSON lines go; stdout by default. */
  write?: (line: string) => void
}

// The secret half of a real bot token is 35 characters; shorter strings are too likely to be ordinary words.
const MIN_SECRET_PART = 20

/**
 * A pino logger of JSON lines that blanks out every secret, wherever it appears: a token can hide in
 * an error message or a URL that a serializer would not know to redact.
 */
export function createLogger(opts: LoggerOptions): Logger {
  const secrets = opts.secrets?.flatMap(secretForms) ?? []
  const write = opts.write ?? ((line: string) => void process.stdout.write(line))
  return pino(
    { level: opts.level, base: undefined, serializers: { err: pino.stdSerializers.err } },
    { write: (line) => write(secrets.reduce((l, s) => l.replaceAll(s, '[secret]'), line)) },
  )
}

function secretForms(secret: string | undefined): string[] {
  if (!secret) return []
  const half = secret.slice(secret.indexOf(':') + 1)
  return half !== secret && half.length >= MIN_SECRET_PART ? [secret, half] : [secret]
}
