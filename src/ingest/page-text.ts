import { arrangeBodies } from './arrange.js'
import { readBlocks } from './blocks.js'
import type { Block } from './blocks.js'
import { mergeBylines } from './bylines.js'
import type { Byline } from './bylines.js'
import { findEventDate, inferIssueDate } from './dates.js'
import { inferPaper, readMasthead } from './page-origin.js'
import { pairHeadlines } from './headlines.js'
import type { Pairing } from './headlines.js'
import { segmentBlocks } from './segment.js'
import type { PageMeta, ParsedArticle } from './types.js'

/** How page text was made: OCR'd text as printed (lines broken at column width), or laid out from positions. */
export interface PageTextOptions {
  /** Each line is a whole paragraph (layout/ rejoined the column's lines): do not rejoin them by width. */
  linesAreParagraphs?: boolean
}

/**
 * Splits one OCR'd newspaper page into articles: headline, subheadline, section, dateline, byline and
 * body paragraphs. Paper, issue date and page come from `meta`; without them the issue date is inferred
 * from the page's text (dateInferred) and the paper from its masthead or running text (paperInferred).
 */
export function parsePageText(page: string, meta: PageMeta, opts: PageTextOptions = {}): ParsedArticle[] {
  // The masthead (paper name, date) is not a headline; the date it prints is the issue's.
  const masthead = readMasthead(page)
  const text = page.split('\n').slice(masthead.lines).join('\n')
  const blocks = readBlocks(text, opts.linesAreParagraphs)
  const drafts = segmentBlocks(blocks)
  const pairs = pairHeadlines(blocks, drafts)
  const bodies = arrangeBodies(blocks, drafts, pairs)
  let section: string | undefined
  const articles = drafts.flatMap((_, k) => {
    section = pairs[k]!.section ?? section
    const a = buildArticle(blocks, bodies[k]!, pairs[k]!, section)
    return a.text ? [a] : []
  })
  const issueDate = meta.issueDate ?? masthead.date ?? inferIssueDate(text, articles.map((a) => a.text))
  const dateInferred = meta.issueDate ? (meta.dateInferred ?? false) : issueDate !== undefined
  const paper = meta.paper ?? inferPaper(page)
  const paperInferred = meta.paper !== undefined ? (meta.paperInferred ?? false) : paper !== undefined
  return articles.map((a) => {
    const eventDate = findEventDate(a.text, issueDate)
    return {
      ...a,
      ...(paper !== undefined && { paper }),
      ...(paperInferred && { paperInferred }),
      ...(issueDate !== undefined && { issueDate }),
      dateInferred,
      ...(meta.page !== undefined && { page: meta.page }),
      ...(eventDate !== undefined && { eventDate }),
    }
  })
}

function buildArticle(blocks: Block[], body: number[], p: Pairing, section: string | undefined): ParsedArticle {
  const heads = p.headline.map((i) => blocks[i]!.paragraphs[0]!)
  // A later headline line that reads as a sentence (二七区规范督查工作，确保…) is the subheadline.
  const subtitle = heads.slice(1).filter((h) => /[，,]/.test(h))
  const title = heads.filter((h) => !subtitle.includes(h)).join(' ')
  const paragraphs: string[] = []
  let byline: Byline | undefined
  let dateline: Block['dateline']
  for (const i of body) {
    const b = blocks[i]!
    if (b.kind === 'byline') byline = byline ? mergeBylines(byline, b.byline!) : b.byline
    else paragraphs.push(...b.paragraphs)
    dateline ??= b.dateline
  }
  return {
    title,
    ...(subtitle.length && { subtitle: subtitle.join(' ') }),
    ...(section !== undefined && { section }),
    ...(dateline && { dateline: dateline.text }),
    ...(byline && { byline: byline.text }),
    reporters: unique([...(dateline?.reporters ?? []), ...(byline?.reporters ?? [])]),
    correspondents: unique([...(dateline?.correspondents ?? []), ...(byline?.correspondents ?? [])]),
    text: paragraphs.join('\n'),
    dateInferred: false,
  }
}

function unique(names: string[]): string[] {
  return [...new Set(names)]
}
