export type { Digest, DigestFilter, DigestItem, DigestSection } from './types.js'
export { AREAS, OTHER_AREA, areaOf, findArea } from './area.js'
export { clipSentence, displayTitle, leadSentence, normalizeText, normalizeTitle, SUMMARY_MAX_CHARS } from './lead.js'
export { createDigestSummarizer, createLlmSummarizer, leadSummarizer, type Summarizer } from './summarize.js'
export { buildDigest, countItems, filterDigest, groupByArea, type BuildOptions, type DigestSource } from './build.js'
export {
  checkTimeZone, DEFAULT_SEND_TIME, dueSlot, localDay, nextSlot, parseSendTime, previousDay, zonedInstant,
} from './schedule.js'
export { MAX_SEND_ATTEMPTS, planDueSends, type DueSend } from './round.js'
export { startTicker, type Ticker } from './ticker.js'
export { mapPool, runPool } from './pool.js'
export { createDigestCache, type DigestCache } from './cache.js'
export { createEditionFetch, EDITION_RETRY_MS, issueUrl, type EditionFetchOptions } from './edition-fetch.js'
