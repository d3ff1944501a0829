import { describe, expect, it } from 'vitest'
import { checkTimeZone, dueSlot, localDay, nextSlot, parseSendTime, previousDay, zonedInstant } from '../../src/digest/index.js'
import { InputError } from '../../src/errors.js'

const iso = (ms: number) => new Date(ms).toISOString()
const at = (s: string) => Date.parse(s)
const MIN = 60_000

describe('zonedInstant', () => {
  it.each([
    ['2026-11-23', '08:00', 'Asia/Shanghai', '2026-11-23T00:00:00.000Z'],
    ['2026-11-23', '00:00', 'Asia/Shanghai', '2026-11-22T16:00:00.000Z'],
    ['2026-11-23', '08:00', 'Asia/Kathmandu', '2026-11-23T02:15:00.000Z'],
    ['2026-11-23', '08:00', 'Pacific/Kiritimati', '2026-11-22T18:00:00.000Z'],
    ['2026-11-23', '23:30', 'America/Los_Angeles', '2026-11-24T07:30:00.000Z'],
    ['2026-07-01', '08:00', 'America/New_York', '2026-07-01T12:00:00.000Z'],
    ['2026-12-01', '08:00', 'America/New_York', '2026-12-01T13:00:00.000Z'],
    ['2026-11-23', '08:00', 'UTC', '2026-11-23T08:00:00.000Z'],
  ])('%s %s in %s is %s', (day, time, zone, want) => {
    expect(iso(zonedInstant(day, time, zone))).toBe(want)
  })

  it('sends a time skipped by a DST jump just after the gap, and a repeated time once, at its first occurrence', () => {
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z') // 03:30 EDT
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z') // 01:30 EDT
    expect(iso(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z') // 03:30 CEST
  })
})

describe('local days', () => {
  it('puts an instant on the calendar day of the zone, not of UTC', () => {
    const t = at('2026-11-22T16:30:00Z')
    expect(localDay(t, 'Asia/Shanghai')).toBe('2026-11-23')
    expect(localDay(t, 'UTC')).toBe('2026-11-22')
    expect(localDay(t, 'America/New_York')).toBe('2026-11-22')
  })

  it('steps back across month and year ends', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28')
    expect(previousDay('2024-03-01')).toBe('2024-02-29')
    expect(previousDay('2027-01-01')).toBe('2026-12-31')
  })

  it.each([['8:05', '08:05'], ['08：30', '08:30'], ['23:59', '23:59'], ['24:00', undefined], ['8:5', undefined], ['早上八点', undefined]])(
    'reads the send time %j as %s', (text, time) => {
      expect(parseSendTime(text)).toBe(time)
    },
  )

  it('refuses an unknown time zone with a sentence naming the variable', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(InputError)
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(/NEWSBOT_TIMEZONE/)
  })
})

describe('dueSlot', () => {
  const sub = (sendTime: string, activeSince = 0) => ({ sendTime, activeSince })
  const SH = 'Asia/Shanghai'
  const window = 180 * MIN

  it('is due from the send time until the catch-up window closes, for that local day', () => {
    const eight = at('2026-11-23T00:00:00Z') // 08:00 in Shanghai
    expect(dueSlot(sub('08:00'), eight - 1, SH, window)).toBeUndefined()
    expect(dueSlot(sub('08:00'), eight, SH, window)).toEqual({ day: '2026-11-23', at: eight })
    expect(dueSlot(sub('08:00'), eight + window, SH, window)?.day).toBe('2026-11-23')
    expect(dueSlot(sub('08:00'), eight + window + 1, SH, window)).toBeUndefined()
  })

  it("catches up yesterday's late slot just after local midnight", () => {
    const justAfterMidnight = at('2026-11-23T16:10:00Z') // 00:10 on 11-24 in Shanghai
    expect(dueSlot(sub('23:50'), justAfterMidnight, SH, 60 * MIN)).toEqual({ day: '2026-11-23', at: at('2026-11-23T15:50:00Z') })
    expect(dueSlot(sub('23:50'), justAfterMidnight, SH, 10 * MIN)).toBeUndefined()
    expect(dueSlot(sub('00:00'), justAfterMidnight, SH, 60 * MIN)).toEqual({ day: '2026-11-24', at: at('2026-11-23T16:00:00Z') })
  })

  it('offers only the latest passed slot, so a long outage sends one digest, not two', () => {
    const nineNextDay = at('2026-11-24T01:00:00Z') // 09:00 on 11-24 in Shanghai; 08:00 on 11-23 is 25 h ago
    expect(dueSlot(sub('08:00'), nineNextDay, SH, 1380 * MIN)?.day).toBe('2026-11-24')
  })

  it('never offers a slot from before the subscription started', () => {
    const eight = at('2026-11-23T00:00:00Z')
    expect(dueSlot(sub('08:00', eight + 30 * MIN), eight + 40 * MIN, SH, window)).toBeUndefined()
    expect(dueSlot(sub('08:00', eight - 30 * MIN), eight + 40 * MIN, SH, window)?.day).toBe('2026-11-23')
  })

  it('uses the same wall-clock time in every zone', () => {
    const t = at('2026-11-23T13:05:00Z') // 08:05 in New York, 21:05 in Shanghai
    expect(dueSlot(sub('08:00'), t, 'America/New_York', 10 * MIN)?.day).toBe('2026-11-23')
    expect(dueSlot(sub('08:00'), t, SH, 10 * MIN)).toBeUndefined()
    expect(dueSlot(sub('21:00'), t, SH, 10 * MIN)?.day).toBe('2026-11-23')
  })

  it('finds the next slot across midnight', () => {
    expect(iso(nextSlot('07:00', at('2026-11-23T00:00:00Z'), SH))).toBe('2026-11-23T23:00:00.000Z')
    expect(iso(nextSlot('09:00', at('2026-11-23T00:00:00Z'), SH))).toBe('2026-11-23T01:00:00.000Z')
  })
})
