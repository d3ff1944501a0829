import { statementCache, type Db } from './db.js'

/** A chat's daily digest subscription. */
export interface Subscription {
  chatId: number
  /** Local 'HH:MM' in the configured time zone. */
  sendTime: string
  /** Area names to keep; empty means all. */
  areas: string[]
  topic: string | null
  status: 'active' | 'paused'
  pausedReason: string | null
  /** Epoch ms; schedule slots before it are never due. */
  activeSince: number
}

/** What /subscribe or /settings change; fields left out keep their stored value. */
export interface SubscriptionChange {
  sendTime?: string
  areas?: string[]
  topic?: string | null
}

/** A subscriptions row as both stores return it. */
export interface SubscriptionRow {
  chat_id: number
  send_time: string
  areas: string
  topic: string | null
  status: 'active' | 'paused'
  paused_reason: string | null
  active_since: number
}

const statements = statementCache((db) => ({
  get: db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = ?'),
  all: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY status, chat_id'),
  active: db.prepare<[], SubscriptionRow>("SELECT * FROM subscriptions WHERE status = 'active' ORDER BY chat_id"),
  insert: db.prepare<{ chat: number; time: string; areas: string; topic: string | null; since: number; at: string }>(
    `INSERT INTO subscriptions (chat_id, send_time, areas, topic, active_since, created_at, updated_at)
     VALUES (@chat, @time, @areas, @topic, @since, @at, @at)`,
  ),
  update: db.prepare<{ chat: number; time: string; areas: string; topic: string | null; at: string }>(
    'UPDATE subscriptions SET send_time = @time, areas = @areas, topic = @topic, updated_at = @at WHERE chat_id = @chat',
  ),
  resume: db.prepare<{ chat: number; since: number; at: string }>(
    `UPDATE subscriptions SET status = 'active', paused_reason = NULL, active_since = @since, updated_at = @at
     WHERE chat_id = @chat AND status = 'paused'`,
  ),
  pause: db.prepare<{ chat: number; reason: string; at: string }>(
    "UPDATE subscriptions SET status = 'paused', paused_reason = @reason, updated_at = @at WHERE chat_id = @chat",
  ),
  remove: db.prepare<[number]>('DELETE FROM subscriptions WHERE chat_id = ?'),
}))

export function toSubscription(r: SubscriptionRow): Subscription {
  return {
    chatId: r.chat_id,
    sendTime: r.send_time,
    areas: JSON.parse(r.areas) as string[],
    topic: r.topic,
    status: r.status,
    pausedReason: r.paused_reason,
    activeSince: r.active_since,
  }
}

export function getSubscription(db: Db, chatId: number): Subscription | undefined {
  const row = statements(db).get.get(chatId)
  return row && toSubscription(row)
}

/** Every subscription, the active ones first. */
export function listSubscriptions(db: Db): Subscription[] {
  return statements(db).all.all().map(toSubscription)
}

/** Every active subscription, in chat order. */
export function listActiveSubscriptions(db: Db): Subscription[] {
  return statements(db).active.all().map(toSubscription)
}

/**
 * Creates or changes a subscription and (re)activates it; a paused one starts again from `now`.
 * Defaults for a new one: 08:00, all areas, no topic.
 */
export function saveSubscription(db: Db, chatId: number, change: SubscriptionChange, now: number): Subscription {
  const s = statements(db)
  const at = new Date(now).toISOString()
  return db.transaction(() => {
    const old = s.get.get(chatId)
    const next = {
      chat: chatId,
      time: change.sendTime ?? old?.send_time ?? '08:00',
      areas: change.areas ? JSON.stringify(change.areas) : (old?.areas ?? '[]'),
      topic: change.topic !== undefined ? change.topic : (old?.topic ?? null),
      at,
    }
    if (old) {
      s.update.run(next)
      s.resume.run({ chat: chatId, since: now, at })
    } else {
      s.insert.run({ ...next, since: now })
    }
    return toSubscription(s.get.get(chatId)!)
  })()
}

/** Stops deliveries to a chat (blocked the bot, chat gone) until it subscribes again. */
export function pauseSubscription(db: Db, chatId: number, reason: string, now: number): void {
  statements(db).pause.run({ chat: chatId, reason, at: new Date(now).toISOString() })
}

/** Removes a subscription; true when there was one. */
export function deleteSubscription(db: Db, chatId: number): boolean {
  return statements(db).remove.run(chatId).changes > 0
}
