import type { Store } from '../../store/index.js'

/** Allowed, or refused for `retryAfter` seconds. */
export type RateTake = { ok: true } | { ok: false; retryAfter: number }

/** A fixed one-minute window per client address: allow, or say how many seconds until the next window. */
export interface RateLimiter {
  take: (key: string, now?: number) => RateTake
}

/** The per-address limit on asking and searching, counted in the store or in this process. */
export interface AddressLimiter {
  take: (address: string, now?: number) => Promise<RateTake>
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

/**
 * Counts each address's requests in `shared` (a sliding minute in the store's quota_takes), so every
 * replica on the store shares one limit per address; without it, in this process (createRateLimiter).
 */
export function createAddressLimiter(perMinute: number, shared?: Pick<Store, 'takeAddressRate'>): AddressLimiter {
  if (!shared || !Number.isFinite(perMinute)) {
    const own = createRateLimiter(perMinute)
    return { take: async (address, now) => own.take(address, now) }
  }
  return {
    async take(address, now = Date.now()) {
      const taken = await shared.takeAddressRate({ address, now, perMinute })
      return taken.ok ? taken : { ok: false, retryAfter: Math.max(1, Math.ceil((taken.oldestAt + WINDOW_MS - now) / 1000)) }
    },
  }
}
