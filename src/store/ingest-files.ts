import { createReadStream, readFileSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import {
  contentHash,
  decodeText,
  deriveArticleId,
  expandPaths,
  isJsonlPath,
  manifestMetaFor,
  parsePageText,
  readJsonl,
  sha1Hex,
  splitPassages,
  type ManifestEntries,
  type PageMeta,
  type ParsedArticle,
} from '../ingest/index.js'
import { InputError, errorMessage } from '../errors.js'
import { beginSourceWrite, type SourceWrite, type Tokenize } from './article-write.js'
import type { ExtractNames } from './learned-names.js'
import type { Db } from './db.js'
import { toDbError } from './db-errors.js'
import { definedOnly, metaKey, withFileNameGuess } from './ingest-meta.js'
import { IngestInterrupted, lockForWrite } from './write-lock.js'
import { getSourceRecord } from './stats.js'

/**
 * The `ingest --json` summary (DESIGN.md contract); `line` is set for a bad JSONL record. `interrupted`
 * names the file a stop (Ctrl-C) cut short and how many of its records were kept (committed batches).
 */
export interface IngestSummary {
  files: number
  added: number
  updated: number
  unchanged: number
  removed: number
  failed: { path: string; line?: number; error: string }[]
  interrupted?: { path: string; kept: number; filesDone: number }
}

export interface IngestOptions {
  tokenize: Tokenize
  /** Finds candidate local names to learn (retrieve's extractNameCandidates); none are learned without it. */
  learnNames?: ExtractNames
  /** Overrides what a manifest says for every file (CLI flags). */
  meta?: PageMeta
  onFile?: (path: string, index: number, total: number) => void
  onBytes?: (read: number, total: number) => void
  /** Called once when another connection holds the write lock and this ingest waits for it. */
  onWait?: () => void
  /** Stops the ingest at the next record: the current batch is rolled back, committed ones stay. */
  signal?: AbortSignal
}

// A large file is committed in batches so that other connections (the bot's writes, a second ingest)
// get the write lock in between: at most BATCH_MS of work (and BATCH_MAX_ARTICLES) per transaction,
// then BATCH_PAUSE_MS with the lock free. SQLite's busy handler polls every ≤ 25 ms in its first
// 128 ms, so a waiter finds the gap within about one batch (issue 11: the bot stalled 5 s during a
// 60k-document ingest; see npm run bench:ingest-bot).
const BATCH_MS = 100
const BATCH_MAX_ARTICLES = 1000
const BATCH_PAUSE_MS = 25

// A page of a newspaper is tens of kilobytes; anything this large is not one.
export const MAX_PAGE_BYTES = 20 * 1024 * 1024

/** Ingests files and folders, each file in its own transaction; a bad file is reported, never fatal. */
export async function ingestPaths(db: Db, paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const { files, missing } = expandPaths(paths)
  const summary: IngestSummary = { files: files.length, added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] }
  for (const p of missing) summary.failed.push({ path: p, error: `${p} 不存在或无法读取` })
  const manifests = new Map<string, ManifestEntries>()
  for (const [i, file] of files.entries()) {
    opts.onFile?.(file, i, files.length)
    try {
      if (opts.signal?.aborted) throw new IngestInterrupted('导入已中断')
      const meta = { ...manifestMetaFor(file, manifests), ...definedOnly(opts.meta) }
      if (isJsonlPath(file)) await ingestJsonlFile(db, file, meta, opts, summary)
      else await ingestPageFile(db, file, withFileNameGuess(file, meta), opts, summary)
    } catch (err) {
      if (err instanceof IngestInterrupted) {
        summary.interrupted = { path: file, kept: err.kept, filesDone: i }
        break
      }
      summary.failed.push({ path: file, error: errorMessage(toDbError(err, db.name)) })
    }
  }
  return summary
}

async function ingestPageFile(db: Db, file: string, meta: PageMeta, opts: IngestOptions, summary: IngestSummary): Promise<void> {
  if (/\.(gz|zip|pdf|docx?|xlsx?|png|jpe?g|gif)$/i.test(file)) {
    throw new InputError(`${file}: 不支持的文件类型（支持页面文本 .txt 与 .jsonl/.jsonl.gz）`)
  }
  const size = statSync(file).size
  if (size > MAX_PAGE_BYTES) {
    throw new InputError(`${file}: 页面文本超过 ${MAX_PAGE_BYTES >> 20} MB，不像是一版报纸；请拆分或转为 JSONL`)
  }
  const bytes = readFileSync(file)
  const fileHash = sha1Hex(bytes) + metaKey(meta)
  if (skipUnchanged(db, file, fileHash, summary)) return
  const articles = parsePageText(decodeText(bytes, file), meta)
  if (articles.length === 0) throw new InputError(`${file}: 没有识别出任何文章`)
  await lockForWrite(db, opts)
  const write = beginSourceWrite(db, file, opts.tokenize, opts.learnNames)
  writeAll(write, fileHash, summary, () => {
    const ids = new Map<string, number>()
    for (const a of articles) summary[write.put(prepareArticle(a, uniqueId(deriveArticleId(a), ids)))]++
  })
}

async function ingestJsonlFile(db: Db, file: string, meta: PageMeta, opts: IngestOptions, summary: IngestSummary) {
  const fileHash = (await hashFile(file)) + metaKey(meta)
  if (skipUnchanged(db, file, fileHash, summary)) return
  await lockForWrite(db, opts)
  const write = beginSourceWrite(db, file, opts.tokenize, opts.learnNames)
  const counts: Counts = { added: 0, updated: 0, unchanged: 0 }
  let kept: Counts = { ...counts }
  const seen = new Set<string>()
  let good = 0
  let bad = 0
  let batchStart = performance.now()
  try {
    for await (const item of readJsonl(file, opts.onBytes)) {
      if (opts.signal?.aborted) throw new IngestInterrupted('导入已中断')
      if ('error' in item) {
        summary.failed.push({ path: file, line: item.line, error: item.error })
        bad++
        continue
      }
      const a = { ...item.article, ...withDefaults(item.article, meta) }
      const id = a.id ?? `d-${sha1Hex(a.text).slice(0, 12)}`
      if (seen.has(id)) {
        summary.failed.push({ path: file, line: item.line, error: `第 ${item.line} 行：id ${id} 与前文重复，已跳过` })
        continue
      }
      seen.add(id)
      counts[write.put(prepareArticle(a, id))]++
      good++
      if (performance.now() - batchStart < BATCH_MS && good % BATCH_MAX_ARTICLES !== 0) continue
      write.commitBatch()
      kept = { ...counts }
      await new Promise((resolve) => setTimeout(resolve, BATCH_PAUSE_MS))
      await lockForWrite(db, opts)
      batchStart = performance.now()
    }
    // A file whose every line failed is already reported line by line; its old articles stay.
    if (good === 0 && bad > 0) return write.rollback()
    if (good === 0) throw new InputError(`${file}: 没有可用的记录`)
    // A file with bad lines is not recorded as done, so the next run reads it again and reports them again.
    summary.removed += write.commit(bad > 0 ? `${fileHash}:had-errors` : fileHash).removed
  } catch (err) {
    write.rollback()
    addCounts(summary, kept)
    throw keptNote(err, file, kept)
  }
  addCounts(summary, counts)
}

/** An error after some batches were committed says so: those articles stay, and a rerun redoes the file. */
function keptNote(err: unknown, file: string, kept: Counts): unknown {
  const n = kept.added + kept.updated + kept.unchanged
  if (err instanceof IngestInterrupted) return Object.assign(err, { kept: n })
  if (n === 0) return err
  return new InputError(`${errorMessage(err)}（此前已保存 ${n} 条；修好文件后重新运行 ingest 会重做 ${file}）`, { cause: err })
}

/** Runs the puts and commits; on any error the file's transaction is rolled back and the error rethrown. */
function writeAll(write: SourceWrite, fileHash: string, summary: IngestSummary, puts: () => void): void {
  try {
    puts()
    summary.removed += write.commit(fileHash).removed
  } catch (err) {
    write.rollback()
    throw err
  }
}

function skipUnchanged(db: Db, file: string, fileHash: string, summary: IngestSummary): boolean {
  const prev = getSourceRecord(db, file)
  if (prev?.contentHash !== fileHash) return false
  summary.unchanged += prev.articles
  return true
}

function prepareArticle(a: ParsedArticle, id: string) {
  const article = { ...a, id }
  return { ...article, contentHash: contentHash(article), passages: splitPassages(a.text) }
}

/** Two articles of one page with the same headline get -2, -3… so neither overwrites the other. */
function uniqueId(id: string, seen: Map<string, number>): string {
  const n = (seen.get(id) ?? 0) + 1
  seen.set(id, n)
  return n === 1 ? id : `${id}-${n}`
}

function withDefaults(a: ParsedArticle, meta: PageMeta): Partial<ParsedArticle> {
  return {
    paper: a.paper ?? meta.paper,
    page: a.page ?? meta.page,
    issueDate: a.issueDate ?? meta.issueDate,
    dateInferred: a.issueDate ? a.dateInferred : Boolean(meta.issueDate && meta.dateInferred),
  }
}

type Counts = Pick<IngestSummary, 'added' | 'updated' | 'unchanged'>

function addCounts(into: Counts, from: Counts): void {
  into.added += from.added
  into.updated += from.updated
  into.unchanged += from.unchanged
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
