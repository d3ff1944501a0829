export interface LimiterOptions {
  /** Questions a user may ask in any 60-second window (sliding); Infinity turns the limit off. */
  perMinute: number
  /** Questions a user may ask per local calendar day; Infinity turns the limit off. */
  perDay: number
  /** IANA zone whose midnight starts a new day, e.g. Asia/Shanghai. */
  timeZone: string
  now?: () => number
}

export type QuotaDecision = { ok: true } | { ok: false; reason: 'rate' | 'daily'; retryAfterSec: number }

/** Per-user limits; each limiter holds its own state, so tests and bots never share it. */
export interface Limiter {
  /** Counts a question when the user is within both limits; a refused question is not counted. */
  take(userId: number): QuotaDecision
  /** Marks the user's question as in progress; false while an earlier one still is. */
  tryBegin(userId: number): boolean
  end(userId: number): void
}

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

/** A limiter with a sliding one-minute window, a daily quota in `timeZone` and one question in flight. */
export function createLimiter(opts: LimiterOptions): Limiter {
  const now = opts.now ?? Date.now
  const dayOf = createDayOf(opts.timeZone)
  const recent = new Map<number, number[]>()
  const daily = new Map<number, { day: string; count: number }>()
  const busy = new Set<number>()

  function take(userId: number): QuotaDecision {
    const t = now()
    const today = dayOf(t)
    const used = daily.get(userId)
    const count = used?.day === today ? used.count : 0
    if (count >= opts.perDay) {
      return { ok: false, reason: 'daily', retryAfterSec: Math.ceil(msUntilNextDay(t, dayOf) / 1000) }
    }
    const window = (recent.get(userId) ?? []).filter((at) => at > t - MINUTE_MS)
    if (window.length >= opts.perMinute) {
      const oldest = window[0] ?? t
      return { ok: false, reason: 'rate', retryAfterSec: Math.max(1, Math.ceil((oldest + MINUTE_MS - t) / 1000)) }
    }
    recent.set(userId, [...window, t])
    daily.set(userId, { day: today, count: count + 1 })
    return { ok: true }
  }

  function tryBegin(userId: number): boolean {
    if (busy.has(userId)) return false
    busy.add(userId)
    return true
  }

  return { take, tryBegin, end: (userId) => void busy.delete(userId) }
}

/** Maps an instant to its local calendar day, `YYYY-MM-DD`; throws RangeError for an unknown zone. */
export function createDayOf(timeZone: string): (t: number) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  return (t) => {
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]))
    return `${parts.year}-${parts.month}-${parts.day}`
  }
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
