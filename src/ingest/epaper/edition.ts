import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ArticleHints } from './article.js'
import { parsePageList } from './page-list.js'

// A saved edition (html/YYYY-MM/DD/node_N.htm + content_N.htm, or layout/… + content/…) read from disk:
// its page lists are not sources themselves; they tell each article its page and paper.

const PAGE_LIST = /(?:^|[\\/])node_\d+\.html?$/i
const HTML = /\.s?html?$/i
// A page list is a few kilobytes; a larger "node" file is not one and is left to fail as an article.
const MAX_LIST_BYTES = 2 * 1024 * 1024

/** True for a file read as e-paper HTML (an article page, or a page list that only gives hints). */
export function isHtmlPath(path: string): boolean {
  return HTML.test(path)
}

/** True for a page list (node_N.htm), which ingest reads for its links and does not store. */
export function isPageListPath(path: string): boolean {
  return PAGE_LIST.test(path)
}

/** For each article file linked from the given page lists: the page label and paper its list shows. */
export function readSavedPageLists(pageLists: string[]): Map<string, ArticleHints> {
  const hints = new Map<string, ArticleHints>()
  for (const file of pageLists) {
    let list
    try {
      if (statSync(file).size > MAX_LIST_BYTES) continue
      list = parsePageList(readFileSync(file), pathToFileURL(file).href)
    } catch {
      continue // an unreadable list only costs its articles their page label
    }
    for (const url of list.articles) {
      if (!url.startsWith('file:')) continue
      hints.set(fileURLToPath(url), { ...(list.label && { label: list.label }), ...(list.paper && { paper: list.paper }) })
    }
  }
  return hints
}
