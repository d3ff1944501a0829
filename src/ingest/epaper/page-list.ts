import { LAYOUTS } from './layouts.js'
import { loadHtml, paperFromTitle, parsePageLabel, type PageLabel } from './markup.js'

/** One page (版) of an edition as its list page shows it: label, paper, the articles and the other pages. */
export interface PageList {
  label?: PageLabel
  paper?: string
  /** Absolute addresses of the articles on this page, in page order, each once. */
  articles: string[]
  /** Absolute addresses of the edition's page lists linked from here (this one included when it links itself). */
  pages: string[]
  /** Where a `<meta http-equiv="refresh">` entry page sends the reader (index.htm → today's node_1.htm). */
  refresh?: string
}

/** Reads a page list (node_N.htm); `base` is its absolute address (http: or file:), which links resolve against. */
export function parsePageList(bytes: Buffer, base: string, charset?: string): PageList {
  const $ = loadHtml(bytes, charset)
  const links = $('a[href], area[href]')
    .map((_, el) => resolve($(el).attr('href')!, base))
    .get()
    .filter((u): u is string => u !== undefined)
  const path = (u: string) => new URL(u).pathname
  const labels = LAYOUTS.map((l) => l.selectors.pageLabel).join(', ')
  const refresh = /url\s*=\s*['"]?([^'"\s;]+)/i.exec($('meta[http-equiv="refresh" i]').attr('content') ?? '')?.[1]
  const list: PageList = {
    articles: unique(links.filter((u) => LAYOUTS.some((l) => l.article.test(path(u))))),
    pages: unique(links.filter((u) => LAYOUTS.some((l) => l.pageList.test(path(u))))),
  }
  const label = parsePageLabel($(labels).first().text())
  const paper = paperFromTitle($('title').first().text())
  if (label) list.label = label
  if (paper) list.paper = paper
  if (refresh) list.refresh = resolve(refresh, base)
  return list
}

function resolve(href: string, base: string): string | undefined {
  try {
    const u = new URL(href.trim(), base)
    u.hash = ''
    return /^(?:https?|file):$/.test(u.protocol) ? u.href : undefined
  } catch {
    return undefined
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)]
}
