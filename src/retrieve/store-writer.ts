import { crawlEdition, type ValidatorCache } from '../ingest/index.js'
import { articleNames, indexEntry, indexSources, writeToStore, type FetchOptions, type WriteOptions } from './search-index.js'
import type { Article, ArticleCorrection, IngestSummary, Store } from '../store/index.js'

/**
 * What the operator writes into a store of either kind (the console, `articles`, `fetch`, the bot's
 * morning e-paper fetch): files, an e-paper edition, an article's corrections, its deletion.
 */
export interface StoreWriter {
  /** Reads files and folders and writes their articles, as `newsbot ingest` does. */
  write(paths: string[], opts?: WriteOptions): Promise<IngestSummary>
  /** Fetches an e-paper edition and writes its articles; pages that fail are in `failed`, unchanged ones (304) are not re-read. */
  fetch(url: string, opts: FetchOptions): Promise<IngestSummary>
  /** Corrects headline, issue date or byline and re-indexes the article; undefined when no such article. */
  correct(id: string, change: ArticleCorrection): Promise<Article | undefined>
  /** Deletes an article with its index entry and the names it taught; false when no such article. */
  remove(id: string): Promise<boolean>
}

export function createStoreWriter(store: Store): StoreWriter {
  const validators: ValidatorCache = { get: (url) => store.getFetchedPage(url), set: (url, page) => store.saveFetchedPage(url, page) }
  return {
    write: (paths, opts) => writeToStore(store, paths, opts),
    async fetch(url, opts) {
      const crawl = await crawlEdition(url, {
        fetcher: opts.fetcher,
        validators,
        ...(opts.meta && { meta: opts.meta }),
        ...(opts.signal && { signal: opts.signal }),
      })
      const summary = await store.writeSources(indexSources(crawl.list), {
        namesOf: articleNames, ...(opts.onFile && { onFile: opts.onFile }), ...(opts.signal && { signal: opts.signal }),
      })
      return { ...summary, files: summary.files + crawl.failed.length, failed: [...crawl.failed, ...summary.failed] }
    },
    correct: (id, change) => store.correctArticle(id, change, indexEntry, articleNames),
    remove: (id) => store.deleteArticle(id, articleNames),
  }
}
