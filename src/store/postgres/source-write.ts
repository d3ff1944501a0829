import type { OpenedSource, SourceList } from '../../ingest/index.js'
import { errorMessage, InputError } from '../../errors.js'
import type { IndexedArticle } from '../article-write.js'
import type { ExtractNames } from '../learned-names.js'
import type { IngestSummary } from '../source-write.js'
import { IngestInterrupted } from '../write-lock.js'
import { flushIndexWrites, newIndexWrites, putArticles, removeUnseen, type FileArticle } from './article-write.js'
import { inTransaction, type Pool } from './pool.js'
import { mergeSegments } from './segments.js'

// Index entries written per statement: the term statistics' trigger runs once per statement. On the
// 68k CRUD file: 500 a batch 309 s, 2,000 208 s, 5,000 183 s, 10,000 179 s (and twice the memory).
const INDEX_BATCH = 5000
// Articles read, written and locked per round trip.
const ARTICLE_BATCH = 500

/**
 * Writes each source file in one transaction, with the summary SQLite's writeSources gives; a bad
 * file is reported, never fatal. (PostgreSQL's row locks let other writers in, so there are no batches.)
 */
export async function writeSources(
  pool: Pool,
  list: SourceList<IndexedArticle>,
  opts: { namesOf: ExtractNames; onFile?: (path: string, index: number, total: number) => void; signal?: AbortSignal },
): Promise<IngestSummary> {
  const summary: IngestSummary = { files: list.files.length, added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] }
  for (const p of list.missing) summary.failed.push({ path: p, error: `${p} 不存在或无法读取` })
  for (const [i, file] of list.files.entries()) {
    if (opts.signal?.aborted) {
      summary.interrupted = { path: file.path, kept: 0, filesDone: i }
      break
    }
    opts.onFile?.(file.path, i, list.files.length)
    try {
      await writeSource(pool, file.path, await file.open(), opts, summary)
    } catch (err) {
      if (err instanceof IngestInterrupted) {
        summary.interrupted = { path: file.path, kept: 0, filesDone: i }
        break
      }
      summary.failed.push({ path: file.path, error: errorMessage(err) })
    }
    // Outside the file's try: the file is committed, and a failure here is the store's, not the file's.
    await mergeSegments(pool)
  }
  return summary
}

async function writeSource(
  pool: Pool,
  path: string,
  source: OpenedSource<IndexedArticle>,
  opts: { namesOf: ExtractNames; signal?: AbortSignal },
  summary: IngestSummary,
): Promise<void> {
  const prev = await pool.query<{ content_hash: string; articles: number }>('SELECT content_hash, articles FROM sources WHERE path = $1', [path])
  if (prev.rows[0]?.content_hash === source.hash) {
    summary.unchanged += prev.rows[0].articles
    return
  }
  const counts = { added: 0, updated: 0, unchanged: 0 }
  const failed: IngestSummary['failed'] = []
  const outcome = await inTransaction(pool, async (client) => {
    const seen = new Set<string>()
    const now = new Date().toISOString()
    const writes = newIndexWrites()
    const batch: FileArticle[] = []
    const putBatch = async () => {
      for (const outcome of await putArticles(client, writes, batch.splice(0), path, now, opts.namesOf)) counts[outcome]++
      if (writes.added.length + writes.dropped.length >= INDEX_BATCH) await flushIndexWrites(client, writes)
    }
    let bad = 0
    for await (const item of source.records()) {
      if (opts.signal?.aborted) throw new IngestInterrupted('导入已中断')
      if (!('article' in item)) {
        failed.push({ path, line: item.line, error: item.error })
        if (!item.duplicate) bad++
        continue
      }
      seen.add(item.article.id)
      batch.push({ article: item.article, order: seen.size })
      if (batch.length >= ARTICLE_BATCH) await putBatch()
    }
    await putBatch()
    // A file whose every line failed is already reported line by line; its old articles stay.
    if (seen.size === 0 && bad > 0) throw new AllLinesFailed()
    if (seen.size === 0) throw new InputError(`${path}: 没有可用的记录`)
    await flushIndexWrites(client, writes)
    const removed = await removeUnseen(client, writes, path, seen, opts.namesOf)
    await flushIndexWrites(client, writes)
    // A file with bad lines is not recorded as done, so the next run reads it again and reports them again.
    await client.query(
      `INSERT INTO sources (path, content_hash, articles, ingested_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, articles = excluded.articles, ingested_at = excluded.ingested_at`,
      [path, bad > 0 ? `${source.hash}:had-errors` : source.hash, seen.size, now],
    )
    return { removed }
  }).catch((err: unknown) => {
    if (err instanceof AllLinesFailed) return { removed: 0, rolledBack: true }
    throw err
  })
  summary.failed.push(...failed)
  if ('rolledBack' in outcome) return
  summary.added += counts.added
  summary.updated += counts.updated
  summary.unchanged += counts.unchanged
  summary.removed += outcome.removed
}

/** Rolls a file back without an error of its own: its lines were each reported. */
class AllLinesFailed extends Error {}
