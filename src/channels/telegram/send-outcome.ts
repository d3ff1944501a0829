import { GrammyError, HttpError } from 'grammy'
import { errorMessage } from '../../errors.js'

/**
 * What a failed sendMessage means for a digest:
 * - retry: Telegram refused it with 429 (nothing was delivered); wait `afterSec` and send again;
 * - failed: refused for sure (a 4xx, or the connection never opened); a later round may try again;
 * - blocked: the chat is gone or blocked the bot; the subscription is paused;
 * - unknown: the request may have been delivered (5xx, a dropped or timed-out response, a body that
 *   is not Bot API JSON, a shutdown mid-request): never sent again, so no chat gets a digest twice.
 */
export type SendFailure =
  | { kind: 'retry'; afterSec: number }
  | { kind: 'failed' | 'blocked' | 'unknown'; error: string }

// Telegram says "chat not found" (400) as well as 403 for chats the bot can no longer reach.
const UNREACHABLE = /chat not found|user is deactivated|bot was kicked|bot was blocked|PEER_ID_INVALID|have no rights to send/i
// Errors raised before a request could reach Telegram: nothing was delivered.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** Classifies a sendMessage failure; see SendFailure. */
export function classifySendError(err: unknown): SendFailure {
  const error = describeSendError(err)
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return { kind: 'retry', afterSec: err.parameters.retry_after ?? 1 }
    // A 5xx may come from a proxy after Telegram accepted the message.
    if (err.error_code >= 500) return { kind: 'unknown', error }
    return { kind: err.error_code === 403 || UNREACHABLE.test(err.description) ? 'blocked' : 'failed', error }
  }
  return { kind: NOT_SENT_CODES.has(networkCode(err) ?? '') ? 'failed' : 'unknown', error }
}

/** A short reason for the send log: the Bot API's description or the network error, never the payload. */
export function describeSendError(err: unknown): string {
  if (err instanceof GrammyError) return `${err.error_code}: ${err.description}`
  const code = networkCode(err)
  return code ? `network: ${code}` : `network: ${errorMessage(err instanceof HttpError ? err.error : err).slice(0, 200)}`
}

/** The errno-style code of a fetch failure (undici puts it on the cause). */
function networkCode(err: unknown): string | undefined {
  const inner = err instanceof HttpError ? err.error : err
  const e = inner as { code?: unknown; cause?: { code?: unknown } } | undefined
  const code = e?.cause?.code ?? e?.code
  return typeof code === 'string' ? code : undefined
}
