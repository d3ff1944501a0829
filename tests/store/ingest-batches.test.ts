import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listSources, mapArticles } from '../../src/ingest/index.js'
import { createIndex, indexSources, writeIndexed } from '../../src/retrieve/index.js'
import { countArticles, getSourceRecord, isBusy, openDb } from '../../src/store/index.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()

/** A JSONL file large enough to take several write batches. */
function bigJsonl(n: number): string {
  return jsonl(
    Array.from({ length: n }, (_, i) => ({
      id: `big-${i}`,
      title: `第${i}号通报：经开区道路建设进展`,
      text: `本报讯 截至${(i % 12) + 1}月底，经开区第${i}号道路工程已完成投资${i * 7}万元，计划年底前建成通车。`,
      date: '2023-11-20',
    })),
  )
}

describe('ingesting a large JSONL file', () => {
  it('lets a second connection write while the file is ingested, instead of holding the lock for the whole file', async () => {
    const path = join(tmp(), 'shared.db')
    const ingester = openDb(path)
    const other = openDb(path, { busyTimeoutMs: 0 })
    const { 'big.jsonl': file } = writeFiles(tmp(), { 'big.jsonl': bigJsonl(6000) })
    let wroteMidFile = 0
    let running = true
    // The bot's kind of write: short, on another connection, never waiting on the lock.
    const tryWrite = () => {
      if (!running) return
      try {
        other.exec('CREATE TABLE IF NOT EXISTS probe (n INTEGER); INSERT INTO probe VALUES (1)')
        // A write that got in while part of the file was stored: between two of its batches.
        const stored = countArticles(other)
        if (stored > 0 && stored < 6000) wroteMidFile++
      } catch (err) {
        if (!isBusy(err)) throw err
      }
      setTimeout(tryWrite, 5)
    }
    setTimeout(tryWrite, 5)
    const summary = await createIndex(ingester).write([file!])
    running = false
    expect(summary).toMatchObject({ added: 6000, failed: [] })
    expect(wroteMidFile).toBeGreaterThan(0) // the ingest let go of the lock between batches, not only at the end
    ingester.close()
    other.close()
  })

  it('keeps the batches committed before a stop, and the next run finishes the file without duplicates', async () => {
    const db = openDb(join(tmp(), 'stop.db'))
    const { 'big.jsonl': file } = writeFiles(tmp(), { 'big.jsonl': bigJsonl(6000) })
    const controller = new AbortController()
    let read = 0
    // Stopped after 3500 articles: past at least three batches of ≤ 1000.
    const sources = mapArticles(listSources([file!]), (a) => {
      if (++read === 3500) controller.abort()
      return a
    })
    const first = await writeIndexed(db, indexSources(sources), { signal: controller.signal })
    expect(first.interrupted).toMatchObject({ path: file, filesDone: 0 })
    const kept = first.interrupted!.kept
    expect(kept).toBeGreaterThanOrEqual(3000)
    expect(kept).toBeLessThanOrEqual(3500)
    expect(countArticles(db)).toBe(kept)
    expect(first.added).toBe(kept)
    expect(getSourceRecord(db, file!)).toBeUndefined() // not recorded as done: the next run reads it again

    const second = await createIndex(db).write([file!])
    expect(second).toMatchObject({ added: 6000 - kept, unchanged: kept, failed: [] })
    expect(countArticles(db)).toBe(6000)
    expect(getSourceRecord(db, file!)).toBeDefined()
    db.close()
  })
})
