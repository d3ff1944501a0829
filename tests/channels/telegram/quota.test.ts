import { describe, expect, it } from 'vitest'
import { createLimiter, type LimiterOptions } from '../../../src/channels/telegram/quota.js'

/** A limiter on a clock the test moves by hand. */
function setup(opts: Partial<LimiterOptions> & { at: string }) {
  const clock = { t: Date.parse(opts.at) }
  const limiter = createLimiter({ perMinute: 3, perDay: 100, timeZone: 'Asia/Shanghai', ...opts, now: () => clock.t })
  return { limiter, advance: (ms: number) => (clock.t += ms) }
}

describe('rate limit', () => {
  it('allows N questions in a minute, then says when the oldest expires', () => {
    const { limiter, advance } = setup({ at: '2024-03-01T00:00:00Z' })
    expect(limiter.take(1)).toEqual({ ok: true })
    advance(10_000)
    expect(limiter.take(1)).toEqual({ ok: true })
    advance(10_000)
    expect(limiter.take(1)).toEqual({ ok: true })
    advance(5_000)
    expect(limiter.take(1)).toEqual({ ok: false, reason: 'rate', retryAfterSec: 35 })
  })

  it('slides: a slot frees exactly 60 s after the question that took it', () => {
    const { limiter, advance } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1 })
    expect(limiter.take(1).ok).toBe(true)
    advance(59_999)
    expect(limiter.take(1)).toEqual({ ok: false, reason: 'rate', retryAfterSec: 1 })
    advance(1)
    expect(limiter.take(1).ok).toBe(true)
  })

  it('does not count refused questions', () => {
    const { limiter, advance } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1 })
    limiter.take(1)
    for (let i = 0; i < 5; i++) expect(limiter.take(1).ok).toBe(false)
    advance(60_000)
    expect(limiter.take(1).ok).toBe(true)
  })

  it('keeps users apart', () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1 })
    expect(limiter.take(1).ok).toBe(true)
    expect(limiter.take(2).ok).toBe(true)
    expect(limiter.take(1).ok).toBe(false)
  })
})

describe('daily quota', () => {
  it('resets at midnight in Asia/Shanghai, which is 16:00 UTC', () => {
    // 15:00 UTC is 23:00 in Shanghai: one hour to the local midnight, nine to UTC's.
    const { limiter, advance } = setup({ at: '2024-03-01T15:00:00Z', perMinute: Infinity, perDay: 2 })
    expect(limiter.take(1).ok).toBe(true)
    expect(limiter.take(1).ok).toBe(true)
    expect(limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 3600 })
    advance(3_599_000)
    expect(limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 1 })
    advance(1_000)
    expect(limiter.take(1).ok).toBe(true)
  })

  it('does not reset at UTC midnight for a Shanghai day', () => {
    // 23:30 UTC on 1 March is 07:30 on 2 March in Shanghai; UTC midnight falls inside that local day.
    const { limiter, advance } = setup({ at: '2024-03-01T23:30:00Z', perMinute: Infinity, perDay: 1 })
    expect(limiter.take(1).ok).toBe(true)
    advance(60 * 60_000)
    expect(limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 15.5 * 3600 })
  })

  it('follows the given zone, e.g. UTC', () => {
    const { limiter, advance } = setup({ at: '2024-03-01T23:30:00Z', perMinute: Infinity, perDay: 1, timeZone: 'UTC' })
    limiter.take(1)
    expect(limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 1800 })
    advance(1_800_000)
    expect(limiter.take(1).ok).toBe(true)
  })

  it('counts a 23-hour day correctly across a daylight-saving change', () => {
    // New York springs forward on 10 March 2024: midnight to midnight is 23 hours.
    const { limiter } = setup({ at: '2024-03-10T05:00:00Z', perMinute: Infinity, perDay: 1, timeZone: 'America/New_York' })
    limiter.take(1)
    expect(limiter.take(1)).toEqual({ ok: false, reason: 'daily', retryAfterSec: 23 * 3600 })
  })

  it('reports the daily quota before the rate limit', () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z', perMinute: 1, perDay: 1 })
    limiter.take(1)
    expect(limiter.take(1)).toMatchObject({ ok: false, reason: 'daily' })
  })

  it('refuses an unknown time zone at once', () => {
    expect(() => createLimiter({ perMinute: 1, perDay: 1, timeZone: 'Mars/Olympus' })).toThrow(/未知的时区/)
  })
})

describe('one question in flight', () => {
  it('lets a user begin again only after the last question ended', () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z' })
    expect(limiter.tryBegin(1)).toBe(true)
    expect(limiter.tryBegin(1)).toBe(false)
    expect(limiter.tryBegin(2)).toBe(true)
    limiter.end(1)
    expect(limiter.tryBegin(1)).toBe(true)
  })

  it('tolerates ending a question that never began', () => {
    const { limiter } = setup({ at: '2024-03-01T00:00:00Z' })
    expect(() => limiter.end(9)).not.toThrow()
    expect(limiter.tryBegin(9)).toBe(true)
  })
})

describe('memory and refusals', () => {
  it('forgets users whose window and day have passed, so the maps do not grow without bound', () => {
    const { limiter, advance } = setup({ at: '2024-03-01T02:00:00Z' })
    for (let user = 1; user <= 10_000; user++) limiter.take(user)
    expect(limiter.size()).toBe(10_000)
    advance(25 * 3_600_000)
    limiter.take(1)
    expect(limiter.size()).toBe(1)
  })

  it('allows one refusal per user until the wait is over', () => {
    const { limiter, advance } = setup({ at: '2024-03-01T02:00:00Z' })
    expect(limiter.mayRefuse(1, 30)).toBe(true)
    expect(limiter.mayRefuse(1, 30)).toBe(false)
    expect(limiter.mayRefuse(2, 30)).toBe(true)
    advance(30_000)
    expect(limiter.mayRefuse(1, 30)).toBe(true)
  })
})
