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

const MINUTE_MS = 60_000

const statements = statementCache((db) => ({
  forgetOtherDays: db.prepare<[number, string]>('DELETE FROM quota_takes WHERE user_id = ? AND day <> ?'),
  today: db.prepare<[number, string], number>('SELECT count(*) FROM quota_takes WHERE user_id = ? AND day = ?').pluck(),
  window: db.prepare<[number, number], { n: number; oldest: number | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM quota_takes WHERE user_id = ? AND at > ?',
  ),
  add: db.prepare<[number, number, string]>('INSERT INTO quota_takes (user_id, at, day) VALUES (?, ?, ?)'),
  prune: db.prepare<[number]>('DELETE FROM quota_takes WHERE at < ?'),
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
