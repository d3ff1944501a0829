import { InputError, UpstreamError, errorMessage } from '../../errors.js'
import { sha1Hex } from '../ids.js'
import { epaperHash, openEpaperArticle, type SourceFile, type SourceList } from '../sources.js'
import type { ArticleInput, PageMeta } from '../types.js'
import type { ArticleHints } from './article.js'
import type { FetchResult, PoliteFetcher, Validators } from './fetcher.js'
import { layoutOf } from './layouts.js'
import { parsePageList, type PageList } from './page-list.js'

/** What was last fetched from an address: its validators and the SHA-1 of the body they describe. */
export interface CachedPage extends Validators {
  hash: string
}

/** Remembers validators between runs (the store keeps them, SQLite's at once, PostgreSQL's by promise), so an unchanged article is answered 304. */
export interface ValidatorCache {
  get(url: string): CachedPage | undefined | Promise<CachedPage | undefined>
  set(url: string, page: CachedPage): void | Promise<void>
}

export interface CrawlOptions {
  fetcher: PoliteFetcher
  validators?: ValidatorCache
  meta?: PageMeta
  /** Stops the walk between pages (the bot is stopping). */
  signal?: AbortSignal
}

/** An edition found online: its articles as sources (each fetched when its turn comes), and the pages that failed. */
export interface Crawl {
  list: SourceList<ArticleInput>
  failed: { path: string; error: string }[]
}

// An edition has a few dozen pages at most; the caps keep a misread site from being crawled whole.
const MAX_PAGES = 60
const MAX_REFRESH_HOPS = 3

/**
 * Walks an e-paper edition from a page list (node_N.htm), the site's entry page that refreshes to one,
 * or a single article: the edition's other pages in the same folder, then every article they link.
 * A page that fails is reported and the rest of the edition is still read.
 */
export async function crawlEdition(start: string, opts: CrawlOptions): Promise<Crawl> {
  const failed: Crawl['failed'] = []
  const first = await openEntry(start, opts.fetcher)
  if (first.kind === 'article') return { list: { files: [articleSource(first.url, {}, opts)], missing: [] }, failed }
  const hints = new Map<string, ArticleHints>()
  const seen = new Set([first.url])
  const queue: { url: string; list?: PageList }[] = [{ url: first.url, list: first.list }]
  const folder = folderOf(first.url)
  for (let next = queue.shift(); next && !opts.signal?.aborted; next = queue.shift()) {
    let list = next.list
    try {
      list ??= await fetchList(next.url, opts.fetcher)
    } catch (err) {
      failed.push({ path: next.url, error: errorMessage(err) })
      continue
    }
    for (const url of list.articles) {
      if (!hints.has(url)) hints.set(url, { ...(list.label && { label: list.label }), ...(list.paper && { paper: list.paper }) })
    }
    for (const page of list.pages) {
      if (seen.has(page) || folderOf(page) !== folder || seen.size >= MAX_PAGES) continue
      seen.add(page)
      queue.push({ url: page })
    }
  }
  const files = [...hints].map(([url, h]) => articleSource(url, h, opts))
  return { list: { files, missing: [] }, failed }
}

type Entry = { kind: 'article'; url: string } | { kind: 'list'; url: string; list: PageList }

async function openEntry(start: string, fetcher: PoliteFetcher): Promise<Entry> {
  let url = start
  for (let hop = 0; hop <= MAX_REFRESH_HOPS; hop++) {
    if (layoutOf(url)?.article.test(new URL(url).pathname)) return { kind: 'article', url }
    const r = okOrThrow(await fetcher.get(url))
    const list = parsePageList(r.body, r.url, r.charset)
    if (list.articles.length > 0 || list.pages.length > 0) return { kind: 'list', url: r.url, list }
    if (!list.refresh) break
    url = list.refresh
  }
  throw new InputError(`${start}: 不是电子报版面页（没有找到指向 content_N 文章的链接），请给出某一期的版面地址，例如 …/html/2024-06/01/node_1.htm`)
}

async function fetchList(url: string, fetcher: PoliteFetcher): Promise<PageList> {
  const r = okOrThrow(await fetcher.get(url))
  return parsePageList(r.body, r.url, r.charset)
}

function okOrThrow(r: FetchResult): Extract<FetchResult, { status: 'ok' }> {
  // Only article requests carry validators, and only when cached; a 304 to anything else is the server's mistake.
  if (r.status !== 'ok') throw new UpstreamError(`${r.url}: 网站答复“未修改”（304）却没有给出页面内容`)
  return r
}

/** One article as a source: fetched with its validators; a 304 keeps the stored copy without reading it. */
function articleSource(url: string, hints: ArticleHints, opts: CrawlOptions): SourceFile<ArticleInput> {
  const withMeta = { ...hints, ...(opts.meta && { meta: opts.meta }) }
  return {
    path: url,
    open: async () => {
      const cached = await opts.validators?.get(url)
      const r = await opts.fetcher.get(url, cached)
      if (r.status === 'not-modified' && cached) {
        return {
          // The same body read under the same hints and flags is the source the store already has.
          hash: epaperHash(cached.hash, withMeta),
          inBatches: false,
          // Only read when the store lost its copy (e.g. the article was removed): then fetch it whole again.
          records: async function* () {
            const fresh = okOrThrow(await opts.fetcher.get(url))
            yield* openEpaperArticle(url, fresh.body, { ...withMeta, ...(fresh.charset && { charset: fresh.charset }) }).records()
          },
        }
      }
      const page = okOrThrow(r)
      const read = { ...withMeta, ...(page.charset && { charset: page.charset }) }
      await opts.validators?.set(url, { ...page.validators, hash: sha1Hex(page.body) })
      return openEpaperArticle(url, page.body, read)
    },
  }
}

function folderOf(url: string): string {
  const u = new URL(url)
  return u.origin + u.pathname.replace(/[^/]*$/, '')
}
