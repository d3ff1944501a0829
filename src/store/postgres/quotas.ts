import { addressKey, type AddressRateRequest, type AddressRateTake, type QuotaRequest, type QuotaTake } from '../quotas.js'
import { inTransaction, type Pool } from './pool.js'

const MINUTE_MS = 60_000
// The first key of the advisory lock a user's requests are counted under (the second is the user).
const QUOTA_LOCK = 0x71756f74

/** SQLite's takeQuota: one transaction holding the user's advisory lock, so replicas take turns per user. */
export async function takeQuota(pool: Pool, r: QuotaRequest): Promise<QuotaTake> {
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [QUOTA_LOCK, r.userId])
    await c.query('DELETE FROM quota_takes WHERE user_id = $1 AND day <> $2', [r.userId, r.day])
    const { rows } = await c.query<{ today: number; n: number; oldest: number | null }>(
      `SELECT count(*) FILTER (WHERE day = $2) AS today, count(*) FILTER (WHERE at > $3) AS n,
         min(at) FILTER (WHERE at > $3) AS oldest
       FROM quota_takes WHERE user_id = $1`,
      [r.userId, r.day, r.now - MINUTE_MS],
    )
    const { today, n, oldest } = rows[0]!
    if (today >= r.perDay) return { ok: false, reason: 'daily' }
    if (n >= r.perMinute) return { ok: false, reason: 'rate', oldestAt: oldest ?? r.now }
    await c.query('INSERT INTO quota_takes (user_id, at, day) VALUES ($1, $2, $3)', [r.userId, r.now, r.day])
    return { ok: true }
  })
}

/** Forgets counted requests made before `before` (epoch ms); returns how many. */
export async function pruneQuotaTakes(pool: Pool, before: number): Promise<number> {
  return (await pool.query('DELETE FROM quota_takes WHERE at < $1', [before])).rowCount ?? 0
}

/** SQLite's takeAddressRate under the same advisory lock as takeQuota (the address's key never meets a user id). */
export async function takeAddressRate(pool: Pool, r: AddressRateRequest): Promise<AddressRateTake> {
  const key = addressKey(r.address)
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [QUOTA_LOCK, key])
    await c.query('DELETE FROM quota_takes WHERE user_id = $1 AND at <= $2', [key, r.now - MINUTE_MS])
    const { rows } = await c.query<{ n: number; oldest: number | null }>(
      'SELECT count(*) AS n, min(at) AS oldest FROM quota_takes WHERE user_id = $1 AND at > $2',
      [key, r.now - MINUTE_MS],
    )
    const { n, oldest } = rows[0]!
    if (n >= r.perMinute) return { ok: false, oldestAt: oldest ?? r.now }
    await c.query("INSERT INTO quota_takes (user_id, at, day) VALUES ($1, $2, '')", [key, r.now])
    return { ok: true }
  })
}
