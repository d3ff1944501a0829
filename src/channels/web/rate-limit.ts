/** A fixed one-minute window per client address: allow, or say how many seconds until the next window. */
export interface RateLimiter {
  take: (key: string, now?: number) => { ok: true } | { ok: false; retryAfter: number }
}

const WINDOW_MS = 60_000
// Windows are forgotten once this many addresses are tracked and theirs has passed, so memory stays bounded.
const PRUNE_AT = 10_000

export function createRateLimiter(perMinute: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    take(key, now = Date.now()) {
      if (!Number.isFinite(perMinute)) return { ok: true }
      if (windows.size >= PRUNE_AT) for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k)
      let w = windows.get(key)
      if (!w || now - w.start >= WINDOW_MS) windows.set(key, (w = { start: now, count: 0 }))
      if (w.count >= perMinute) return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) }
      w.count++
      return { ok: true }
    },
  }
}
