import { isUtf8 } from 'node:buffer'
import { load, loadBuffer, type CheerioAPI } from 'cheerio'
import iconv from 'iconv-lite'

// The Founder markers that live in HTML comments, where a DOM selector cannot reach: the article's
// property block and the body delimiters. Their delimiters are fixed strings; what lies between the
// property markers is XML-like and read with cheerio.

const ENP_OPEN = '<!--enpproperty'
const ENP_CLOSE = '/enpproperty-->'
const CONTENT_OPEN = '<!--enpcontent-->'
const CONTENT_CLOSE = '<!--/enpcontent-->'

/**
 * Parses an HTML page from its bytes in the charset the HTTP header names, else the one the page declares
 * (cheerio's WHATWG sniffing: BOM, <meta charset>); a page that declares none and is not UTF-8 is read as
 * GB18030, the superset of GBK/GB2312 that Chinese sites mean (sniffing alone would guess windows-1252).
 */
export function loadHtml(bytes: Buffer, charset?: string): CheerioAPI {
  if (charset) return loadBuffer(bytes, { encoding: { transportLayerEncodingLabel: charset } })
  const declares = /charset\s*=/i.test(bytes.subarray(0, 1024).toString('latin1'))
  if (!declares && !isUtf8(bytes)) return load(iconv.decode(bytes, 'gb18030'))
  return loadBuffer(bytes)
}

/** A page (版) as labelled on the edition: 第01版：要闻 → { page: '1', name: '要闻' }. */
export interface PageLabel {
  page: string
  name?: string
}

/** The fields of `<!--enpproperty <date>…</date><introtitle>…</introtitle>… /enpproperty-->`, by tag name. */
export function readEnpProperty(html: string): Record<string, string> {
  const start = html.indexOf(ENP_OPEN)
  if (start < 0) return {}
  const end = html.indexOf(ENP_CLOSE, start)
  const inner = html.slice(start + ENP_OPEN.length, end < 0 ? undefined : end)
  const $ = load(inner, { xml: true })
  const props: Record<string, string> = {}
  $.root().children().each((_, el) => {
    props[el.tagName.toLowerCase()] = $(el).text().replace(/\s+/g, ' ').trim()
  })
  return props
}

/** The body between `<!--enpcontent-->` and `<!--/enpcontent-->` (captions and pictures outside are not the story). */
export function sliceEnpContent(html: string): string {
  const start = html.indexOf(CONTENT_OPEN)
  if (start < 0) return html
  const end = html.indexOf(CONTENT_CLOSE, start)
  return html.slice(start + CONTENT_OPEN.length, end < 0 ? undefined : end)
}

/** Reads 第01版：要闻, 01版:要闻, A3版 into a page number (leading zeros dropped) and name. */
export function parsePageLabel(text: string): PageLabel | undefined {
  const m = /第?\s*([A-Za-z]?\d{1,3})\s*版(?:\s*[：:]\s*([^\s　]+))?/.exec(text)
  if (!m) return undefined
  const page = m[1]!.replace(/^([A-Za-z]?)0+(?=\d)/, '$1')
  return m[2] ? { page, name: m[2] } : { page }
}

/** The paper's name from a page title: 经开时报数字报-标题 → 经开时报. */
export function paperFromTitle(title: string): string | undefined {
  const head = title.split(/\s*[-—|_]\s*/)[0]!.replace(/(?:数字报|电子报|电子版|数字版)$/, '').trim()
  return /\p{Script=Han}/u.test(head) && /(?:报|刊)$/.test(head) ? head : undefined
}
