import type { Db } from './db.js'
import { toDbError } from './db-errors.js'
import { IngestInterrupted, lockForWrite } from './write-lock.js'

// Index pages written per step (~50 ms of work), then the lock is free a moment, as between ingest
// batches, so the bot's writes and a second ingest are not held up by the merge.
const MERGE_PAGES = 500
const PAUSE_MS = 25

/**
 * Merges the full-text index's segments into one, a step at a time. Every committed ingest batch adds
 * a segment, and a search reads each term from every segment: on the 68k-article store a merged index
 * ranks a question ~20 % faster and counts a term's articles a third faster, with the same results.
 * Rewriting the index costs about 2 s there, once per ingest. A stop (Ctrl-C) ends it early: any
 * state between steps is a valid index.
 */
export async function mergeIndexSegments(db: Db, opts: { onWait?: () => void; signal?: AbortSignal } = {}): Promise<void> {
  // A negative page count merges across levels too, down to one segment (FTS5's incremental optimize).
  const merge = db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)")
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck()
  try {
    for (;;) {
      await lockForWrite(db, opts)
      const before = changes.get()!
      try {
        merge.run(-MERGE_PAGES)
        db.exec('COMMIT')
      } catch (err) {
        db.exec('ROLLBACK')
        throw err
      }
      // FTS5 writes at least two rows when a step merged anything; fewer means the index is one segment.
      if (changes.get()! - before < 2) return
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
    }
  } catch (err) {
    if (!(err instanceof IngestInterrupted)) throw toDbError(err, db.name)
  }
}
