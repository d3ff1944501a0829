import { readFileSync, statSync } from 'node:fs'
import { InputError } from '../errors.js'
import { deriveArticleId, sha1Hex } from './ids.js'
import { readGreyImage, type GreyImage } from './image.js'
import { parseLaidOutPage, type TextBox } from './layout/index.js'
import { cleanLine } from './normalize.js'
import { getOcrEngine, type OcrPage } from './ocr.js'
import { prepareArticle, uniqueId } from './prepare.js'
import { metaKey } from './source-meta.js'
import type { OpenedSource, SourceRecord } from './sources.js'
import type { ArticleInput, PageMeta, ParsedArticle } from './types.js'

// A scanned page is a few MB; a file this large is not one page.
const MAX_IMAGE_BYTES = 200 * 1024 * 1024
// A newspaper page holds thousands of characters; a photo with a sign or a caption holds a few dozen.
const MIN_PAGE_HAN = 80
/**
 * A line the recogniser is less sure of than this is marked in its article. On the rendered fixture pages
 * (npm run bench:ocr) one line of 883 fell below it, misread; 31 above it match no stretch of the source
 * text (section labels and captions it lacks, and misreadings the model was sure of).
 */
export const LOW_CONFIDENCE = 0.8

/** A page image (PNG, JPEG, TIFF) as a source: OCR, layout, the segmenter; its articles mark uncertain lines. */
export function openImageSource(file: string, meta: PageMeta): OpenedSource<ArticleInput> {
  const size = statSync(file).size
  if (size > MAX_IMAGE_BYTES) throw new InputError(`${file}: 图片超过 ${MAX_IMAGE_BYTES >> 20} MB，不像是一版报纸的扫描件`)
  const bytes = readFileSync(file)
  return {
    hash: sha1Hex(bytes) + metaKey(meta),
    inBatches: false,
    records: async function* (): AsyncGenerator<SourceRecord<ArticleInput>> {
      const ids = new Map<string, number>()
      for (const a of await readImagePage(await readGreyImage(bytes, file), file, meta)) {
        yield { article: prepareArticle(a, uniqueId(deriveArticleId(a), ids)) }
      }
    },
  }
}

/** The articles OCR finds on one page image (a scan, a photo of a page). */
export async function readImagePage(image: GreyImage, name: string, meta: PageMeta): Promise<ParsedArticle[]> {
  const page = await readPageBoxes(image, name)
  const articles = parseLaidOutPage(page.boxes, page, meta)
  if (articles.length === 0) throw new InputError(`${name}: 没有识别出任何文章`)
  return markUncertain(articles, page.boxes)
}

/** The lines OCR reads on a page image; a picture with hardly any text is refused as not being a page. */
export async function readPageBoxes(image: GreyImage, name: string): Promise<OcrPage> {
  const page = await (await getOcrEngine()).read(image)
  const han = page.boxes.reduce((n, b) => n + (b.text.match(/\p{Script=Han}/gu)?.length ?? 0), 0)
  if (han < MIN_PAGE_HAN) throw new InputError(`${name}: 图片中只识别出 ${han} 个汉字，不像是报纸版面`)
  return page
}

/** Each article with the low-confidence lines found in it, as they read in its text (quotes stay verbatim). */
export function markUncertain(articles: ParsedArticle[], boxes: TextBox[]): ParsedArticle[] {
  const doubtful = boxes
    .filter((b) => (b.confidence ?? 1) < LOW_CONFIDENCE)
    .map((b) => cleanLine(b.text))
    .filter((t) => [...t].length >= 2)
  return articles.map((a) => {
    const printed = [a.title, a.subtitle, a.dateline, a.text, a.byline].filter(Boolean).join('\n')
    const uncertain = [...new Set(doubtful.filter((t) => printed.includes(t)))]
    return uncertain.length ? { ...a, uncertain } : a
  })
}
