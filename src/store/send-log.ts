import { statementCache, type Db } from './db.js'

/**
 * Where a chat's digest for one local day stands.
 * - sending: claimed; the message may be on its way (never re-claimed).
 * - sent / skipped (nothing new for this chat) / blocked (403, subscription paused): settled.
 * - failed: a definite refusal; claimable again until it has used its attempts.
 * - unknown: was 'sending' when the process died; Telegram may or may not have it, so it is not
 *   resent (at-most-once for that one in-flight message).
 */
export type SendState = 'sending' | 'sent' | 'skipped' | 'failed' | 'blocked' | 'unknown'

export interface SendRecord {
  chatId: number
  digestDate: string
  state: SendState
  issueDate: string | null
  attempts: number
  messageIds: number[]
  error: string | null
  /** The round (process) that claimed it, while and after it was 'sending'; null when skipped. */
  claimedBy: string | null
}

/** A digest_sends row as both stores return it. */
export interface SendRow {
  chat_id: number
  digest_date: string
  state: SendState
  issue_date: string | null
  attempts: number
  message_ids: string
  error: string | null
  claimed_by: string | null
}

const statements = statementCache((db) => ({
  since: db.prepare<[string], SendRow>('SELECT * FROM digest_sends WHERE digest_date >= ?'),
  one: db.prepare<[number, string], SendRow>('SELECT * FROM digest_sends WHERE chat_id = ? AND digest_date = ?'),
  // 'failed' rows cover nothing: the chat never saw those items.
  lastIssue: db.prepare<[number], string>(
    `SELECT issue_date FROM digest_sends
     WHERE chat_id = ? AND state IN ('sending', 'sent', 'skipped', 'unknown') AND issue_date IS NOT NULL
     ORDER BY issue_date DESC LIMIT 1`,
  ).pluck(),
  // Each chat's newest covering row stays whatever its age: the next digest starts after its issue.
  prune: db.prepare<[string]>(
    `DELETE FROM digest_sends WHERE digest_date < ? AND (chat_id, digest_date) NOT IN (
       SELECT chat_id, max(digest_date) FROM digest_sends
       WHERE state IN ('sending', 'sent', 'skipped', 'unknown') AND issue_date IS NOT NULL GROUP BY chat_id)`,
  ),
  claim: db.prepare<{ chat: number; day: string; issue: string | null; state: SendState; now: number; max: number; owner: string | null }>(
    `INSERT INTO digest_sends (chat_id, digest_date, state, issue_date, claimed_at, settled_at, claimed_by)
     VALUES (@chat, @day, @state, @issue, @now, CASE WHEN @state = 'sending' THEN NULL ELSE @now END, @owner)
     ON CONFLICT (chat_id, digest_date) DO UPDATE SET
       state = excluded.state, issue_date = excluded.issue_date, attempts = attempts + 1,
       claimed_at = excluded.claimed_at, settled_at = excluded.settled_at, error = NULL, claimed_by = excluded.claimed_by
     WHERE digest_sends.state = 'failed' AND digest_sends.attempts < @max`,
  ),
  settle: db.prepare<{ chat: number; day: string; state: SendState; ids: string; error: string | null; now: number }>(
    `UPDATE digest_sends SET state = @state, message_ids = @ids, error = @error, settled_at = @now
     WHERE chat_id = @chat AND digest_date = @day AND state IN ('sending', 'unknown')`,
  ),
  // A claim given back before anything reached the chat: a first attempt leaves no trace, a retry
  // of a failed send goes back to 'failed' with its attempt count unchanged.
  releaseNew: db.prepare<[number, string]>("DELETE FROM digest_sends WHERE chat_id = ? AND digest_date = ? AND state = 'sending' AND attempts = 1"),
  releaseRetry: db.prepare<[number, string]>(
    "UPDATE digest_sends SET state = 'failed', attempts = attempts - 1 WHERE chat_id = ? AND digest_date = ? AND state = 'sending'",
  ),
  // A holder that has not beaten within the lease is dead; a row with no holder was claimed before
  // holders were recorded.
  interrupted: db.prepare<{ now: number; lease: number }>(
    `UPDATE digest_sends SET state = 'unknown', settled_at = @now
     WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by NOT IN (
       SELECT id FROM holders WHERE heartbeat_at > @now - @lease))`,
  ),
  dropDead: db.prepare<{ now: number; lease: number }>('DELETE FROM holders WHERE heartbeat_at <= @now - @lease'),
  counts: db.prepare<[string], { state: SendState; n: number }>(
    'SELECT state, count(*) AS n FROM digest_sends WHERE digest_date = ? GROUP BY state',
  ),
}))

export function toSendRecord(r: SendRow): SendRecord {
  return {
    chatId: r.chat_id,
    digestDate: r.digest_date,
    state: r.state,
    issueDate: r.issue_date,
    attempts: r.attempts,
    messageIds: JSON.parse(r.message_ids) as number[],
    error: r.error,
    claimedBy: r.claimed_by,
  }
}

/** Send records of `fromDay` and later (local days, 'YYYY-MM-DD'). */
export function listSendRecords(db: Db, fromDay: string): SendRecord[] {
  return statements(db).since.all(fromDay).map(toSendRecord)
}

export function getSendRecord(db: Db, chatId: number, day: string): SendRecord | undefined {
  const row = statements(db).one.get(chatId, day)
  return row && toSendRecord(row)
}

/** The newest issue date a chat's digests already covered (null before the first); the next digest starts after it. */
export function getLastDigestIssue(db: Db, chatId: number): string | null {
  return statements(db).lastIssue.get(chatId) ?? null
}

/**
 * Claims a chat's digest for a day before anything is sent: true when this caller now owns it
 * (a new row, or a failed one with attempts left). The insert is atomic, so two rounds, even in
 * two processes, never both send.
 */
export function claimSend(
  db: Db,
  claim: { chatId: number; day: string; issueDate: string | null; now: number; maxAttempts: number; owner?: string },
): boolean {
  const { chatId: chat, day, issueDate: issue, now, maxAttempts: max } = claim
  return statements(db).claim.run({ chat, day, issue, state: 'sending', now, max, owner: claim.owner ?? null }).changes > 0
}

/** Records that a chat had nothing new on a day; false when the day was already decided. */
export function recordSkipped(db: Db, chatId: number, day: string, issueDate: string | null, now: number): boolean {
  return statements(db).claim.run({ chat: chatId, day, issue: issueDate, state: 'skipped', now, max: 0, owner: null }).changes > 0
}

/** Settles a claimed send: delivered, refused for good, failed (claimable again) or unknown (a network failure after the request may have arrived). */
export function settleSend(
  db: Db,
  chatId: number,
  day: string,
  outcome: { state: 'sent' | 'failed' | 'blocked' | 'unknown'; messageIds?: number[]; error?: string },
  now: number,
): void {
  statements(db).settle.run({
    chat: chatId, day, state: outcome.state, ids: JSON.stringify(outcome.messageIds ?? []), error: outcome.error ?? null, now,
  })
}

/** Gives a claim back when Telegram refused the message with a 429 (so nothing arrived) and the sender must wait. */
export function releaseSend(db: Db, chatId: number, day: string): void {
  const s = statements(db)
  db.transaction(() => {
    s.releaseNew.run(chatId, day)
    s.releaseRetry.run(chatId, day)
  })()
}

/**
 * Sends left 'sending' by a process that died become 'unknown' (never resent): those whose holder
 * has not beaten for `leaseMs` (wall clock), and those claimed with no holder. Forgets dead holders.
 * Returns how many sends were marked.
 */
export function markInterruptedSends(db: Db, now: number, leaseMs = 0): number {
  const s = statements(db)
  return db.transaction(() => {
    const marked = s.interrupted.run({ now, lease: leaseMs }).changes
    s.dropDead.run({ now, lease: leaseMs })
    return marked
  })()
}

/** The newest issue date each chat's digests already covered, for the chats that have one. */
export function getLastDigestIssues(db: Db, chatIds: readonly number[]): Map<number, string> {
  const one = statements(db).lastIssue
  const out = new Map<number, string>()
  for (const chat of chatIds) {
    const issue = one.get(chat)
    if (issue !== undefined) out.set(chat, issue)
  }
  return out
}

/** Forgets send records from before `beforeDay` (YYYY-MM-DD), except each chat's newest covering one; returns how many. */
export function pruneSendLog(db: Db, beforeDay: string): number {
  return statements(db).prune.run(beforeDay).changes
}

/** How many chats are in each state for a day. */
export function countSendStates(db: Db, day: string): Partial<Record<SendState, number>> {
  return Object.fromEntries(statements(db).counts.all(day).map((r) => [r.state, r.n]))
}
