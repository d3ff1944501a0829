import { describe, expect, it } from 'vitest'
import { createLimiter, type LimiterOptions } from '../../../src/channels/telegram/quota.js'
import { createSqliteStore, openDb } from '../../../src/store/index.js'

/** A limiter counting in an in-memory store, on a clock the test moves by hand. */
function setup(opts: Partial<LimiterOptions> & { at: string }) {
  const clock = { t: Date.parse(opts.at) }
  const store = createSqliteStore(openDb(':memory:'))
  const limiter = createLimiter({ perMinute: 3, perDay: 100, timeZone: 'Asia/Shanghai', store, ...opts, now: () => clock.t })
  return { limiter, store, advance: (ms: number) => (clock.t += ms) }
}

describe('rate limit', () => {
  it('allows N questions in a minute, then says when the oldest expires', async () => {
    const { limiter, advance } = setup({ at: '2024-03-01T00:00:00Z' })
    expect(await limiter.take(1)).toEqual({ ok: true })
    advance(10_000)
    expect(await limiter.take(1)).toEqual({ ok: true })
    advance(10_000)
    expect(await limiter.take(1)).toEqual({ ok: true })
    advance(5_000)
    expect(await limiter.take(1)).toEqual({ ok: false, reason: 'rate', retryAfterSec: 35 })
  })

  it('slides: a slot frees exactly 60 s after the question that took it', async () => {
    const { limiter, advance } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1 })
    expect((await limiter.take(1)).ok).toBe(true)
    advance(59_999)
    expect(await limiter.take(1)).toEqual({ ok: false, reason: 'rate', retryAfterSec: 1 })
    advance(1)
    expect((await limiter.take(1)).ok).toBe(true)
  })

  it('does not count refused questions', async () => {
    const { limiter, advance } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1 })
    await limiter.take(1)
    for (let i = 0; i < 5; i++) expect((await limiter.take(1)).ok).toBe(false)
    advance(60_000)
    expect((await limiter.take(1)).ok).toBe(true)
  })

  it('keeps users apart', async () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1 })
    expect((await limiter.take(1)).ok).toBe(true)
    expect((await limiter.take(2)).ok).toBe(true)
    expect((await limiter.take(1)).ok).toBe(false)
  })
})

describe('daily quota', () => {
  it('resets at midnight in Asia/Shanghai, which is 16:00 UTC', async () => {
    // 15:00 UTC is 23:00 in Shanghai: one hour to the local midnight, nine to UTC's.
    const { limiter, advance } = setup({ at: '2024-03-01T15:00:00Z', perMinute: Infinity, perDay: 2 })
    expect((await limiter.take(1)).ok).toBe(true)
    expect((await limiter.take(1)).ok).toBe(true)
    expect(await limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 3600 })
    advance(3_599_000)
    expect(await limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 1 })
    advance(1_000)
    expect((await limiter.take(1)).ok).toBe(true)
  })

  it('does not reset at UTC midnight for a Shanghai day', async () => {
    // 23:30 UTC on 1 March is 07:30 on 2 March in Shanghai; UTC midnight falls inside that local day.
    const { limiter, advance } = setup({ at: '2024-03-01T23:30:00Z', perMinute: Infinity, perDay: 1 })
    expect((await limiter.take(1)).ok).toBe(true)
    advance(60 * 60_000)
    expect(await limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 15.5 * 3600 })
  })

  it('follows the given zone, e.g. UTC', async () => {
    const { limiter, advance } = setup({ at: '2024-03-01T23:30:00Z', perMinute: Infinity, perDay: 1, timeZone: 'UTC' })
    await limiter.take(1)
    expect(await limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 1800 })
    advance(1_800_000)
    expect((await limiter.take(1)).ok).toBe(true)
  })

  it('counts a 23-hour day correctly across a daylight-saving change', async () => {
    // New York springs forward on 10 March 2024: midnight to midnight is 23 hours.
    const { limiter } = setup({ at: '2024-03-10T05:00:00Z', perMinute: Infinity, perDay: 1, timeZone: 'America/New_York' })
    await limiter.take(1)
    expect(await limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 23 * 3600 })
  })

  it('reports the daily quota before the rate limit', async () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1, perDay: 1 })
    await limiter.take(1)
    expect(await limiter.take(1)).toMatchObject({ ok: false, reason: 'daily' })
  })

  it('refuses an unknown time zone at once', async () => {
    expect(() => createLimiter({ perMinute: 1, perDay: 1, timeZone: 'Mars/Olympus', store: createSqliteStore(openDb(':memory:')) })).toThrow(/未知的时区/)
  })
})

describe('one question in flight', () => {
  it('lets a user begin again only after the last question ended', async () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z' })
    expect(limiter.tryBegin(1)).toBe(true)
    expect(limiter.tryBegin(1)).toBe(false)
    expect(limiter.tryBegin(2)).toBe(true)
    limiter.end(1)
    expect(limiter.tryBegin(1)).toBe(true)
  })

  it('tolerates ending a question that never began', async () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z' })
    expect(() => limiter.end(9)).not.toThrow()
    expect(limiter.tryBegin(9)).toBe(true)
  })
})

describe('memory and refusals', () => {
  it('forgets refusals whose wait has passed, so memory does not grow without bound', async () => {
    const { limiter, advance } = setup({ at: '2024-03-01T02:00:00Z' })
    for (let user = 1; user <= 10_000; user++) limiter.mayRefuse(user, 30)
    expect(limiter.size()).toBe(10_000)
    advance(61_000)
    limiter.mayRefuse(1, 30)
    await limiter.take(2)
    expect(limiter.size()).toBe(1)
  })

  it('counts in the store: a second limiter on it (another replica) sees the same requests', async () => {
    const { limiter, store } = setup({ at: '2024-03-01T02:00:00Z', perMinute: 2 })
    const other = createLimiter({ perMinute: 2, perDay: 100, timeZone: 'Asia/Shanghai', store, now: () => Date.parse('2024-03-01T02:00:00Z') })
    expect((await limiter.take(1)).ok).toBe(true)
    expect((await other.take(1)).ok).toBe(true)
    expect(await limiter.take(1)).toMatchObject({ ok: false, reason: 'rate' })
    expect(await store.pruneQuotaTakes(Date.parse('2024-03-01T02:00:01Z'))).toBe(2)
    expect((await other.take(1)).ok).toBe(true)
  })

  it('allows one refusal per user until the wait is over', async () => {
    const { limiter, advance } = setup({ at: '2024-03-01T02:00:00Z' })
    expect(limiter.mayRefuse(1, 30)).toBe(true)
    expect(limiter.mayRefuse(1, 30)).toBe(false)
    expect(limiter.mayRefuse(2, 30)).toBe(true)
    advance(30_000)
    expect(limiter.mayRefuse(1, 30)).toBe(true)
  })
})
