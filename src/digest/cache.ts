import { buildDigest, digestStore, type DigestSource } from './build.js'
import type { Summarizer } from './summarize.js'
import type { Digest } from './types.js'

// A handful of keys (the newest issue, a few `after` dates) cover every reader of a day.
const MAX_DIGESTS = 16

/** A digest builder that builds each digest once per issue. */
export type DigestCache = (opts?: { after?: string | null }) => Promise<Digest>

/**
 * Builds the newest digest (or the one after `after`) once per state of the store: the key is the
 * newest issue date and the article count, so an ingest makes the next call build afresh while a
 * hundred /today in between summarise nothing again. A failed build is not kept.
 */
export function createDigestCache(source: DigestSource, summarize: Summarizer): DigestCache {
  const store = digestStore(source)
  const cache = new Map<string, Promise<Digest>>()
  return async (opts = {}) => {
    const [newest, count] = await Promise.all([store.getNewestIssueDate(), store.countArticles()])
    const key = `${opts.after ?? ''}|${newest ?? ''}|${count}`
    const hit = cache.get(key)
    if (hit) return hit
    if (cache.size >= MAX_DIGESTS) cache.delete(cache.keys().next().value!)
    const built = buildDigest(store, { after: opts.after, summarize })
    cache.set(key, built)
    built.catch(() => cache.delete(key))
    return built
  }
}
