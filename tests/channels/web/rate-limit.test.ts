import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../../src/channels/web/rate-limit.js'

describe('createRateLimiter', () => {
  it('allows the limit per address and minute, then says when the window ends', () => {
    const limiter = createRateLimiter(2)
    expect(limiter.take('a', 0)).toEqual({ ok: true })
    expect(limiter.take('a', 1_000)).toEqual({ ok: true })
    expect(limiter.take('a', 20_000)).toEqual({ ok: false, retryAfter: 40 })
    expect(limiter.take('b', 20_000)).toEqual({ ok: true })
    expect(limiter.take('a', 60_000)).toEqual({ ok: true })
  })

  it('never refuses when the limit is off', () => {
    const limiter = createRateLimiter(Infinity)
    for (let i = 0; i < 100; i++) expect(limiter.take('a', 0).ok).toBe(true)
  })
})
