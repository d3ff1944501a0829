/** Spaces request starts evenly at `perSecond`, shared by every worker of a round. */
export interface Pacer {
  /** Resolves at this caller's start time, or at once when `signal` aborts. */
  wait(signal?: AbortSignal): Promise<void>
  /** Starts nothing for `ms` (a 429's retry_after: Telegram's flood limit is per bot, not per chat). */
  pause(ms: number): void
}

export function createPacer(perSecond: number): Pacer {
  const interval = 1000 / perSecond
  let nextAt = 0
  return {
    async wait(signal) {
      const t = Date.now()
      const at = Math.max(nextAt, t)
      nextAt = at + interval
      if (at > t && !signal?.aborted) await sleep(at - t, signal)
    },
    pause(ms) {
      nextAt = Math.max(nextAt, Date.now() + ms)
    },
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
