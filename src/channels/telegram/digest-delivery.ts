import type { Api } from 'grammy'
import type { DueSend } from '../../digest/index.js'
import type { Store } from '../../store/index.js'
import type { DigestMessage } from './digest-format.js'
import type { Pacer } from './digest-pacer.js'
import { classifySendError } from './send-outcome.js'

/** How a digest's delivery ended, as the send log records it. */
export interface Outcome {
  state: 'sent' | 'failed' | 'blocked' | 'unknown'
  messageIds: number[]
  error?: string
}

const MAX_429_RETRIES = 5
// grammY types its signal with the abort-controller shim; a Node AbortSignal is what it uses at run time.
type GrammySignal = Parameters<Api['sendMessage']>[3]

/**
 * Sends a digest's messages in order; undefined when another round owns the chat's day or the round
 * is stopping. The claim is taken after the pacer's wait, right before the request, so a row is
 * 'sending' only while a request is really in flight. Only a 429 is sent again (Telegram delivered
 * nothing); it gives the claim back while waiting out retry_after. Every request carries the round's
 * signal, so a shutdown ends it at once (as 'unknown': it may have arrived).
 */
export async function deliverDigest(
  deps: { store: Store; api: Api; pacer: Pacer; signal?: AbortSignal },
  job: DueSend,
  messages: DigestMessage[],
  claim: () => Promise<boolean>,
): Promise<Outcome | undefined> {
  const messageIds: number[] = []
  for (const m of messages) {
    for (let attempt = 0; ; attempt++) {
      await deps.pacer.wait(deps.signal)
      if (messageIds.length === 0 && (deps.signal?.aborted || !(await claim()))) return undefined
      try {
        const sent = await deps.api.sendMessage(job.sub.chatId, m.text, {
          parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(m.keyboard && { reply_markup: m.keyboard }),
        }, deps.signal as GrammySignal)
        messageIds.push(sent.message_id)
        break
      } catch (err) {
        const failure = classifySendError(err)
        if (failure.kind === 'retry' && attempt < MAX_429_RETRIES && !deps.signal?.aborted) {
          if (messageIds.length === 0) await deps.store.releaseSend(job.sub.chatId, job.day)
          deps.pacer.pause(failure.afterSec * 1000)
          continue
        }
        const state = failure.kind === 'retry' ? 'failed' : failure.kind
        const error = failure.kind === 'retry' ? `429: retry after ${failure.afterSec}s, gave up` : failure.error
        // Once part of a digest has arrived, sending it again would repeat that part.
        return messageIds.length > 0 ? { state: 'sent', messageIds, error } : { state, messageIds, error }
      }
    }
  }
  return { state: 'sent', messageIds }
}
