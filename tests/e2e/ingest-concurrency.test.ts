import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { HAS_SCRIPT, startCli } from '../helpers/live-cli.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()

function records(n: number, prefix = 'r') {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    title: `第${i}号通报：经开区道路建设进展`,
    text: `本报讯 截至${(i % 12) + 1}月底，经开区第${i}号道路工程已完成投资${i * 7}万元，计划年底前建成通车。`,
    date: '2023-11-20',
  }))
}

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true })
  const n = db.prepare(sql).pluck().get() as number
  db.close()
  return n
}

describe('two ingests at once', () => {
  it('waits for the other writer with a message instead of failing with "database is locked"', async () => {
    const dir = tmp()
    const db = join(dir, 'x.db')
    const files = writeFiles(dir, { 'a.jsonl': jsonl(records(3, 'a')), 'b.jsonl': jsonl(records(3, 'b')) })
    expect((await runCli(['ingest', files['a.jsonl']!, '--db', db])).code).toBe(0)
    // Another process in the middle of a long write.
    const holder = new Database(db)
    holder.exec('BEGIN IMMEDIATE')
    const second = startCli(['ingest', files['b.jsonl']!, '--db', db])
    try {
      await second.waitFor(/另一个进程正在写入这个数据库，等它写完再继续/, 20_000)
    } finally {
      holder.exec('COMMIT')
      holder.close()
    }
    expect(await second.exited).toBe(0)
    expect(second.output()).not.toMatch(/locked|锁/)
    expect(count(db, 'SELECT count(*) FROM articles')).toBe(6)
  })

  it('both finish when two large files are ingested into one database at the same time', async () => {
    const dir = tmp()
    const db = join(dir, 'x.db')
    const files = writeFiles(dir, { 'a.jsonl': jsonl(records(8000, 'a')), 'b.jsonl': jsonl(records(8000, 'b')) })
    expect((await runCli(['ingest', files['a.jsonl']!, '--db', db, '--json'])).code).toBe(0) // one creates the database first
    const [a, b] = await Promise.all([
      runCli(['ingest', files['b.jsonl']!, '--db', db]),
      runCli(['ingest', files['a.jsonl']!, files['b.jsonl']!, '--db', db]),
    ])
    for (const r of [a, b]) {
      expect(r.stderr).not.toMatch(/locked|超时/)
      expect(r.code).toBe(0)
    }
    expect(count(db, 'SELECT count(*) FROM articles')).toBe(16000)
  })
})

describe('Ctrl-C during an ingest', () => {
  it.skipIf(!HAS_SCRIPT)('restores the cursor, says what was kept and what to run again, and the rerun finishes', async () => {
    const dir = tmp()
    const db = join(dir, 'x.db')
    const { 'big.jsonl': file } = writeFiles(dir, { 'big.jsonl': jsonl(records(80_000)) })
    const run = startCli(['ingest', file!, '--db', db], { tty: true })
    await run.waitFor(/big\.jsonl \[.*\] [2-9]\d% /) // a fifth of the file read: some batches are committed
    run.interrupt()
    expect(await run.exited).toBe(130)
    const out = run.output()
    expect(out).toMatch(/\x1b\[\?25l/) // the bar hid the cursor…
    expect(out.slice(out.lastIndexOf('\x1b[?25l'))).toMatch(/\x1b\[\?25h/) // …and it is shown again
    expect(out).toMatch(/导入已中断。.*big\.jsonl 未导完，已保存其中 \d+ 条。/)
    expect(out).toMatch(/重新运行 newsbot ingest .*big\.jsonl 即可继续（已导入的文章不会重复）/)
    const kept = Number(/已保存其中 (\d+) 条/.exec(out)![1])
    expect(count(db, 'SELECT count(*) FROM articles')).toBe(kept)

    const again = await runCli(['ingest', file!, '--db', db, '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 80_000 - kept, unchanged: kept })
  }, 120_000)
})
