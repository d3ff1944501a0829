import { Cron } from 'croner'

export interface Ticker {
  /** Stops the schedule, aborts a run in progress and waits for it to wind down. */
  stop(): Promise<void>
}

/**
 * Runs `run` once at start (the catch-up after downtime) and then at every minute of `timeZone`
 * (croner), never two at once: a run still going when the next minute comes makes that tick a no-op.
 * `run` decides from the clock and the database what is due, so a skipped or extra tick is harmless.
 */
export function startTicker(opts: {
  timeZone: string
  /** Receives a signal that aborts when the ticker stops, so a long round can end early. */
  run: (signal: AbortSignal) => Promise<void>
  onError: (err: unknown) => void
  /** Cron pattern; tests tick every second ('* * * * * *'). */
  pattern?: string
}): Ticker {
  let current: Promise<void> | undefined
  const stopping = new AbortController()
  const tick = () => {
    if (current || stopping.signal.aborted) return current
    current = opts
      .run(stopping.signal)
      .catch(opts.onError)
      .finally(() => (current = undefined))
    return current
  }
  const job = new Cron(opts.pattern ?? '0 * * * * *', { timezone: opts.timeZone }, () => void tick())
  void tick()
  return {
    async stop() {
      job.stop()
      stopping.abort()
      await current
    },
  }
}
