import { describe, expect, it } from 'vitest'
import { createAddressLimiter, createRateLimiter } from '../../../src/channels/web/rate-limit.js'
import { createSqliteStore, openDb } from '../../../src/store/index.js'

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

describe('createAddressLimiter', () => {
  it('counts in the store when given one: a sliding minute, with the wait until its first request ends', async () => {
    const store = createSqliteStore(openDb(':memory:'))
    const limiter = createAddressLimiter(2, store)
    expect(await limiter.take('a', 0)).toEqual({ ok: true })
    expect(await limiter.take('a', 1_000)).toEqual({ ok: true })
    expect(await limiter.take('a', 20_000)).toEqual({ ok: false, retryAfter: 40 })
    expect(await limiter.take('b', 20_000)).toEqual({ ok: true })
    // Sliding: at 60.5 s the request of 1 s is still in the minute.
    expect(await limiter.take('a', 60_500)).toEqual({ ok: true })
    expect(await limiter.take('a', 60_600)).toEqual({ ok: false, retryAfter: 1 })
    // Another limiter on the same store (another replica) sees the same count.
    expect(await createAddressLimiter(2, store).take('a', 60_700)).toEqual({ ok: false, retryAfter: 1 })
    await store.close()
  })

  it('counts in this process without a store, and never refuses when the limit is off', async () => {
    const own = createAddressLimiter(1)
    expect(await own.take('a', 0)).toEqual({ ok: true })
    expect(await own.take('a', 0)).toEqual({ ok: false, retryAfter: 60 })
    const store = createSqliteStore(openDb(':memory:'))
    const off = createAddressLimiter(Infinity, store)
    for (let i = 0; i < 10; i++) expect((await off.take('a', 0)).ok).toBe(true)
    await store.close()
  })
})
