import { checkTimeZone, localDay } from '../../digest/index.js'
import type { Store } from '../../store/index.js'

export interface LimiterOptions {
  /** Costly requests (questions, /search, /today, article buttons) a user may make in any 60-second window (sliding); Infinity turns the limit off. */
  perMinute: number
  /** Costly requests a user may make per local calendar day; Infinity turns the limit off. */
  perDay: number
  /** IANA zone whose midnight starts a new day, e.g. Asia/Shanghai. */
  timeZone: string
  /** Where requests are counted: every process on the store (bot replicas) shares one limit per user. */
  store: Pick<Store, 'takeQuota'>
  now?: () => number
}

export type QuotaDecision = { ok: true } | { ok: false; reason: 'rate' | 'daily'; retryAfterSec: number }

/**
 * Per-user limits: requests are counted in the store, shared across processes; the question in flight
 * and the refusals said are this process's own (a chat's updates reach one replica at a time).
 */
export interface Limiter {
  /** Counts a request when the user is within both limits; a refused request is not counted. */
  take(userId: number): Promise<QuotaDecision>
  /** Marks the user's question as in progress; false while an earlier one still is. */
  tryBegin(userId: number): boolean
  end(userId: number): void
  /**
   * True when a refusal may be said to the user now: at most one per user until the refusal's wait
   * (`retryAfterSec`, else a minute) is over, so a burst of 100 questions gets one reply, not 99.
   */
  mayRefuse(userId: number, retryAfterSec?: number): boolean
  /** Users the limiter holds state for in memory (pruned as refusals' waits pass). */
  size(): number
}

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

/** A limiter with a sliding one-minute window, a daily quota in `timeZone` and one question in flight. */
export function createLimiter(opts: LimiterOptions): Limiter {
  const now = opts.now ?? Date.now
  const dayOf = createDayOf(opts.timeZone)
  const quietUntil = new Map<number, number>()
  const busy = new Set<number>()
  let prunedAt = 0

  // Forgets refusals whose wait is over, at most once a minute: without it the map grows with every user ever refused.
  function prune(t: number): void {
    if (t - prunedAt < MINUTE_MS) return
    prunedAt = t
    for (const [user, until] of quietUntil) if (until <= t) quietUntil.delete(user)
  }

  async function take(userId: number): Promise<QuotaDecision> {
    const t = now()
    prune(t)
    const taken = await opts.store.takeQuota({ userId, now: t, day: dayOf(t), perMinute: opts.perMinute, perDay: opts.perDay })
    if (taken.ok) return taken
    if (taken.reason === 'daily') return { ok: false, reason: 'daily', retryAfterSec: Math.ceil(msUntilNextDay(t, dayOf) / 1000) }
    return { ok: false, reason: 'rate', retryAfterSec: Math.max(1, Math.ceil((taken.oldestAt + MINUTE_MS - t) / 1000)) }
  }

  function tryBegin(userId: number): boolean {
    if (busy.has(userId)) return false
    busy.add(userId)
    return true
  }

  function mayRefuse(userId: number, retryAfterSec = 60): boolean {
    const t = now()
    if ((quietUntil.get(userId) ?? 0) > t) return false
    quietUntil.set(userId, t + Math.min(retryAfterSec * 1000, MINUTE_MS))
    return true
  }

  return {
    take, tryBegin, mayRefuse,
    end: (userId) => void busy.delete(userId),
    size: () => new Set([...quietUntil.keys(), ...busy]).size,
  }
}

/** Maps an instant to its local calendar day, `YYYY-MM-DD` (digest's localDay); throws InputError for an unknown zone. */
export function createDayOf(timeZone: string): (t: number) => string {
  checkTimeZone(timeZone)
  return (t) => localDay(t, timeZone)
}

/**
 * Milliseconds from `t` to the next local midnight, found by bisection rather than offset arithmetic
 * so days of 23 or 25 hours (daylight saving) come out right too.
 */
function msUntilNextDay(t: number, dayOf: (t: number) => string): number {
  const today = dayOf(t)
  let lo = t // still today
  let hi = t + 26 * HOUR_MS // surely a later day: local days last at most 25 hours
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (dayOf(mid) === today) lo = mid
    else hi = mid
  }
  return hi - t
}
