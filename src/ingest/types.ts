import type { Span } from './passages.js'

/** What a paper, date and page are known to be before a file is read (manifest, CLI flags). */
export interface PageMeta {
  paper?: string
  /** YYYY-MM-DD */
  issueDate?: string
  /** True when issueDate is an estimate (e.g. a manifest's guess from the text). */
  dateInferred?: boolean
  /** True when paper is a guess (from the file name), not given. */
  paperInferred?: boolean
  page?: string
}

/** One article as read from a source file, before it has an id or a place in the store. */
export interface ParsedArticle {
  /** Kept when the source gives one (JSONL); otherwise the store derives a stable id. */
  id?: string
  title: string
  subtitle?: string
  /** The kicker printed above the headline (引题), as e-paper editions give it. */
  introTitle?: string
  /** Section label printed above the article, e.g. 党建连连看. */
  section?: string
  /** The dateline as printed: 本报讯, 本报讯(记者付凯明), 本报记者 郭树勋. */
  dateline?: string
  /** The byline as printed, e.g. 记者 鲁慧 通讯员 黄帅 郑茜茜 文/图. */
  byline?: string
  reporters: string[]
  correspondents: string[]
  /** Body paragraphs joined by '\n', without headline, dateline or byline. */
  text: string
  paper?: string
  /** True when paper was not given but read from the page's masthead, text or file name. */
  paperInferred?: boolean
  /** YYYY-MM-DD */
  issueDate?: string
  /** True when issueDate was not given but estimated from the text. */
  dateInferred: boolean
  page?: string
  url?: string
  /** YYYY-MM-DD: the date the lead gives for the event (6月1日上午), resolved against the issue date. */
  eventDate?: string
  /** Lines OCR read with low confidence, as they appear in the title, dateline, text or byline. */
  uncertain?: string[]
  /** Where on its page a PDF or image article was read from. */
  region?: PageRegion
}

/** A part of a page as shares of its width and height (0–1), from its top left corner. */
export interface PageRegion {
  x: number
  y: number
  width: number
  height: number
}

/** An article ready to store: parsed fields plus its id, fingerprint and passage spans (offsets into text). */
export interface ArticleInput extends ParsedArticle {
  id: string
  contentHash: string
  passages: Span[]
}
