import { InputError } from '../errors.js'

/** A subscriber's local send time, 'HH:MM' (24-hour). */
export const SEND_TIME_RE = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/
export const DEFAULT_SEND_TIME = '08:00'
const DAY_MS = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      })
    } catch (err) {
      throw new InputError(`未知的时区 ${timeZone}（NEWSBOT_TIMEZONE 应为 IANA 时区名，如 Asia/Shanghai）`, { cause: err })
    }
    formatters.set(timeZone, f)
  }
  return f
}

/** Throws InputError for a zone Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone)
}

/** Normalises '8:05' or '08：05' to '08:05'; undefined when it is not a time of day. */
export function parseSendTime(text: string): string | undefined {
  const m = SEND_TIME_RE.exec(text.trim())
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(ms: number, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(ms).map((p) => [p.type, p.value]))
  return { y: +parts.year!, mo: +parts.month!, d: +parts.day!, h: +parts.hour!, mi: +parts.minute!, s: +parts.second! }
}

/** The zone's offset from UTC at an instant, in ms (whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone)
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000
}

/** The local calendar day of an instant, 'YYYY-MM-DD'. */
export function localDay(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone)
  return `${w.y}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`
}

/** The day before a 'YYYY-MM-DD' day (calendar arithmetic; no zone involved). */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
}

/**
 * The instant a local day and 'HH:MM' name in a zone. A time skipped by a DST jump means the
 * first instant after the gap (02:30 on a spring-forward day sends at 03:30); a repeated hour
 * sends at its first occurrence.
 */
export function zonedInstant(day: string, time: string, timeZone: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number]
  const [h, mi] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  // Two passes settle the offset; the earlier candidate wins in a repeated hour.
  const first = wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone)
  const before = wall - offsetAt(wall - 12 * 3_600_000, timeZone)
  const candidates = [before, first].filter((t) => wallMs(t, timeZone) === wall)
  return candidates.length > 0 ? Math.min(...candidates) : Math.max(before, first)
}

function wallMs(ms: number, timeZone: string): number {
  return ms + offsetAt(ms, timeZone)
}

/**
 * The schedule slot a subscription is due for at `now`, if any: today's send time when it has
 * passed within `catchUpMs` (else yesterday's, which matters just after midnight), never one
 * before `activeSince`. Only the latest passed slot counts, so a long outage sends one digest, not two.
 */
export function dueSlot(
  sub: { sendTime: string; activeSince: number },
  now: number,
  timeZone: string,
  catchUpMs: number,
): { day: string; at: number } | undefined {
  const today = localDay(now, timeZone)
  for (const day of [today, previousDay(today)]) {
    const at = zonedInstant(day, sub.sendTime, timeZone)
    if (at > now) continue
    return now - at <= catchUpMs && at >= sub.activeSince ? { day, at } : undefined
  }
  return undefined
}

/** The next instant at or after `now` when a send time comes round. */
export function nextSlot(sendTime: string, now: number, timeZone: string): number {
  let day = localDay(now, timeZone)
  for (let i = 0; i < 3; i++) {
    const at = zonedInstant(day, sendTime, timeZone)
    if (at >= now) return at
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
  }
  throw new Error(`no slot for ${sendTime} near ${new Date(now).toISOString()}`)
}
