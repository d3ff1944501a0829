import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

/** A logged-in operator: the token every form of the console must carry back. */
export interface AdminSession {
  csrf: string
  expires: number
  /** What the last upload did, shown on the page the upload redirects to. */
  lastUpload?: { name: string; added?: number; updated?: number; unchanged?: number; removed?: number; failed: string[] }[]
}

const SESSION_COOKIE = 'newsbot_admin'
// Before login there is no session: the login form's token is tied to a cookie of its own (double submit).
const LOGIN_COOKIE = 'newsbot_login'
const SESSION_MS = 8 * 60 * 60 * 1000

export interface AdminAuth {
  /** True when `password` is the console's password (compared in constant time). */
  checkPassword(password: string): boolean
  /** The session the request's cookie names, if it is still valid. */
  session(c: Context): AdminSession | undefined
  /** Starts a session and sets its cookie. */
  login(c: Context): void
  logout(c: Context): void
  /** The login form's token, set as a cookie too when the browser has none yet. */
  loginToken(c: Context): string
  /** True when the login form came back with the token of its cookie. */
  checkLoginToken(c: Context, token: unknown): boolean
}

/** Sessions live in memory: a restart logs the operator out, which is the safe side. */
export function createAdminAuth(password: string, now: () => number = Date.now): AdminAuth {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  const expected = digest(password)
  const sessions = new Map<string, AdminSession>()
  const cookie = (c: Context) => ({
    path: '/admin',
    httpOnly: true,
    sameSite: 'Strict' as const,
    secure: new URL(c.req.url).protocol === 'https:',
  })
  return {
    checkPassword: (given) => timingSafeEqual(digest(given), expected),
    session(c) {
      const token = getCookie(c, SESSION_COOKIE)
      const s = token ? sessions.get(token) : undefined
      if (!s || s.expires <= now()) return undefined
      return s
    },
    login(c) {
      for (const [k, s] of sessions) if (s.expires <= now()) sessions.delete(k)
      const token = randomToken()
      sessions.set(token, { csrf: randomToken(), expires: now() + SESSION_MS })
      setCookie(c, SESSION_COOKIE, token, { ...cookie(c), maxAge: SESSION_MS / 1000 })
      deleteCookie(c, LOGIN_COOKIE, cookie(c))
    },
    logout(c) {
      const token = getCookie(c, SESSION_COOKIE)
      if (token) sessions.delete(token)
      deleteCookie(c, SESSION_COOKIE, cookie(c))
    },
    loginToken(c) {
      const have = getCookie(c, LOGIN_COOKIE)
      if (have && /^[\w-]{43}$/.test(have)) return have
      const token = randomToken()
      setCookie(c, LOGIN_COOKIE, token, cookie(c))
      return token
    },
    checkLoginToken: (c, token) => sameToken(getCookie(c, LOGIN_COOKIE), token),
  }
}

/** True when a form's token is the expected one (constant time). */
export function sameToken(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string' || given.length !== expected.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected))
}

function randomToken(): string {
  return randomBytes(32).toString('base64url')
}
