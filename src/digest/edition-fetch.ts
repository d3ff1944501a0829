import type { IngestSummary } from '../store/index.js'
import { localDay } from './schedule.js'

export interface EditionFetchOptions {
  /** The issue's address; {yyyy}, {mm} and {dd} are filled with the local day (…/html/{yyyy}-{mm}/{dd}/node_1.htm). */
  url: string
  timeZone: string
  /** Fetches and writes one edition (SearchIndex.fetch with the bot's fetcher). */
  fetch: (url: string, signal?: AbortSignal) => Promise<IngestSummary>
  now?: () => number
  /** How long after a failed or empty try the next one is made. */
  retryMs?: number
  /** Told of every try: its day and address, and the summary or the error. */
  onTry?: (t: { day: string; url: string; summary?: IngestSummary; error?: unknown }) => void
}

// A district paper goes online between midnight and mid-morning; trying twice an hour finds it
// before most send times without hammering a site that has not published yet.
export const EDITION_RETRY_MS = 30 * 60_000

/**
 * The step the digest ticker runs before each round: fetch the day's edition once it is online. Until an
 * edition gives articles for the day it is tried again every `retryMs`; then not again until the next day.
 */
export function createEditionFetch(opts: EditionFetchOptions): (signal?: AbortSignal) => Promise<void> {
  const now = opts.now ?? Date.now
  const retryMs = opts.retryMs ?? EDITION_RETRY_MS
  let doneDay: string | undefined
  let lastTry = -Infinity
  return async (signal) => {
    const at = now()
    const day = localDay(at, opts.timeZone)
    if (doneDay === day || at - lastTry < retryMs) return
    lastTry = at
    const url = issueUrl(opts.url, day)
    try {
      const summary = await opts.fetch(url, signal)
      if (summary.added + summary.updated + summary.unchanged > 0 && !summary.interrupted) doneDay = day
      opts.onTry?.({ day, url, summary })
    } catch (err) {
      opts.onTry?.({ day, url, error: err })
    }
  }
}

/** The address with the day filled in: {yyyy}-{mm}/{dd} → 2024-06-01, {yyyy}{mm} → 202406. */
export function issueUrl(template: string, day: string): string {
  const [yyyy, mm, dd] = day.split('-') as [string, string, string]
  return template.replaceAll('{yyyy}', yyyy).replaceAll('{mm}', mm).replaceAll('{dd}', dd)
}
