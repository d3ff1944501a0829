import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from './split.js'

// Structurally the types of src/answer/types.ts, kept local until that module lands.
export interface SourceRef {
  title: string
  paper: string
  date: string | null
}

export interface Citation extends SourceRef {
  n: number
  id: string
  quote: string
}

export interface Answer {
  answer: string
  mode: 'llm' | 'extractive'
  abstained: boolean
  citations: Citation[]
  warnings: string[]
  suggestions?: (SourceRef & { id: string })[]
}

/** What an article page shows; a stored `Article` fits it. */
export interface ArticleView extends SourceRef {
  byline: string | null
  text: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
// Headline and meta line repeat on every page, so they must leave the body most of the room.
const HEADER_FIELD_MAX = 200

/** Escapes text for Telegram HTML; `"` too, so the result is also safe inside an attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!)
}

/**
 * An answer as Telegram HTML: the text, its numbered sources, suggestions when it abstained, and
 * warnings. All answer and article text is escaped, so model output can never become markup.
 * The result may exceed one message; send it through `splitMessage`.
 */
export function renderAnswer(answer: Answer): string {
  const blocks = [escapeHtml(answer.answer.trim())]
  if (answer.citations.length > 0) {
    blocks.push(['<b>来源</b>', ...answer.citations.map((c) => `[${c.n}] ${describeSource(c)}`)].join('\n'))
  }
  if (answer.abstained && answer.suggestions?.length) {
    blocks.push(['相关报道：', ...answer.suggestions.map((s) => `· ${describeSource(s)}`)].join('\n'))
  }
  if (answer.warnings.length > 0) blocks.push(`<i>注：${escapeHtml(answer.warnings.join('；'))}</i>`)
  return blocks.join('\n\n')
}

/** An article's full text as pages of Telegram HTML, each under `limit` and headed by the headline. */
export function renderArticlePages(article: ArticleView, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const title = `<b>${escapeHtml(clip(article.title.trim() || '（无标题）'))}</b>`
  const meta = [article.paper, article.date, article.byline].filter(Boolean).join(' · ')
  const header = meta ? `${title}\n<i>${escapeHtml(clip(meta))}</i>` : title
  const pages = splitMessage(escapeHtml(article.text.trim()), limit - header.length - 2)
  return pages.length > 0 ? pages.map((page) => `${header}\n\n${page}`) : [header]
}

/** `标题 · 报纸 · 日期`, escaped, leaving out what is unknown. */
function describeSource(s: SourceRef): string {
  return escapeHtml([s.title.trim() || '（无标题）', s.paper, s.date].filter(Boolean).join(' · '))
}

/** Shortens to HEADER_FIELD_MAX code points, never halving an emoji. */
function clip(s: string): string {
  const chars = Array.from(s)
  return chars.length <= HEADER_FIELD_MAX ? s : `${chars.slice(0, HEADER_FIELD_MAX - 1).join('')}…`
}
