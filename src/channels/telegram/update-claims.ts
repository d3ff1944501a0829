import type { Context, MiddlewareFn } from 'grammy'
import { isBusy, writeWhenFree, type Store, type UpdateClaim, type UpdateClaimRequest } from '../../store/index.js'
import type { BotDeps } from './context.js'
import { sleep } from './digest-pacer.js'
import type { Logger } from './logger.js'
import { onReplied } from './replied.js'

// Longer than the longest answer (three 30 s LLM attempts with backoff): how long a resend waits for
// a live replica to finish the same update, and a chat's later update for its earlier one.
export const ANSWER_WAIT_MS = 120_000

// How often a waiting update looks again: soon at first (a command is done in milliseconds), then
// doubling up to a few queries a second for an LLM answer or a holder's lease to run out.
const POLL_FIRST_MS = 25
const POLL_MAX_MS = 250

// How long the mark that a reply goes out may wait for another connection's write lock (an ingest):
// past it the reply goes out unmarked, as before marks existed, rather than keep the reader waiting.
const REPLY_MARK_WAIT_MS = 2_000

// What the handler calls on an update's claim right before its reply: mark the reply as going out.
const claims = new WeakMap<Context, { startReply: () => Promise<void> }>()

/**
 * Webhook mode: an update Telegram resends, to this replica or another sharing the database, is handled
 * once. A resend of an update a live replica is handling waits for it and then gets its 200; one whose
 * replica died (no heartbeat of `holder` for `leaseMs`) is taken over and answered, as are the ones
 * the orphan recovery feeds in. A chat's later update waits for its earlier ones, wherever they are
 * handled, so replies keep their order.
 */
export function createUpdateClaims(deps: Pick<BotDeps, 'store' | 'logger'>, holder: { id: string }, leaseMs: number): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const updateId = ctx.update.update_id
    const chatId = ctx.chat?.id ?? null
    const log = deps.logger.child({ update: updateId })
    const claim = await waitForClaim(deps.store, { updateId, chatId, holder: holder.id, leaseMs, payload: JSON.stringify(ctx.update) }, log)
    if (claim !== 'claimed') {
      log.debug({ claim }, 'update handled by another process, skipped')
      return
    }
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      // Off the reply's path: while another connection writes, the mark is made a moment later.
      writeWhenFree(() => deps.store.finishUpdate(updateId, Date.now()), (err) => log.error({ err }, 'could not finish the update claim'))
    }
    let marking: Promise<void> | undefined
    claims.set(ctx, { startReply: () => (marking ??= markWhenFree(deps.store, updateId, log)) })
    onReplied(ctx, finish)
    try {
      if (chatId !== null) await waitForEarlier(deps.store, chatId, updateId)
      await next()
    } finally {
      // Also after a failure: the error boundary has told the user, and a resend must not ask again.
      finish()
    }
  }
}

/**
 * Records that the reply goes out now; call it right before sending the answer. An update whose
 * process dies after this is never answered again (a dead replica's reply may well have been
 * delivered: a second one is worse than the rare lost one, which the reader can ask again).
 */
export async function startReply(ctx: Context): Promise<void> {
  await claims.get(ctx)?.startReply()
}

async function markWhenFree(store: Store, updateId: number, log: Logger): Promise<void> {
  const marked = await pollUntil(async () => {
    try {
      await store.markReplying(updateId, Date.now())
      return true
    } catch (err) {
      if (!isBusy(err)) throw err
      return false
    }
  }, REPLY_MARK_WAIT_MS)
  if (!marked) log.warn('the database stayed locked: the reply goes out unmarked')
}

/**
 * Claims the update, or waits while a live process handles it: 'claimed' (new, or its holder died
 * before finishing), 'done', or 'held' when the holder is still at it after ANSWER_WAIT_MS.
 */
async function waitForClaim(store: Store, r: Omit<UpdateClaimRequest, 'now'>, log: Logger): Promise<UpdateClaim> {
  let claim: UpdateClaim = 'held'
  const settled = await pollUntil(async () => (claim = await tryClaim(store, { ...r, now: Date.now() })) !== 'held')
  if (!settled) log.warn('a live process has held the update too long; leaving it to that process')
  return claim
}

/** A claim that found the database locked by another writer looks again, as a held one does. */
async function tryClaim(store: Store, r: UpdateClaimRequest): Promise<UpdateClaim> {
  try {
    return await store.claimUpdate(r)
  } catch (err) {
    if (isBusy(err)) return 'held'
    throw err
  }
}

/**
 * Waits while the chat has an earlier update under way, on any replica: Telegram numbers updates in
 * the order it sends them. At most ANSWER_WAIT_MS, so a chain of stuck claims cannot hold the chat forever.
 */
async function waitForEarlier(store: Store, chatId: number, updateId: number): Promise<void> {
  await pollUntil(async () => !(await store.hasEarlierUnfinished(chatId, updateId, Date.now(), ANSWER_WAIT_MS)))
}

/** Looks until `ready` holds, at a growing interval, for at most `waitMs`; false when it never did. */
async function pollUntil(ready: () => Promise<boolean>, waitMs = ANSWER_WAIT_MS): Promise<boolean> {
  const until = Date.now() + waitMs
  let delay = POLL_FIRST_MS
  for (;;) {
    if (await ready()) return true
    if (Date.now() >= until) return false
    await sleep(delay)
    delay = Math.min(delay * 2, POLL_MAX_MS)
  }
}
