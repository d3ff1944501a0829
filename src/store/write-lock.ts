import { NewsbotError } from '../errors.js'
import { isBusy } from './db-errors.js'
import type { Db } from './db.js'

// How often a writer that found the database locked tries again (asynchronously: the event loop runs).
const RETRY_MS = 50

/** Ingest was stopped (Ctrl-C) while it waited for the write lock or between records. */
export class IngestInterrupted extends NewsbotError {
  override name = 'IngestInterrupted'
  /** Records of the interrupted file already committed. */
  kept = 0
}

/**
 * Begins a write transaction, waiting for another connection's (a second ingest, the bot) to end
 * without failing: `onWait` is called once when the wait starts, so the user is told why nothing moves.
 */
export async function lockForWrite(db: Db, opts: { onWait?: () => void; signal?: AbortSignal } = {}): Promise<void> {
  let told = false
  for (;;) {
    if (opts.signal?.aborted) throw new IngestInterrupted('导入已中断')
    try {
      db.exec('BEGIN IMMEDIATE')
      return
    } catch (err) {
      if (!isBusy(err)) throw err
    }
    if (!told) opts.onWait?.()
    told = true
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}

/**
 * Runs a short write now, or, while another connection holds the lock, again later without blocking
 * the caller. The write may be a Store call: its rejection is retried the same way. The promise
 * settles once the first attempt has (never rejecting): await it to know a write that could be made
 * at once is made.
 */
export async function writeWhenFree(write: () => void | Promise<void>, onGiveUp: (err: unknown) => void, opts: { retries?: number; delayMs?: number } = {}): Promise<void> {
  const { retries = 40, delayMs = 250 } = opts
  try {
    await write()
  } catch (err) {
    if (!isBusy(err) || retries === 0) return onGiveUp(err)
    setTimeout(() => void writeWhenFree(write, onGiveUp, { retries: retries - 1, delayMs }), delayMs).unref()
  }
}
