import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useTmpDir } from '../helpers/tmp.js'

const tmp = useTmpDir()

describe('newsbot search', () => {
  it('ranks the answering article first', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const res = await runCli(['search', '经开区分了多少套安置房', '--db', db, '-k', '3', '--json'])
    expect(res.code).toBe(0)
    const hits = JSON.parse(res.stdout)
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.length).toBeLessThanOrEqual(3)
    expect(Object.keys(hits[0]).sort()).toEqual(['date', 'id', 'paper', 'score', 'snippet', 'title'])
    const shown = JSON.parse((await runCli(['show', hits[0].id, '--db', db, '--json'])).stdout)
    expect(shown.text).toContain('3636套')
    expect(shown.text).toContain(hits[0].snippet)
    const without = JSON.parse((await runCli(['search', '经开区分了多少套安置房', '--db', db, '-k', '3', '--json', '--exclude', `${hits[0].id},nope`])).stdout)
    expect(without.map((h: { id: string }) => h.id)).not.toContain(hits[0].id)
  })

  it('filters by paper and dates, and prints readable lines without --json', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const json = await runCli(['search', '党建', '--db', db, '--paper', '二七区新闻', '--date-from', '2020-06-01', '--date-to', '2020-06-30', '--json'])
    const hits = JSON.parse(json.stdout)
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h: { paper: string; date: string }) => h.paper === '二七区新闻' && h.date.startsWith('2020-06'))).toBe(true)
    const text = await runCli(['search', '郑大二附院旁边的路啥时候通车', '--db', db, '-k', '1'])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^1\. 郑大二附院/)
  })

  it('exits 2 with one sentence for bad input, and survives FTS syntax and huge queries', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const bad = [
      ['？？'],
      ['安置房', '-k', '0'],
      ['安置房', '--date-from', '2020/1/1'],
      ['安置房', '--date-to', '2023-02-30'],
      ['安置房', '--date-from', '2023-12-01', '--date-to', '2023-01-01'],
    ]
    for (const args of bad) {
      const res = await runCli(['search', ...args, '--db', db])
      expect(res.code).toBe(2)
      expect(res.stderr.trim().split('\n')).toHaveLength(1)
    }
    const syntax = await runCli(['search', '"安置房" AND NOT (title:*)', '--db', db, '--json'])
    expect(syntax.code).toBe(0)
    const huge = await runCli(['search', '安置房'.repeat(3400), '--db', db, '--json'])
    expect(huge.code).toBe(0)
    expect(JSON.parse(huge.stdout).length).toBeGreaterThan(0)
  })
})
