import type { OpenedSource, SourceList } from '../ingest/index.js'
import { InputError, errorMessage } from '../errors.js'
import { beginSourceWrite, type IndexedArticle } from './article-write.js'
import type { ExtractNames } from './learned-names.js'
import type { Db } from './db.js'
import { toDbError } from './db-errors.js'
import { IngestInterrupted, lockForWrite } from './write-lock.js'
import { getSourceRecord } from './stats.js'
import { mergeIndexSegments } from './index-merge.js'

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

export interface WriteSourcesOptions {
  /** The names a stored article was counted towards, to take them off when it is rewritten or removed. */
  namesOf: ExtractNames
  onFile?: (path: string, index: number, total: number) => void
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

/** Writes each source file in its own transaction (or batches); a bad file is reported, never fatal. */
export async function writeSources(db: Db, list: SourceList<IndexedArticle>, opts: WriteSourcesOptions): Promise<IngestSummary> {
  const { files, missing } = list
  const summary: IngestSummary = { files: files.length, added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] }
  for (const p of missing) summary.failed.push({ path: p, error: `${p} 不存在或无法读取` })
  for (const [i, file] of files.entries()) {
    opts.onFile?.(file.path, i, files.length)
    try {
      if (opts.signal?.aborted) throw new IngestInterrupted('导入已中断')
      await writeSource(db, file.path, await file.open(), opts, summary)
    } catch (err) {
      if (err instanceof IngestInterrupted) {
        summary.interrupted = { path: file.path, kept: err.kept, filesDone: i }
        break
      }
      summary.failed.push({ path: file.path, error: errorMessage(toDbError(err, db.name)) })
    }
  }
  if (summary.added + summary.updated + summary.removed > 0 && !summary.interrupted) await mergeIndexSegments(db, opts)
  return summary
}

async function writeSource(
  db: Db,
  file: string,
  source: OpenedSource<IndexedArticle>,
  opts: WriteSourcesOptions,
  summary: IngestSummary,
): Promise<void> {
  if (skipUnchanged(db, file, source.hash, summary)) return
  await lockForWrite(db, opts)
  const write = beginSourceWrite(db, file, opts.namesOf)
  const counts: Counts = { added: 0, updated: 0, unchanged: 0 }
  let kept: Counts = { ...counts }
  let good = 0
  let bad = 0
  let batchStart = performance.now()
  try {
    for await (const item of source.records()) {
      // A page is written whole; a stop is heeded between its file and the next.
      if (source.inBatches && opts.signal?.aborted) throw new IngestInterrupted('导入已中断')
      if (!('article' in item)) {
        summary.failed.push({ path: file, line: item.line, error: item.error })
        if (!item.duplicate) bad++
        continue
      }
      counts[write.put(item.article)]++
      good++
      if (!source.inBatches) continue
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
    summary.removed += write.commit(bad > 0 ? `${source.hash}:had-errors` : source.hash).removed
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

function skipUnchanged(db: Db, file: string, fileHash: string, summary: IngestSummary): boolean {
  const prev = getSourceRecord(db, file)
  if (prev?.contentHash !== fileHash) return false
  summary.unchanged += prev.articles
  return true
}

type Counts = Pick<IngestSummary, 'added' | 'updated' | 'unchanged'>

function addCounts(into: Counts, from: Counts): void {
  into.added += from.added
  into.updated += from.updated
  into.unchanged += from.unchanged
}
