import { parsePageText } from './page-text.js'
import { inferPaper, readMasthead } from './page-origin.js'
import type { PageMeta, ParsedArticle } from './types.js'

/** One page of an issue as page text laid out from positions (see layout/), with its page number. */
export interface IssuePage {
  page: string
  text: string
}

/**
 * The articles of the pages of one issue (a PDF): what the issue prints once holds for every page. The
 * date of the first masthead or folio that prints one, and the paper the pages name, go to the pages that
 * do not say (inner pages often print neither), marked inferred unless `meta` gives them.
 */
export function parseIssue(pages: IssuePage[], meta: PageMeta): ParsedArticle[] {
  const issueDate = meta.issueDate ?? pages.map((p) => readMasthead(p.text).date).find(Boolean)
  const paper = meta.paper ?? inferPaper(pages.map((p) => p.text).join('\n'))
  const shared: PageMeta = {
    ...meta,
    ...(issueDate !== undefined && { issueDate, dateInferred: meta.issueDate ? meta.dateInferred : true }),
    ...(paper !== undefined && { paper, paperInferred: meta.paper !== undefined ? meta.paperInferred : true }),
  }
  return pages.flatMap((p) => parsePageText(p.text, { ...shared, page: p.page }, { linesAreParagraphs: true }))
}
