// Where an article's web page lives: the web channel serves it, the Telegram bot links to it
// when NEWSBOT_PUBLIC_URL is set. One definition, so the two cannot drift.

// A quote longer than this is cut: a prefix of a verbatim quote is still verbatim, and the link stays short.
const QUOTE_CHARS = 120

/** The path of an article page, with the passage to highlight. */
export function articlePath(id: string, quote?: string): string {
  const q = quote?.trim().slice(0, QUOTE_CHARS)
  return `/articles/${encodeURIComponent(id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`
}

/** The article page's address on the public web server. */
export function articleUrl(publicUrl: string, id: string, quote?: string): string {
  return publicUrl + articlePath(id, quote)
}
