/**
 * Where an e-paper edition keeps things: the address shapes of its page lists and articles, and the
 * selectors of an article's fields. One adapter reads every layout through these objects, so a new
 * site template is a new entry here, not new code.
 */
export interface EpaperLayout {
  name: string
  /** A page list (版面): html/2020-06/03/node_2.htm, layout/202005/01/node_01.html. */
  pageList: RegExp
  /** An article: html/2020-06/03/content_101.htm, content/202005/01/content_201.html. */
  article: RegExp
  /** The issue date in an address: groups year, month, day. */
  datePath: RegExp
  /** CSS selectors; the first element matched gives the field. Missing fields come from the enpproperty comment. */
  selectors: {
    title: string
    content: string
    author?: string
    subtitle?: string
    introTitle?: string
    /** The page label printed on list and article pages: 第01版：要闻. */
    pageLabel: string
  }
}

/** Founder (方正) 数字报 as most district papers still run it: html/YYYY-MM/DD/node_N.htm. */
export const FOUNDER_CLASSIC: EpaperLayout = {
  name: 'founder-classic',
  pageList: /\/html\/\d{4}-\d{2}\/\d{2}\/node_\d+\.html?$/i,
  article: /\/html\/\d{4}-\d{2}\/\d{2}\/content_\d+(?:_\d+)?\.html?$/i,
  datePath: /\/html\/(\d{4})-(\d{2})\/(\d{2})\//,
  selectors: {
    title: 'founder-title',
    content: 'founder-content',
    author: 'founder-author',
    pageLabel: 'td.px12, .ban',
  },
}

/** The newer Founder template: layout/YYYYMM/DD/node_01.html listing content/YYYYMM/DD/content_N.html. */
export const FOUNDER_LAYOUT: EpaperLayout = {
  name: 'founder-layout',
  pageList: /\/layout\/\d{6}\/\d{2}\/node_\d+\.html?$/i,
  article: /\/content\/\d{6}\/\d{2}\/content_\d+(?:_\d+)?\.html?$/i,
  datePath: /\/(?:layout|content)\/(\d{4})(\d{2})\/(\d{2})\//,
  selectors: {
    title: '.article h1, h1',
    content: '#ozoom, .article-content',
    author: '.article .author',
    subtitle: '.article .subtitle, .article h2',
    introTitle: '.article .pretitle, .article h3',
    pageLabel: '.ban, .paper-bot .left',
  },
}

export const LAYOUTS: readonly EpaperLayout[] = [FOUNDER_CLASSIC, FOUNDER_LAYOUT]

/** The layout whose page-list or article address the path or URL has. */
export function layoutOf(address: string): EpaperLayout | undefined {
  const path = address.replace(/[?#].*$/, '').replace(/\\/g, '/')
  return LAYOUTS.find((l) => l.pageList.test(path) || l.article.test(path))
}

/** The issue date (YYYY-MM-DD) an address names, if it follows a known layout. */
export function dateOfAddress(address: string): string | undefined {
  const path = address.replace(/\\/g, '/')
  for (const l of LAYOUTS) {
    const m = l.datePath.exec(path)
    if (m) return `${m[1]}-${m[2]}-${m[3]}`
  }
  return undefined
}
