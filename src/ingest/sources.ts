import { createReadStream, readFileSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { InputError } from '../errors.js'
import { decodeText } from './decode.js'
import { parseEpaperArticle, type ArticleHints } from './epaper/article.js'
import { isHtmlPath, isPageListPath, readSavedPageLists } from './epaper/edition.js'
import { expandPaths } from './files.js'
import { deriveArticleId, sha1Hex } from './ids.js'
import { isImagePath } from './image.js'
import { openImageSource } from './image-source.js'
import { isJsonlPath, readJsonl, type JsonlProgress } from './jsonl.js'
import { manifestMetaFor, type ManifestEntries } from './manifest.js'
import { parsePageText } from './page-text.js'
import { isPdfPath, openPdfSource } from './pdf-source.js'
import { prepareArticle, uniqueId } from './prepare.js'
import { definedOnly, metaKey, withFileNameGuess } from './source-meta.js'
import type { ArticleInput, PageMeta, ParsedArticle } from './types.js'

// Turns paths into source files whose articles are read as they are written: the file walking,
// hashing, decoding and streaming of ingest. Nothing here touches the database.

/** One record of a source: an article, or a line that could not be used (reported, never fatal). */
export type SourceRecord<A> =
  | { article: A }
  | {
      line: number
      error: string
      /** A repeated id: skipped, but the file still counts as read (a bad line makes it be read again). */
      duplicate?: true
    }

/** A source file once opened: its fingerprint, and its records, read lazily so an unchanged file is never parsed. */
export interface OpenedSource<A> {
  /** The file's hash plus the metadata it is read under: the same bytes under other flags are a different ingest. */
  hash: string
  /** A large JSONL file may be written in several transactions; a page is written in one. */
  inBatches: boolean
  records: () => AsyncIterable<SourceRecord<A>>
}

export interface SourceFile<A> {
  path: string
  /** Reads (or streams) the file to hash it; throws an InputError for a file that is not a source. */
  open: () => Promise<OpenedSource<A>>
}

export interface SourceList<A> {
  files: SourceFile<A>[]
  /** Paths that do not exist or cannot be read. */
  missing: string[]
}

export interface ReadSourcesOptions {
  /** Overrides what a manifest says for every file (CLI flags). */
  meta?: PageMeta
  onBytes?: JsonlProgress
}

// A page of a newspaper is tens of kilobytes; anything this large is not one.
const MAX_PAGE_BYTES = 20 * 1024 * 1024

/** The source files under the given files and folders, each opened only when its turn comes. */
export function listSources(paths: string[], opts: ReadSourcesOptions = {}): SourceList<ArticleInput> {
  const expanded = expandPaths(paths)
  // E-paper page lists (node_N.htm) are read for the page and paper of the articles they link, not stored.
  const pageLists = expanded.files.filter((f) => isHtmlPath(f) && isPageListPath(f))
  const files = expanded.files.filter((f) => !pageLists.includes(f))
  const hints = pageLists.length > 0 ? readSavedPageLists(pageLists) : new Map<string, ArticleHints>()
  const manifests = new Map<string, ManifestEntries>()
  return {
    missing: expanded.missing,
    files: files.map((path) => ({
      path,
      open: async () => {
        const meta = { ...manifestMetaFor(path, manifests), ...definedOnly(opts.meta) }
        if (isJsonlPath(path)) return openJsonl(path, meta, opts.onBytes)
        if (isHtmlPath(path)) return openEpaperArticle(path, readPageFile(path), { ...hints.get(path), meta })
        const guessed = withFileNameGuess(path, meta)
        if (isImagePath(path)) return openImageSource(path, guessed)
        return isPdfPath(path) ? openPdfSource(path, guessed) : openPage(path, guessed)
      },
    })),
  }
}

/**
 * An e-paper article page (from a saved edition, or fetched: then `path` is its URL) as a one-article
 * source; its hash covers the page list's hints too, so a corrected page label is a change.
 */
export function openEpaperArticle(path: string, bytes: Buffer, hints: ArticleHints): OpenedSource<ArticleInput> {
  return {
    hash: epaperHash(sha1Hex(bytes), hints),
    inBatches: false,
    records: async function* () {
      const a = parseEpaperArticle(bytes, path, hints)
      yield { article: prepareArticle(a, deriveArticleId(a)) }
    },
  }
}

/**
 * The fingerprint openEpaperArticle gives a page: the hash of its bytes plus what it is read under, so a
 * fetch answered 304 can name the source from the stored body hash alone.
 */
export function epaperHash(bodySha1: string, hints: ArticleHints): string {
  const { meta, label, paper } = hints
  const listed = label || paper ? `:${sha1Hex(JSON.stringify([label, paper])).slice(0, 8)}` : ''
  return bodySha1 + metaKey(definedOnly(meta)) + listed
}

/** The same source list with every article turned into what the writer takes (e.g. given its index tokens). */
export function mapArticles<A, B>(list: SourceList<A>, map: (article: A) => B): SourceList<B> {
  return {
    missing: list.missing,
    files: list.files.map((file) => ({
      path: file.path,
      open: async () => {
        const opened = await file.open()
        return {
          ...opened,
          records: async function* () {
            for await (const r of opened.records()) yield 'article' in r ? { article: map(r.article) } : r
          },
        }
      },
    })),
  }
}

function openPage(file: string, meta: PageMeta): OpenedSource<ArticleInput> {
  if (/\.(gz|zip|docx?|xlsx?|gif|bmp)$/i.test(file)) {
    throw new InputError(`${file}: 不支持的文件类型（支持页面文本 .txt、版面 PDF、版面图片 .png/.jpg/.tif、.jsonl/.jsonl.gz 与电子报网页 .htm）`)
  }
  const bytes = readPageFile(file)
  return {
    hash: sha1Hex(bytes) + metaKey(meta),
    inBatches: false,
    records: async function* () {
      const articles = parsePageText(decodeText(bytes, file), meta)
      if (articles.length === 0) throw new InputError(`${file}: 没有识别出任何文章`)
      const ids = new Map<string, number>()
      for (const a of articles) yield { article: prepareArticle(a, uniqueId(deriveArticleId(a), ids)) }
    },
  }
}

function readPageFile(file: string): Buffer {
  if (statSync(file).size > MAX_PAGE_BYTES) {
    throw new InputError(`${file}: 文件超过 ${MAX_PAGE_BYTES >> 20} MB，不像是一版报纸；请拆分或转为 JSONL`)
  }
  return readFileSync(file)
}

async function openJsonl(file: string, meta: PageMeta, onBytes?: JsonlProgress): Promise<OpenedSource<ArticleInput>> {
  return {
    hash: (await hashFile(file)) + metaKey(meta),
    inBatches: true,
    records: async function* () {
      const seen = new Set<string>()
      for await (const item of readJsonl(file, onBytes)) {
        if ('error' in item) {
          yield item
          continue
        }
        const a = { ...item.article, ...withDefaults(item.article, meta) }
        const id = a.id ?? `d-${sha1Hex(a.text).slice(0, 12)}`
        if (seen.has(id)) {
          yield { line: item.line, error: `第 ${item.line} 行：id ${id} 与前文重复，已跳过`, duplicate: true }
          continue
        }
        seen.add(id)
        yield { article: prepareArticle(a, id) }
      }
    },
  }
}

function withDefaults(a: ParsedArticle, meta: PageMeta): Partial<ParsedArticle> {
  return {
    paper: a.paper ?? meta.paper,
    page: a.page ?? meta.page,
    issueDate: a.issueDate ?? meta.issueDate,
    dateInferred: a.issueDate ? a.dateInferred : Boolean(meta.issueDate && meta.dateInferred),
  }
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha1')
    createReadStream(file)
      .on('data', (chunk) => h.update(chunk))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject)
  })
}
