import {
  getLastDigestIssue, listActiveSubscriptions, listSendRecords, type Db, type SendRecord, type Subscription,
} from '../store/index.js'
import { dueSlot, localDay, previousDay } from './schedule.js'

/** A failed send (not 403, not ambiguous) is tried again on later ticks until it has used these. */
export const MAX_SEND_ATTEMPTS = 3

/** One chat whose digest for `day` is due now. */
export interface DueSend {
  sub: Subscription
  day: string
  /** The newest issue date this chat already had (null for a first digest). */
  after: string | null
}

/**
 * The chats due at `now`: active, past their send time for a day within the catch-up window, and
 * with no decided send for that day (a failed one with attempts left is due again). Read from the
 * database each time, so restarts and new subscriptions need no in-memory state.
 */
export function planDueSends(db: Db, now: number, opts: { timeZone: string; catchUpMs: number }): DueSend[] {
  const decided = new Set(
    listSendRecords(db, previousDay(localDay(now, opts.timeZone)))
      .filter((r) => !isRetryable(r))
      .map((r) => `${r.chatId}:${r.digestDate}`),
  )
  // Thousands of subscribers share a handful of send times: work out each time's slot once.
  const slots = new Map<string, ReturnType<typeof dueSlot>>()
  const slotOf = (time: string) =>
    slots.has(time) ? slots.get(time) : slots.set(time, dueSlot({ sendTime: time, activeSince: -Infinity }, now, opts.timeZone, opts.catchUpMs)).get(time)
  const due: DueSend[] = []
  for (const sub of listActiveSubscriptions(db)) {
    const slot = slotOf(sub.sendTime)
    if (slot && slot.at >= sub.activeSince && !decided.has(`${sub.chatId}:${slot.day}`)) {
      due.push({ sub, day: slot.day, after: getLastDigestIssue(db, sub.chatId) })
    }
  }
  return due
}

function isRetryable(r: SendRecord): boolean {
  return r.state === 'failed' && r.attempts < MAX_SEND_ATTEMPTS
}
