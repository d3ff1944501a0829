import { basename } from 'node:path'
import { formatDate } from './dates.js'
import type { PageMeta } from './types.js'

// A paper's name as printed in a masthead or a file name: 经开时报, 二七区新闻, 郑州日报.
const PAPER = /[\u4e00-\u9fff]{2,6}(?:时报|日报|晚报|周报|新闻)/g
// Words that run into a paper's name in a sentence (据经开时报报道): cut off before counting.
const LEAD_IN = /^(?:据|本|在|由|记者|召开|发布|相关|有关|刊登)+/

/**
 * The paper a page names itself: a name standing alone on one of its first lines (the masthead), or
 * one it prints at least twice (本报 stories credit 经开时报 in the running text). Undefined otherwise.
 */
export function inferPaper(text: string): string | undefined {
  const top = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 5)
  const masthead = top.find((l) => new RegExp(`^${PAPER.source}$`).test(l.replace(/\s+/g, '')))
  if (masthead) return masthead.replace(/\s+/g, '')
  const counts = new Map<string, number>()
  for (const [match] of text.matchAll(PAPER)) {
    const name = match.replace(LEAD_IN, '')
    if (name.length >= 4) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  const [best] = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1])
  return best?.[0]
}

/**
 * What a page file's name says about it: 经开时报_2023-11-15_第2版.txt, 20231115-p2.txt. Only
 * real days count as dates; the result is marked inferred (a name is a hint, not a manifest).
 */
export function metaFromFileName(path: string): PageMeta {
  const name = basename(path).replace(/\.[^.]+$/, '')
  const meta: PageMeta = {}
  const d = /(?<!\d)((?:19|20)\d{2})[-_.年]?(\d{2})[-_.月]?(\d{2})(?!\d)/.exec(name)
  const date = d ? formatDate(Number(d[1]), Number(d[2]), Number(d[3])) : undefined
  if (date) Object.assign(meta, { issueDate: date, dateInferred: true })
  const paper = new RegExp(PAPER.source).exec(name)?.[0]
  if (paper) Object.assign(meta, { paper, paperInferred: true })
  const page = /第(\d{1,2})版|(?:^|[-_ ])(?:p|page)(\d{1,2})(?:$|[-_ ])/i.exec(name)
  if (page) meta.page = String(Number(page[1] ?? page[2]))
  return meta
}

// A masthead line: the paper's name, its date (2023年12月6日 星期三), or both, maybe with 第N版.
const MASTHEAD_LINE = new RegExp(
  `^(?:${PAPER.source})?\\s*(?:((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日)?\\s*(?:星期[一二三四五六日天]|周[一二三四五六日])?\\s*(?:第\\s*\\d{1,2}\\s*版)?$`,
)

/**
 * The masthead at the top of a page (paper name and date lines, before the first headline): those
 * lines, which must not be read as a headline, and the date they print. Nothing when the page has none.
 */
export function readMasthead(text: string): { lines: number; date?: string } {
  const lines = text.split('\n')
  let date: string | undefined
  let end = 0
  for (let i = 0; i < lines.length && i < 8; i++) {
    const line = lines[i]!.replace(/\s+/g, ' ').trim()
    if (line === '') continue
    const m = MASTHEAD_LINE.exec(line)
    if (!m || !/\d|报|新闻/.test(line)) break
    if (m[1]) date = formatDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? date
    end = i + 1
  }
  return end === 0 ? { lines: 0 } : { lines: end, ...(date && { date }) }
}
