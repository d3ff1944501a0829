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
