import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()

describe('newsbot CLI', () => {
  it('ingests the bundled samples idempotently and lists, shows and counts them', async () => {
    const db = join(tmp(), 'n.db')
    const first = await runCli(['ingest', 'data/samples', '--db', db, '--json'])
    expect(first.code).toBe(0)
    const s1 = JSON.parse(first.stdout)
    expect(s1).toMatchObject({ files: 5, updated: 0, unchanged: 0, failed: [] })
    expect(s1.added).toBeGreaterThanOrEqual(25)

    const again = JSON.parse((await runCli(['ingest', 'data/samples', '--db', db, '--json'])).stdout)
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: s1.added })

    const list = JSON.parse((await runCli(['articles', '--db', db, '--json', '--limit', '100'])).stdout)
    expect(list).toHaveLength(s1.added)
    expect(list[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      paper: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      byline: expect.anything(),
      chars: expect.any(Number),
      inferred: true, // the samples' manifest gives estimated dates
    })
    const housing = list.find((a: { title: string }) => a.title.includes('巡察整改'))
    const shown = JSON.parse((await runCli(['show', housing.id, '--db', db, '--json'])).stdout)
    expect(shown).toMatchObject({ id: housing.id, paper: '经开时报', text: expect.stringContaining('3636套') })

    const stats = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout)
    expect(stats.articles).toBe(s1.added)
  })

  it('exits 2 with per-file errors when some input is bad, and keeps the good records', async () => {
    const dir = tmp()
    writeFiles(dir, { 'ok.jsonl': jsonl([{ id: 'a', text: '好的记录。' }]), 'bad.jsonl': 'not json\n', 'empty.txt': '' })
    const db = join(dir, 'n.db')
    const r = await runCli(['ingest', dir, '--db', db, '--json'])
    expect(r.code).toBe(2)
    const s = JSON.parse(r.stdout)
    expect(s.added).toBe(1)
    expect(s.failed).toHaveLength(2)
  })

  it.each([
    [['show', 'no-such-id'], 2, /没有 id 为 no-such-id/],
    [['articles', '--limit', 'x'], 2, /--limit/],
    [['frobnicate'], 2, /没有 'frobnicate' 这个命令/],
    [['ingest', '/nonexistent/path'], 2, /不存在/],
  ])('newsbot %j exits %i with one clear sentence and no stack trace', async (args, code, message) => {
    const r = await runCli([...args, '--db', await writeSampleDb(join(tmp(), 'n.db'))])
    expect(r.code).toBe(code)
    expect(r.stderr + r.stdout).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses a database from a newer version with exit 2', async () => {
    const db = join(tmp(), 'future.db')
    const Database = (await import('better-sqlite3')).default
    const raw = new Database(db)
    raw.pragma('user_version = 999')
    raw.close()
    const r = await runCli(['stats', '--db', db])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/数据库版本 999/)
  })
})
