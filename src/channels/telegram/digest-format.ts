import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types'
import type { Digest, DigestItem } from '../../digest/index.js'
import { encodeCallbackData } from './callback-data.js'
import { articleUrl } from '../links.js'
import { escapeHtml } from './format.js'
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from './split.js'

/** One Telegram message of a digest: HTML text and the buttons that open its items. */
export interface DigestMessage {
  text: string
  keyboard?: InlineKeyboardMarkup
}

const BUTTONS_PER_ROW = 8
// Telegram allows 100 inline buttons per message; a message also stops at 4096 characters first.
const MAX_ITEMS_PER_MESSAGE = 60

/**
 * A digest as Telegram messages: a header, then each area's items numbered 1…n (headline in bold,
 * the summary under it) with a numbered button per item that opens the article (`src:<id>:0`,
 * the same action as an answer's source buttons), or, given `linkFor`, that links to its web page. One message when it fits; otherwise it is split
 * between items, never inside one, and a section that continues is headed again with （续）.
 */
export function renderDigestMessages(
  digest: Digest,
  opts: { refFor?: (id: string) => string | undefined; linkFor?: (id: string) => string; limit?: number } = {},
): DigestMessage[] {
  const limit = opts.limit ?? TELEGRAM_MESSAGE_LIMIT
  const refFor = opts.refFor ?? ((id: string) => id)
  const button = (n: number, id: string): InlineKeyboardButton | undefined => {
    if (opts.linkFor) return { text: String(n), url: opts.linkFor(id) }
    const ref = refFor(id)
    const data = ref && encodeCallbackData({ kind: 'src', articleId: ref, page: 0 })
    return data ? { text: String(n), callback_data: data } : undefined
  }
  const messages: DigestMessage[] = []
  let text = digestHeader(digest)
  let items: { n: number; item: DigestItem }[] = []
  const flush = () => {
    messages.push({ text, ...keyboardFor(items, button) })
    ;[text, items] = ['', []]
  }
  let n = 0
  for (const section of digest.sections) {
    const heading = (suffix = '') => `<b>【${escapeHtml(section.heading)}${suffix}】</b>`
    section.items.forEach((item, i) => {
      const block = itemBlock(++n, item)
      let piece = i === 0 ? `\n\n${heading()}\n${block}` : `\n${block}`
      if (items.length > 0 && (text.length + piece.length > limit || items.length >= MAX_ITEMS_PER_MESSAGE)) {
        flush()
        piece = `${heading(i === 0 ? '' : '（续）')}\n${block}`
      }
      text += piece
      items.push({ n, item })
    })
  }
  if (text || messages.length === 0) flush()
  // An item is ~150 characters, so this only acts on a limit far below Telegram's.
  return messages.flatMap((m) => (m.text.length <= limit ? [m] : splitMessage(m.text, limit).map((t, i) => (i === 0 ? { ...m, text: t } : { text: t }))))
}

/** Links to the items' web pages when the web server has a public address (else the buttons open them in the chat). */
export function digestLinks(publicUrl: string | undefined): ((id: string) => string) | undefined {
  return publicUrl ? (id) => articleUrl(publicUrl, id) : undefined
}

/** The digest's first line: what it covers; or the note for a digest with nothing in it. */
function digestHeader(digest: Digest): string {
  if (digest.sections.length === 0) return digest.date ? `📰 ${escapeHtml(digest.date)} 的简报中没有符合你订阅条件的报道。` : '📰 还没有可以发送的简报。'
  const dates = digest.dates.length > 1 ? `${digest.dates.at(-1)} 至 ${digest.dates[0]}` : (digest.date ?? '')
  const papers = [...new Set(digest.sections.flatMap((s) => s.items.map((i) => i.paper)).filter(Boolean))]
  const count = digest.sections.reduce((k, s) => k + s.items.length, 0)
  const meta = [papers.join('、'), `${count} 篇`].filter(Boolean).join(' · ')
  return `<b>📰 每日简报 · ${escapeHtml(dates)}</b>\n<i>${escapeHtml(meta)}</i>\n点下方编号按钮阅读原文。`
}

function itemBlock(n: number, item: DigestItem): string {
  const summary = item.summary && item.summary !== item.title ? `\n${escapeHtml(item.summary)}` : ''
  return `${n}. <b>${escapeHtml(item.title)}</b>${summary}`
}

function keyboardFor(
  items: { n: number; item: DigestItem }[],
  button: (n: number, id: string) => InlineKeyboardButton | undefined,
): { keyboard?: InlineKeyboardMarkup } {
  const buttons = items.flatMap(({ n, item }) => button(n, item.id) ?? [])
  if (buttons.length === 0) return {}
  const rows: InlineKeyboardButton[][] = []
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + BUTTONS_PER_ROW))
  return { keyboard: { inline_keyboard: rows } }
}
