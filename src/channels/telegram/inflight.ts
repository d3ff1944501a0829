import type { Context, MiddlewareFn } from 'grammy'

/** Counts the updates being handled, so a shutdown can wait for answers already under way. */
export interface Inflight {
  middleware: MiddlewareFn<Context>
  /** Resolves once every update handled when it was called has finished. */
  idle(): Promise<void>
  size(): number
  /** The highest update id seen, to confirm to Telegram on shutdown; 0 before any. */
  lastUpdateId(): number
}

export function createInflight(): Inflight {
  const active = new Set<Promise<void>>()
  let last = 0
  return {
    async middleware(ctx, next) {
      last = Math.max(last, ctx.update.update_id)
      const task = next()
      active.add(task)
      try {
        await task
      } finally {
        active.delete(task)
      }
    },
    async idle() {
      await Promise.allSettled([...active])
    },
    size: () => active.size,
    lastUpdateId: () => last,
  }
}
