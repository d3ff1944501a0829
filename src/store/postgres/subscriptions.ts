import { toSubscription, type Subscription, type SubscriptionChange, type SubscriptionRow } from '../subscriptions.js'
import type { Pool } from './pool.js'

export async function getSubscription(pool: Pool, chatId: number): Promise<Subscription | undefined> {
  const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = $1', [chatId])
  return rows[0] && toSubscription(rows[0])
}

/** Every subscription, the active ones first. */
export async function listSubscriptions(pool: Pool): Promise<Subscription[]> {
  const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY status, chat_id')
  return rows.map(toSubscription)
}

/** Every active subscription, in chat order. */
export async function listActiveSubscriptions(pool: Pool): Promise<Subscription[]> {
  const { rows } = await pool.query<SubscriptionRow>("SELECT * FROM subscriptions WHERE status = 'active' ORDER BY chat_id")
  return rows.map(toSubscription)
}

/**
 * Creates or changes a subscription and (re)activates it in one statement, as SQLite's saveSubscription
 * does in one transaction: fields left out keep their value, a paused one starts again from `now`.
 */
export async function saveSubscription(pool: Pool, chatId: number, change: SubscriptionChange, now: number): Promise<Subscription> {
  const { rows } = await pool.query<SubscriptionRow>(
    `INSERT INTO subscriptions (chat_id, send_time, areas, topic, active_since, created_at, updated_at)
     VALUES ($1, coalesce($2, '08:00'), coalesce($3, '[]'), $4, $6, $7, $7)
     ON CONFLICT (chat_id) DO UPDATE SET
       send_time = coalesce($2, subscriptions.send_time),
       areas = coalesce($3, subscriptions.areas),
       topic = CASE WHEN $5 THEN $4 ELSE subscriptions.topic END,
       active_since = CASE WHEN subscriptions.status = 'paused' THEN $6 ELSE subscriptions.active_since END,
       status = 'active', paused_reason = NULL, updated_at = $7
     RETURNING *`,
    [
      chatId, change.sendTime ?? null, change.areas ? JSON.stringify(change.areas) : null, change.topic ?? null,
      change.topic !== undefined, now, new Date(now).toISOString(),
    ],
  )
  return toSubscription(rows[0]!)
}

/** Stops deliveries to a chat (blocked the bot, chat gone) until it subscribes again. */
export async function pauseSubscription(pool: Pool, chatId: number, reason: string, now: number): Promise<void> {
  await pool.query("UPDATE subscriptions SET status = 'paused', paused_reason = $2, updated_at = $3 WHERE chat_id = $1", [
    chatId, reason, new Date(now).toISOString(),
  ])
}

/** Removes a subscription; true when there was one. */
export async function deleteSubscription(pool: Pool, chatId: number): Promise<boolean> {
  return ((await pool.query('DELETE FROM subscriptions WHERE chat_id = $1', [chatId])).rowCount ?? 0) > 0
}
