import { toSendRecord, type SendRecord, type SendRow, type SendState } from '../send-log.js'
import type { SendClaim, SendOutcome } from '../store.js'
import type { Pool } from './pool.js'

// The same rules as SQLite's send log (src/store/send-log.ts). A concurrent second INSERT of the same
// (chat, day) waits for the first to commit, then takes the ON CONFLICT branch, whose WHERE lets only
// a failed row with attempts left be claimed again: one winner per chat and day across processes.
const CLAIM = `
  INSERT INTO digest_sends (chat_id, digest_date, state, issue_date, claimed_at, settled_at, claimed_by)
  VALUES ($1, $2, $3, $4, $5, CASE WHEN $3 = 'sending' THEN NULL ELSE $5::bigint END, $7)
  ON CONFLICT (chat_id, digest_date) DO UPDATE SET
    state = excluded.state, issue_date = excluded.issue_date, attempts = digest_sends.attempts + 1,
    claimed_at = excluded.claimed_at, settled_at = excluded.settled_at, error = NULL, claimed_by = excluded.claimed_by
  WHERE digest_sends.state = 'failed' AND digest_sends.attempts < $6`

async function claim(
  pool: Pool, chatId: number, day: string, issueDate: string | null, state: SendState, now: number, max: number, owner: string | null,
): Promise<boolean> {
  return ((await pool.query(CLAIM, [chatId, day, state, issueDate, now, max, owner])).rowCount ?? 0) > 0
}

/** Claims a chat's digest for a day before anything is sent: true when this caller now owns it. */
export function claimSend(pool: Pool, c: SendClaim): Promise<boolean> {
  return claim(pool, c.chatId, c.day, c.issueDate, 'sending', c.now, c.maxAttempts, c.owner ?? null)
}

/** Records that a chat had nothing new on a day; false when the day was already decided. */
export function recordSkipped(pool: Pool, chatId: number, day: string, issueDate: string | null, now: number): Promise<boolean> {
  return claim(pool, chatId, day, issueDate, 'skipped', now, 0, null)
}

/** Settles a claimed send: delivered, refused for good, failed (claimable again) or unknown. */
export async function settleSend(pool: Pool, chatId: number, day: string, outcome: SendOutcome, now: number): Promise<void> {
  await pool.query(
    `UPDATE digest_sends SET state = $3, message_ids = $4, error = $5, settled_at = $6
     WHERE chat_id = $1 AND digest_date = $2 AND state IN ('sending', 'unknown')`,
    [chatId, day, outcome.state, JSON.stringify(outcome.messageIds ?? []), outcome.error ?? null, now],
  )
}

/**
 * Gives a claim back after a 429: a first attempt leaves no trace, a retry of a failed send goes back
 * to 'failed' with its attempt count unchanged. One statement, so no other claimer sees it half done.
 */
export async function releaseSend(pool: Pool, chatId: number, day: string): Promise<void> {
  await pool.query(
    `WITH first AS (
       DELETE FROM digest_sends WHERE chat_id = $1 AND digest_date = $2 AND state = 'sending' AND attempts = 1
     )
     UPDATE digest_sends SET state = 'failed', attempts = attempts - 1
     WHERE chat_id = $1 AND digest_date = $2 AND state = 'sending' AND attempts > 1`,
    [chatId, day],
  )
}

/**
 * Sends left 'sending' by a holder that has not beaten for `leaseMs` (or by none) become 'unknown';
 * dead holders are forgotten. One statement, so a holder is judged once for both.
 */
export async function markInterruptedSends(pool: Pool, now: number, leaseMs: number): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `WITH dead AS (
       DELETE FROM holders WHERE heartbeat_at <= $1::bigint - $2::bigint
     ), marked AS (
       UPDATE digest_sends SET state = 'unknown', settled_at = $1
       WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by NOT IN (
         SELECT id FROM holders WHERE heartbeat_at > $1::bigint - $2::bigint))
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM marked`,
    [now, leaseMs],
  )
  return rows[0]?.n ?? 0
}

/** Send records of `fromDay` and later. */
export async function listSendRecords(pool: Pool, fromDay: string): Promise<SendRecord[]> {
  const { rows } = await pool.query<SendRow>('SELECT * FROM digest_sends WHERE digest_date >= $1', [fromDay])
  return rows.map(toSendRecord)
}

/** Forgets send records from before `beforeDay`, except each chat's newest covering one; returns how many. */
export async function pruneSendLog(pool: Pool, beforeDay: string): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM digest_sends WHERE digest_date < $1 AND (chat_id, digest_date) NOT IN (
       SELECT chat_id, max(digest_date) FROM digest_sends
       WHERE state IN ('sending', 'sent', 'skipped', 'unknown') AND issue_date IS NOT NULL GROUP BY chat_id)`,
    [beforeDay],
  )
  return rowCount ?? 0
}

/** The newest issue date each chat's digests already covered, for the chats that have one. */
export async function getLastDigestIssues(pool: Pool, chatIds: readonly number[]): Promise<Map<number, string>> {
  const { rows } = await pool.query<{ chat_id: number; issue_date: string }>(
    `SELECT DISTINCT ON (chat_id) chat_id, issue_date FROM digest_sends
     WHERE chat_id = ANY($1::bigint[]) AND state IN ('sending', 'sent', 'skipped', 'unknown') AND issue_date IS NOT NULL
     ORDER BY chat_id, issue_date DESC`,
    [chatIds],
  )
  return new Map(rows.map((r) => [r.chat_id, r.issue_date]))
}

export async function getSendRecord(pool: Pool, chatId: number, day: string): Promise<SendRecord | undefined> {
  const { rows } = await pool.query<SendRow>('SELECT * FROM digest_sends WHERE chat_id = $1 AND digest_date = $2', [chatId, day])
  return rows[0] && toSendRecord(rows[0])
}

/** The newest issue date a chat's digests already covered (null before the first). */
export async function getLastDigestIssue(pool: Pool, chatId: number): Promise<string | null> {
  const { rows } = await pool.query<{ issue_date: string }>(
    `SELECT issue_date FROM digest_sends
     WHERE chat_id = $1 AND state IN ('sending', 'sent', 'skipped', 'unknown') AND issue_date IS NOT NULL
     ORDER BY issue_date DESC LIMIT 1`,
    [chatId],
  )
  return rows[0]?.issue_date ?? null
}

/** How many chats are in each state for a day. */
export async function countSendStates(pool: Pool, day: string): Promise<Partial<Record<SendState, number>>> {
  const { rows } = await pool.query<{ state: SendState; n: number }>(
    'SELECT state, count(*) AS n FROM digest_sends WHERE digest_date = $1 GROUP BY state', [day],
  )
  return Object.fromEntries(rows.map((r) => [r.state, r.n]))
}
