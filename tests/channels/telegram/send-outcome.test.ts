import { GrammyError, HttpError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { classifySendError } from '../../../src/channels/telegram/send-outcome.js'

const apiError = (error_code: number, description: string, parameters = {}) =>
  new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code, description, parameters }, 'sendMessage', { chat_id: 1, text: 'x' })
const network = (cause: unknown) => new HttpError("Network request for 'sendMessage' failed!", cause)
const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })
const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })

describe('classifySendError', () => {
  it.each([
    ['a 429 (nothing delivered): retry after retry_after', apiError(429, 'Too Many Requests: retry after 3', { retry_after: 3 }), { kind: 'retry', afterSec: 3 }],
    ['a 502 as Bot API JSON: may have been delivered', apiError(502, 'Bad Gateway'), { kind: 'unknown' }],
    ['a 500: may have been delivered', apiError(500, 'Internal Server Error'), { kind: 'unknown' }],
    ['a 403: blocked', apiError(403, 'Forbidden: bot was blocked by the user'), { kind: 'blocked' }],
    ['chat not found: blocked', apiError(400, 'Bad Request: chat not found'), { kind: 'blocked' }],
    ['another 400: failed', apiError(400, "Bad Request: can't parse entities"), { kind: 'failed' }],
    ['a refused connection (never sent): failed', network(refused), { kind: 'failed' }],
    ['a connection dropped after sending: unknown', network(reset), { kind: 'unknown' }],
    ['an HTML body (not Bot API JSON): unknown', network(new SyntaxError('Unexpected token < in JSON')), { kind: 'unknown' }],
    ['a timeout or shutdown mid-request: unknown', network(new DOMException('This operation was aborted', 'AbortError')), { kind: 'unknown' }],
  ])('%s', (_, err, expected) => {
    expect(classifySendError(err)).toMatchObject(expected)
  })

  it('describes the failure without the payload it carried', () => {
    const outcome = classifySendError(apiError(400, 'Bad Request: message is too long'))
    expect(outcome).toEqual({ kind: 'failed', error: '400: Bad Request: message is too long' })
  })
})
