import robotsModule from 'robots-parser'
import { UpstreamError } from '../../errors.js'

/** What a server said about a page's version, sent back on the next request (If-None-Match, If-Modified-Since). */
export interface Validators {
  etag?: string
  lastModified?: string
}

export type FetchResult =
  | { status: 'ok'; url: string; body: Buffer; charset?: string; validators: Validators }
  | { status: 'not-modified'; url: string }

/** Fetches pages one at a time, with a pause between requests, as robots.txt allows. */
export interface PoliteFetcher {
  get(url: string, validators?: Validators): Promise<FetchResult>
}

export interface FetcherOptions {
  /** The least pause between the end of one request and the start of the next (robots.txt Crawl-delay may ask more). */
  delayMs: number
  /** For the whole request, body included. */
  timeoutMs: number
  userAgent?: string
}

export const USER_AGENT = 'newsbot/0.1 (e-paper reader; +https://github.com/newsbot)'
// The robots.txt group newsbot obeys; a site's rules for '*' apply when none names it.
const ROBOT_NAME = 'newsbot'
// An e-paper page is tens of kilobytes; a response this large is not one.
const MAX_BODY_BYTES = 10 * 1024 * 1024
// A Crawl-delay above this is treated as this, so one page list cannot stall a morning for hours.
const MAX_CRAWL_DELAY_MS = 30_000

interface RobotsTxt {
  isDisallowed(url: string, ua?: string): boolean | undefined
  getCrawlDelay(ua?: string): number | undefined
}
type Robots = RobotsTxt | null
// robots-parser's types declare an ES default export, but the package is CommonJS: under NodeNext the
// default import is module.exports, which is the parser function itself.
const robotsParser = robotsModule as unknown as (url: string, contents: string) => RobotsTxt

/** A fetcher over Node's fetch: serial requests, a delay, robots.txt per origin, a User-Agent, a timeout. */
export function createPoliteFetcher(opts: FetcherOptions): PoliteFetcher {
  const userAgent = opts.userAgent ?? USER_AGENT
  const robots = new Map<string, Promise<Robots>>()
  let queue: Promise<unknown> = Promise.resolve()
  let lastEnd = 0
  let delayMs = opts.delayMs

  /** Runs one request after the ones before it, and after the pause. */
  const inTurn = <T>(request: () => Promise<T>): Promise<T> => {
    const turn = queue.then(async () => {
      const wait = lastEnd + delayMs - Date.now()
      if (lastEnd > 0 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      try {
        return await request()
      } finally {
        lastEnd = Date.now()
      }
    })
    queue = turn.catch(() => undefined)
    return turn
  }

  const robotsFor = (url: URL): Promise<Robots> => {
    const known = robots.get(url.origin)
    if (known) return known
    const robotsUrl = `${url.origin}/robots.txt`
    const loaded = inTurn(() => request(robotsUrl, {}, userAgent, opts.timeoutMs))
      .then((r) => (r.status === 'ok' ? robotsParser(robotsUrl, r.body.toString('utf8')) : null))
      // No robots.txt (404) or none reachable: nothing is disallowed, as crawlers agree.
      .catch(() => null)
      .then((parsed) => {
        const crawlDelay = parsed?.getCrawlDelay(ROBOT_NAME)
        if (crawlDelay) delayMs = Math.max(delayMs, Math.min(crawlDelay * 1000, MAX_CRAWL_DELAY_MS))
        return parsed
      })
    robots.set(url.origin, loaded)
    return loaded
  }

  return {
    async get(address, validators = {}) {
      const url = new URL(address)
      if ((await robotsFor(url))?.isDisallowed(url.href, ROBOT_NAME)) {
        throw new UpstreamError(`${address}: 网站的 robots.txt 不允许抓取这个地址，已跳过`)
      }
      return inTurn(() => request(url.href, validators, userAgent, opts.timeoutMs))
    },
  }
}

async function request(url: string, validators: Validators, userAgent: string, timeoutMs: number): Promise<FetchResult> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html,*/*;q=0.8' }
  if (validators.etag) headers['if-none-match'] = validators.etag
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
  try {
    const res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) })
    if (res.status === 304) return { status: 'not-modified', url: res.url || url }
    if (!res.ok) {
      await res.body?.cancel()
      throw new UpstreamError(describeStatus(url, res.status), { retryable: res.status >= 500 })
    }
    if (Number(res.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      await res.body?.cancel()
      throw new UpstreamError(`${url}: 页面超过 ${MAX_BODY_BYTES >> 20} MB，不像电子报页面，已跳过`)
    }
    const body = Buffer.from(await res.arrayBuffer())
    const charset = /charset=["']?([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1]
    const etag = res.headers.get('etag') ?? undefined
    const lastModified = res.headers.get('last-modified') ?? undefined
    return {
      status: 'ok',
      url: res.url || url,
      body,
      ...(charset && { charset }),
      validators: { ...(etag && { etag }), ...(lastModified && { lastModified }) },
    }
  } catch (err) {
    if (err instanceof UpstreamError) throw err
    throw new UpstreamError(describeFailure(url, err, timeoutMs), { cause: err, retryable: true })
  }
}

function describeStatus(url: string, status: number): string {
  if (status === 404 || status === 410) return `${url}: 网站返回 ${status}，页面不存在（这一期可能还没有发布）`
  return `${url}: 网站返回 HTTP ${status}，稍后再试`
}

function describeFailure(url: string, err: unknown, timeoutMs: number): string {
  const name = err instanceof Error ? err.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') return `${url}: ${timeoutMs / 1000} 秒内没有响应，已放弃`
  const code = (err as { cause?: { code?: string } })?.cause?.code
  return `${url}: 无法连接网站${code ? `（${code}）` : ''}，请检查地址和网络`
}
