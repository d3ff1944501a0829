import type { Config } from '../../config.js'
import { createEditionFetch } from '../../digest/index.js'
import { createPoliteFetcher } from '../../ingest/index.js'
import type { StoreWriter } from '../../retrieve/index.js'
import type { Logger } from './logger.js'

/**
 * The morning e-paper fetch the digest scheduler runs before each round (`beforeRound`), when
 * NEWSBOT_EPAPER_URL is set; undefined otherwise. Every try is logged, a failure as a warning.
 */
export function createEditionJob(deps: { config: Config; writer: Pick<StoreWriter, 'fetch'>; logger: Logger; now?: () => number }) {
  const { config, writer, logger } = deps
  const { url, delayMs, timeoutMs } = config.epaper
  if (!url) return undefined
  const fetcher = createPoliteFetcher({ delayMs, timeoutMs })
  return createEditionFetch({
    url,
    timeZone: config.timezone,
    ...(deps.now && { now: deps.now }),
    fetch: (issue, signal) => writer.fetch(issue, { fetcher, ...(signal && { signal }) }),
    onTry: ({ url: issue, summary, error }) => {
      if (error) logger.warn({ err: error, url: issue }, 'e-paper fetch failed')
      else logger.info({ url: issue, ...summary }, 'e-paper fetched')
    },
  })
}
