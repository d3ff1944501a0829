import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { listenLocal } from './http.js'

export const EPAPER_FIXTURES = fileURLToPath(new URL('../fixtures/epaper/', import.meta.url))

/** One request as the e-paper site saw it. */
export interface SeenRequest {
  path: string
  status: number
  userAgent: string
  ifModifiedSince?: string
  ifNoneMatch?: string
}

export interface EpaperSiteOptions {
  /** The robots.txt body; none means the site has no robots.txt (404). */
  robots?: string
  /** Paths answered 404 although the file exists. */
  missing?: string[]
  /** Paths whose answer is held this long (ms) before it starts. */
  slow?: Record<string, number>
  /** Where `/` sends the reader (a 302, as a site's front page does to today's issue). */
  home?: string
}

// One fixed Last-Modified for every fixture: the site serves yesterday's pages unchanged.
const LAST_MODIFIED = 'Tue, 02 Jun 2020 22:00:00 GMT'

/**
 * Serves tests/fixtures/epaper/ on 127.0.0.1 like a Founder e-paper site: Last-Modified and ETag on every
 * page, 304 to a matching If-Modified-Since / If-None-Match, robots.txt, 404s and slow pages on request.
 */
export async function startEpaperSite(opts: EpaperSiteOptions = {}) {
  const seen: SeenRequest[] = []
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const record = (status: number) =>
      seen.push({
        path,
        status,
        userAgent: req.headers['user-agent'] ?? '',
        ...(req.headers['if-modified-since'] && { ifModifiedSince: req.headers['if-modified-since'] }),
        ...(req.headers['if-none-match'] && { ifNoneMatch: req.headers['if-none-match'] }),
      })
    const answer = () => {
      if (path === '/robots.txt' && opts.robots !== undefined) {
        record(200)
        return res.writeHead(200, { 'content-type': 'text/plain' }).end(opts.robots)
      }
      if (path === '/' && opts.home) {
        record(302)
        return res.writeHead(302, { location: opts.home }).end()
      }
      const file = EPAPER_FIXTURES + path.replace(/^\/+/, '')
      if (opts.missing?.includes(path) || path.includes('..') || !isFile(file)) {
        record(404)
        return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404 Not Found</h1>')
      }
      const body = readFileSync(file)
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`
      if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === LAST_MODIFIED) {
        record(304)
        return res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED }).end()
      }
      record(200)
      // Founder servers send no charset for old GB2312 pages; the page's meta tag names it.
      res.writeHead(200, { 'content-type': 'text/html', etag, 'last-modified': LAST_MODIFIED }).end(body)
    }
    const delay = opts.slow?.[path]
    if (delay) setTimeout(answer, delay)
    else answer()
  })
  const { baseURL, close } = await listenLocal(server)
  return { origin: baseURL.replace(/\/v1$/, ''), seen, close }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
