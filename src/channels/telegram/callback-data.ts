/** Telegram refuses inline buttons whose callback data exceeds this many UTF-8 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64

/**
 * What an inline button asks for:
 * - `src`: send page `page` of a cited article as a new message;
 * - `page`: show page `page` of an article in the message that holds the button.
 */
export interface CallbackAction {
  kind: 'src' | 'page'
  articleId: string
  page: number
}

const KINDS: readonly string[] = ['src', 'page'] satisfies CallbackAction['kind'][]
// Article pages are few; six digits keeps the number well inside the 64 bytes and out of float trouble.
const PAGE_RE = /^(0|[1-9]\d{0,5})$/
// A lone surrogate reaches Telegram as U+FFFD, so the id would not come back as sent.
const LONE_SURROGATE_RE = /\p{Cs}/u

/**
 * `kind:articleId:page`, or null when it would not fit in 64 bytes (an over-long article id:
 * the caller then needs a short alias for it) or the page is not a small non-negative integer.
 */
export function encodeCallbackData(action: CallbackAction): string | null {
  if (action.articleId === '' || LONE_SURROGATE_RE.test(action.articleId)) return null
  if (!PAGE_RE.test(String(action.page))) return null
  const data = `${action.kind}:${action.articleId}:${action.page}`
  return fitsCallbackData(data) ? data : null
}

/** The action in a button's data, or null for anything this bot did not encode. Never throws. */
export function decodeCallbackData(data: unknown): CallbackAction | null {
  if (typeof data !== 'string' || !fitsCallbackData(data)) return null
  // The id sits between the first and the last colon, so ids that contain colons survive.
  const first = data.indexOf(':')
  const last = data.lastIndexOf(':')
  if (first < 0 || last <= first + 1) return null
  const kind = data.slice(0, first)
  const page = data.slice(last + 1)
  if (!KINDS.includes(kind) || !PAGE_RE.test(page)) return null
  return { kind: kind as CallbackAction['kind'], articleId: data.slice(first + 1, last), page: Number(page) }
}

/** True when Telegram accepts `data` as a button's callback data (1–64 bytes of UTF-8). */
export function fitsCallbackData(data: string): boolean {
  const bytes = Buffer.byteLength(data, 'utf8')
  return bytes >= 1 && bytes <= CALLBACK_DATA_MAX_BYTES
}
