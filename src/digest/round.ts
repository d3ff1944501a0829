import type { SendRecord, Store, Subscription } from '../store/index.js'
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
 * store each time, so restarts, new subscriptions and other replicas' sends need no in-memory state.
 */
export async function planDueSends(store: Store, now: number, opts: { timeZone: string; catchUpMs: number }): Promise<DueSend[]> {
  const decided = new Set(
    (await store.listSendRecords(previousDay(localDay(now, opts.timeZone))))
      .filter((r) => !isRetryable(r))
      .map((r) => `${r.chatId}:${r.digestDate}`),
  )
  // Thousands of subscribers share a handful of send times: work out each time's slot once.
  const slots = new Map<string, ReturnType<typeof dueSlot>>()
  const slotOf = (time: string) =>
    slots.has(time) ? slots.get(time) : slots.set(time, dueSlot({ sendTime: time, activeSince: -Infinity }, now, opts.timeZone, opts.catchUpMs)).get(time)
  const pending: { sub: Subscription; day: string }[] = []
  for (const sub of await store.listActiveSubscriptions()) {
    const slot = slotOf(sub.sendTime)
    if (slot && slot.at >= sub.activeSince && !decided.has(`${sub.chatId}:${slot.day}`)) pending.push({ sub, day: slot.day })
  }
  if (pending.length === 0) return []
  // One read for every due chat, not one round trip each.
  const last = await store.getLastDigestIssues(pending.map((p) => p.sub.chatId))
  return pending.map(({ sub, day }) => ({ sub, day, after: last.get(sub.chatId) ?? null }))
}

function isRetryable(r: SendRecord): boolean {
  return r.state === 'failed' && r.attempts < MAX_SEND_ATTEMPTS
}
