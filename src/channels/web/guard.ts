import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AddressLimiter } from './rate-limit.js'

export type Limit = MiddlewareHandler

/** An error as the API gives it: `{error: "一句中文"}`. */
export function jsonError(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ error: message }, status)
}

/** The per-address limit on asking and searching; over it, 429 with Retry-After (JSON for the API, a page otherwise). */
export function createLimit(limiter: AddressLimiter, page: (c: Context, retryAfter: number) => Response | Promise<Response>): Limit {
  return async (c, next) => {
    const taken = await limiter.take(clientAddress(c))
    if (taken.ok) return next()
    c.header('Retry-After', String(taken.retryAfter))
    if (c.req.path.startsWith('/api/')) return jsonError(c, 429, `提问太频繁了，请 ${taken.retryAfter} 秒后再试。`)
    return page(c, taken.retryAfter)
  }
}

// Behind a reverse proxy every request comes from the proxy: the limit is then per proxy, not per reader.
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
