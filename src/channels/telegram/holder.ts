import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Store } from '../../store/index.js'
import type { Logger } from './logger.js'

/**
 * One running process as the store knows it: the digest sends and webhook updates it claims carry
 * its id, and its heartbeat tells the other processes it still lives, so they neither mark its sends
 * 'unknown' nor take over its updates. Everything a process holds shares one holder.
 */
export interface Holder {
  readonly id: string
  /** Beats now, then every quarter of the lease; a second call waits for the first. */
  start(): Promise<void>
  /** Stops beating and forgets the heartbeat: call once what the process holds is settled. */
  stop(): Promise<void>
}

/** A holder beating often enough for the shortest lease it serves (`leaseMs`). */
export function createHolder(store: Store, opts: { leaseMs: number; logger: Logger }): Holder {
  // A new id per start: a restarted process must not take its dead predecessor's claims for its own.
  const id = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`
  // Leases run on the wall clock every replica shares, never on a test's shifted clock.
  const beat = () => store.beatHolder(id, Date.now())
  let timer: NodeJS.Timeout | undefined
  let started: Promise<void> | undefined
  return {
    id,
    start: () =>
      (started ??= beat().then(() => {
        // A failed beat is a warning: the next one retries, and the lease spans four of them.
        timer = setInterval(() => void beat().catch((err: unknown) => opts.logger.warn({ err }, 'heartbeat failed')), opts.leaseMs / 4)
        timer.unref()
      })),
    async stop() {
      const was = started
      started = undefined
      await was?.catch(() => {})
      clearInterval(timer)
      if (!was) return
      // Leaving at once spares the other processes a lease before they mark or take over anything left.
      await store.endHolder(id).catch((err: unknown) => opts.logger.warn({ err }, 'could not end the heartbeat'))
    },
  }
}
