import type { Answer } from '../../answer/index.js'
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from './split.js'
import { redactForUser } from './user-text.js'
export type { Citation } from '../../answer/index.js'

/** What a source line shows. */
export interface SourceRef {
  title: string
  paper: string
  date: string | null
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
 * The result may exceed one message; `renderAnswerParts` splits it.
 */
export function renderAnswer(answer: Answer): string {
  return [renderAnswerText(answer), renderAnswerNotes(answer)].filter(Boolean).join('\n\n')
}

/** The answer as messages under `limit`, its sources, suggestions and warnings kept whole in the last one. */
export function renderAnswerParts(answer: Answer, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const parts = splitMessage(renderAnswerText(answer), limit)
  const notes = renderAnswerNotes(answer)
  if (!notes) return parts
  const last = parts.at(-1)
  if (last !== undefined && last.length + 2 + notes.length <= limit) return [...parts.slice(0, -1), `${last}\n\n${notes}`]
  return [...parts, ...splitMessage(notes, limit)]
}

/** The answer's own text, escaped, after the fallback notice when there is one. */
export function renderAnswerText(answer: Answer): string {
  const text = escapeHtml(answer.answer.trim())
  return answer.notice ? `<i>${escapeHtml(answer.notice)}</i>\n\n${text}` : text
}

/** The numbered sources as one block, or '' when there are none. */
export function renderSources(sources: (SourceRef & { n: number })[]): string {
  if (sources.length === 0) return ''
  return ['<b>来源</b>', ...sources.map((c) => `[${c.n}] ${describeSource(c)}`)].join('\n')
}

/** Sources, suggestions and warnings: what follows the answer's text. */
function renderAnswerNotes(answer: Answer): string {
  const blocks = [renderSources(answer.citations)]
  // The extractive answerer may already name them in its text as 《headline》; say each once.
  const unnamed = answer.suggestions?.filter((s) => !s.title || !answer.answer.includes(`《${s.title}》`)) ?? []
  if (answer.abstained && unnamed.length > 0) {
    blocks.push(['相关报道：', ...unnamed.map((s) => `· ${describeSource(s)}`)].join('\n'))
  }
  // Warnings are written for the CLI's operator too; a chat sees them without addresses or settings.
  const warnings = answer.warnings.map(redactForUser).filter(Boolean)
  if (warnings.length > 0) blocks.push(`<i>注：${escapeHtml(warnings.join('；'))}</i>`)
  return blocks.filter(Boolean).join('\n\n')
}

/** An article's full text as pages of Telegram HTML, each under `limit` and headed by the headline. */
export function renderArticlePages(article: ArticleView, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const title = `<b>${escapeHtml(clipChars(article.title.trim() || '（无标题）', HEADER_FIELD_MAX))}</b>`
  const meta = [article.paper, article.date, article.byline].filter(Boolean).join(' · ')
  const header = meta ? `${title}\n<i>${escapeHtml(clipChars(meta, HEADER_FIELD_MAX))}</i>` : title
  const pages = splitMessage(escapeHtml(article.text.trim()), limit - header.length - 2)
  return pages.length > 0 ? pages.map((page) => `${header}\n\n${page}`) : [header]
}

/** `标题 · 报纸 · 日期`, escaped, leaving out what is unknown. */
export function describeSource(s: SourceRef): string {
  return escapeHtml([s.title.trim() || '（无标题）', s.paper, s.date].filter(Boolean).join(' · '))
}

/** Shortens to `max` code points, marking the cut with an ellipsis and never halving an emoji. */
export function clipChars(s: string, max: number): string {
  const chars = Array.from(s)
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`
}
