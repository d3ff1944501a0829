import { load, type CheerioAPI } from 'cheerio'
import { InputError } from '../../errors.js'
import { mergeBylines, parseByline, parseDateline, splitTrailingByline, type Byline } from '../bylines.js'
import { findEventDate } from '../dates.js'
import { stripDateline } from '../dateline.js'
import { parseLooseDate } from '../record-date.js'
import type { PageMeta, ParsedArticle } from '../types.js'
import { dateOfAddress, layoutOf, LAYOUTS, type EpaperLayout } from './layouts.js'
import { loadHtml, parsePageLabel, paperFromTitle, readEnpProperty, sliceEnpContent, type PageLabel } from './markup.js'

/** What is known about an article page before it is read: its page (from the list that linked it), flags. */
export interface ArticleHints {
  meta?: PageMeta
  /** The page label of the list that linked the article, used when the article page prints none. */
  label?: PageLabel
  /** The paper named by the list page's title (newer templates title articles by headline only). */
  paper?: string
  /** The charset of the HTTP Content-Type header, which wins over the page's own meta tag. */
  charset?: string
}

/**
 * Reads one e-paper article page (Founder 方正 and its newer template): headline, kicker, subtitle, page
 * and page name, dateline and byline (from the author field and the body), body paragraphs, issue date,
 * paper and source URL. Throws InputError for a page that is not an e-paper article.
 */
export function parseEpaperArticle(bytes: Buffer, address: string, hints: ArticleHints = {}): ParsedArticle {
  const $ = loadHtml(bytes, hints.charset)
  const layout = pickLayout($, address)
  const html = $.html()
  const props = readEnpProperty(html)
  const s = layout.selectors
  const title = textOf($, s.title) || props.title
  const contentHtml = $(s.content).first().html() ?? ''
  const paragraphs = readParagraphs(sliceEnpContent(contentHtml))
  if (!title || paragraphs.length === 0) throw notAnArticle(address)
  const body = splitCredits(paragraphs)
  const author = textOf($, s.author) || props.author
  const authorCredit = author ? (parseByline(author) ?? parseDateline(author)) : null
  const label = parsePageLabel(textOf($, s.pageLabel)) ?? hints.label
  const meta = hints.meta ?? {}
  const issueDate = meta.issueDate ?? parseLooseDate(props.date) ?? dateOfAddress(address)
  const paper = meta.paper ?? hints.paper ?? paperFromTitle($('title').first().text())
  const text = body.paragraphs.join('\n')
  const optional = {
    subtitle: props.subtitle || textOf($, s.subtitle),
    introTitle: props.introtitle || textOf($, s.introTitle),
    section: props.nodename || label?.name,
    dateline: body.dateline?.text,
    byline: author || body.byline?.text,
    paper,
    issueDate,
    page: meta.page ?? label?.page,
    url: /^https?:/i.test(address) ? address : savedFrom(html),
    eventDate: findEventDate(text, issueDate),
  }
  const credits = [authorCredit, body.dateline, body.byline]
  return {
    title,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v)),
    reporters: unique(credits.flatMap((c) => c?.reporters ?? [])),
    correspondents: unique(credits.flatMap((c) => c?.correspondents ?? [])),
    text,
    dateInferred: meta.issueDate ? (meta.dateInferred ?? false) : false,
  }
}

function pickLayout($: CheerioAPI, address: string): EpaperLayout {
  const byAddress = layoutOf(address)
  const fits = (l: EpaperLayout) => $(l.selectors.content).length > 0
  const layout = byAddress && fits(byAddress) ? byAddress : LAYOUTS.find(fits)
  if (!layout) throw notAnArticle(address)
  return layout
}

function notAnArticle(address: string): InputError {
  return new InputError(`${address}: 不是电子报文章页面（没有找到标题和正文），已跳过`)
}

function textOf($: CheerioAPI, selector: string | undefined): string {
  return selector ? clean($(selector).first().text()) : ''
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim()
}

/** Paragraphs of a body fragment: one per <p>, split at <br>; text outside paragraphs counts too. */
function readParagraphs(fragment: string): string[] {
  const $ = load(fragment, null, false)
  $('br').replaceWith('\n')
  $('p, div').each((_, el) => void $(el).append('\n').prepend('\n'))
  return $.root().text().split('\n').map(clean).filter(Boolean)
}

interface Body {
  paragraphs: string[]
  dateline?: { text: string; reporters: string[]; correspondents: string[] }
  byline?: Byline
}

/**
 * Takes the credits off the body as the page-text reader does: byline lines above the story (■本报记者 郭树勋),
 * the dateline that opens it (本报讯（记者 …）), and a byline closing it, alone or at the end of the last paragraph.
 */
function splitCredits(paragraphs: string[]): Body {
  const out = [...paragraphs]
  const body: Body = { paragraphs: out }
  const credit = (line: string) => {
    const b = parseByline(line.replace(/^[■□●◆]\s*/, ''))
    return b && !b.photo ? b : null
  }
  for (let b = credit(out[0] ?? ''); b && out.length > 1; b = credit(out[0] ?? '')) {
    body.byline = body.byline ? mergeBylines(body.byline, b) : b
    out.shift()
  }
  takeDateline(out, body)
  const last = out.at(-1)
  if (last === undefined || body.byline || (out.length < 2 && !body.dateline)) return body
  const whole = credit(last)
  const trailing = whole ? { text: '', byline: whole } : splitTrailingByline(last)
  if (!trailing) return body
  body.byline = trailing.byline
  if (trailing.text) out[out.length - 1] = trailing.text
  else out.pop()
  return body
}

function takeDateline(out: string[], body: Body): void {
  // Half-width brackets (本报讯(记者付凯明)) are as common on the web as full-width ones in print.
  const first = (out[0] ?? '').replace(/^本报讯\(([^()]{1,40})\)/, '本报讯（$1）')
  const d = parseDateline(first)
  const rest = d ? d.rest : stripDateline(first)
  if (d) body.dateline = { text: d.text, reporters: d.reporters, correspondents: d.correspondents }
  else if (rest !== first) body.dateline = { text: first.slice(0, first.length - rest.length).replace(/[\s，,：:]+$/, ''), reporters: [], correspondents: [] }
  else return
  if (rest.trim()) out[0] = rest.trim()
  else out.shift()
}

/** The address a browser noted when the page was saved (<!-- saved from url=(0062)http://… -->). */
function savedFrom(html: string): string | undefined {
  const start = html.indexOf('saved from url=(')
  if (start < 0) return undefined
  const rest = html.slice(html.indexOf(')', start) + 1)
  const url = rest.slice(0, rest.indexOf('-->')).trim()
  return /^https?:\/\//i.test(url) ? url : undefined
}

function unique(names: string[]): string[] {
  return [...new Set(names)]
}
