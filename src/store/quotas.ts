import { createHash } from 'node:crypto'
import { statementCache, type Db } from './db.js'

/** One costly request of a user at `now` (epoch ms), on the local day `day`, against both limits. */
export interface QuotaRequest {
  userId: number
  now: number
  day: string
  perMinute: number
  perDay: number
}

/** Counted, or refused: over the daily quota, or over the minute's limit since `oldestAt` (the window's first request). */
export type QuotaTake = { ok: true } | { ok: false; reason: 'daily' } | { ok: false; reason: 'rate'; oldestAt: number }

/** One request of a web client address at `now` (epoch ms) against its per-minute limit. */
export interface AddressRateRequest {
  address: string
  now: number
  perMinute: number
}

/** Counted, or refused until a minute after `oldestAt` (the window's first request). */
export type AddressRateTake = { ok: true } | { ok: false; oldestAt: number }

const MINUTE_MS = 60_000

/**
 * The quota_takes key of a web client address: 48 bits of its SHA-256, negated, so it never meets a
 * Telegram user id (always positive) and an IPv6 address fits as well as an IPv4 one.
 */
export function addressKey(address: string): number {
  return -(createHash('sha256').update(address).digest().readUIntBE(0, 6) + 1)
}

const statements = statementCache((db) => ({
  forgetOtherDays: db.prepare<[number, string]>('DELETE FROM quota_takes WHERE user_id = ? AND day <> ?'),
  today: db.prepare<[number, string], number>('SELECT count(*) FROM quota_takes WHERE user_id = ? AND day = ?').pluck(),
  window: db.prepare<[number, number], { n: number; oldest: number | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM quota_takes WHERE user_id = ? AND at > ?',
  ),
  add: db.prepare<[number, number, string]>('INSERT INTO quota_takes (user_id, at, day) VALUES (?, ?, ?)'),
  prune: db.prepare<[number]>('DELETE FROM quota_takes WHERE at < ?'),
  forgetBefore: db.prepare<[number, number]>('DELETE FROM quota_takes WHERE user_id = ? AND at <= ?'),
}))

/** Forgets counted requests made before `before` (epoch ms); returns how many. */
export function pruneQuotaTakes(db: Db, before: number): number {
  return statements(db).prune.run(before).changes
}

/**
 * Counts the request when the user is within both limits (Infinity turns one off); in one write
 * transaction, so two processes never both take a user's last request.
 */
export function takeQuota(db: Db, r: QuotaRequest): QuotaTake {
  const s = statements(db)
  return db.transaction((): QuotaTake => {
    s.forgetOtherDays.run(r.userId, r.day)
    if (s.today.get(r.userId, r.day)! >= r.perDay) return { ok: false, reason: 'daily' }
    const window = s.window.get(r.userId, r.now - MINUTE_MS)!
    if (window.n >= r.perMinute) return { ok: false, reason: 'rate', oldestAt: window.oldest ?? r.now }
    s.add.run(r.userId, r.now, r.day)
    return { ok: true }
  }).immediate()
}

/**
 * Counts a web request when its address is within the sliding minute's limit, in one write
 * transaction like takeQuota; the address's rows older than the minute go at once, so it keeps at
 * most `perMinute` of them.
 */
export function takeAddressRate(db: Db, r: AddressRateRequest): AddressRateTake {
  const s = statements(db)
  const key = addressKey(r.address)
  return db.transaction((): AddressRateTake => {
    s.forgetBefore.run(key, r.now - MINUTE_MS)
    const window = s.window.get(key, r.now - MINUTE_MS)!
    if (window.n >= r.perMinute) return { ok: false, oldestAt: window.oldest ?? r.now }
    s.add.run(key, r.now, '')
    return { ok: true }
  }).immediate()
}
