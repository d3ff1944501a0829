/** Base class for every error newsbot raises on purpose; anything else is a bug. */
export class NewsbotError extends Error {
  override name = 'NewsbotError'
}

/** Bad file, record, query, option or configuration: the user can fix it (CLI exit 2). */
export class InputError extends NewsbotError {
  override name = 'InputError'
}

/** An outside system failed: LLM, Telegram, network (CLI exit 1). */
export class UpstreamError extends NewsbotError {
  override name = 'UpstreamError'
  readonly retryable: boolean

  constructor(message: string, opts: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: opts.cause })
    this.retryable = opts.retryable ?? false
  }
}

/** The message of any thrown value, for summaries that must not hold stack traces. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
