import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { autoRetry } from '@grammyjs/auto-retry'
import { Api, type ApiClientOptions, type Transformer } from 'grammy'

// A 429 asking for a longer wait than this is a flood ban; better to fail that one call than hang.
const MAX_RETRY_DELAY_SEC = 60
const MAX_RETRIES = 3
// Long polls are held up to 30 s by Telegram, so the client's own timeout must be longer;
// any other call answers in well under a second and is given up after HANDLER_REQUEST_SEC.
const HANDLER_TIMEOUT_SEC = 60
const HANDLER_REQUEST_SEC = 15
// A digest message that has no answer in this long is given up as 'unknown'.
export const SENDER_TIMEOUT_SEC = 15

// grammY's own agents keep idle connections with no limit, so a call can go out on one the server is
// closing for idleness that moment: it fails with ECONNRESET and, not being retried (it may have been
// delivered), the answer is lost. We close an idle connection first: after this long, or a second
// before the limit the server announces (Keep-Alive: timeout=N), as Node's agent does given a timeout.
const IDLE_CONNECTION_MS = 30_000

/** Keep-alive fetch options for the Bot API at `apiRoot` whose idle connections the client closes first. */
function clientConnections(apiRoot: string): Pick<ApiClientOptions, 'baseFetchConfig'> {
  const options = { keepAlive: true, timeout: IDLE_CONNECTION_MS }
  return { baseFetchConfig: { agent: apiRoot.startsWith('https:') ? new HttpsAgent(options) : new HttpAgent(options) } }
}

/** The client options of the bot's own API (handlers and polling): a bounded request time. */
export function handlerClientOptions(apiRoot: string): ApiClientOptions {
  return { apiRoot, timeoutSeconds: HANDLER_TIMEOUT_SEC, ...clientConnections(apiRoot) }
}

/**
 * Retries for the handlers' API: only a 429 is retried, a few times, because Telegram delivered
 * nothing. A 5xx or a lost response may follow a delivered message, so it is not repeated (a
 * double answer is worse than a missing one, which the user can ask again); the runner retries
 * its own failed polls.
 */
export function boundedRetry(): ReturnType<typeof autoRetry> {
  return autoRetry({
    maxRetryAttempts: MAX_RETRIES, maxDelaySeconds: MAX_RETRY_DELAY_SEC, rethrowHttpErrors: true, rethrowInternalServerErrors: true,
  })
}

/**
 * The digest sender's own client: no retrying transformer at all (the sender retries 429s itself
 * and treats anything ambiguous as 'unknown'), and a short request timeout.
 */
export function createSenderApi(token: string, apiRoot: string): Api {
  return new Api(token, { apiRoot, timeoutSeconds: SENDER_TIMEOUT_SEC, ...clientConnections(apiRoot) })
}

const TEXT_METHODS = new Set(['sendMessage', 'editMessageText'])

/**
 * Turns link previews off on every message the bot writes: answers quote articles and users, and
 * a URL planted in either must not unfold into a preview card under the bot's name.
 */
export const noLinkPreviews: Transformer = (prev, method, payload, signal) => {
  if (!TEXT_METHODS.has(method)) return prev(method, payload, signal)
  const p = payload as { link_preview_options?: unknown }
  return prev(method, { ...payload, link_preview_options: p.link_preview_options ?? { is_disabled: true } }, signal)
}

/**
 * Gives up a handler's request (anything but a long poll) after HANDLER_REQUEST_SEC, so an answer
 * under way cannot hold a shutdown for the client's whole long-poll timeout when Telegram is down.
 */
export const requestDeadline: Transformer = (prev, method, payload, signal) => {
  if (method === 'getUpdates') return prev(method, payload, signal)
  const deadline = AbortSignal.timeout(HANDLER_REQUEST_SEC * 1000)
  const both = signal ? AbortSignal.any([signal as AbortSignal, deadline]) : deadline
  return prev(method, payload, both as typeof signal)
}
