import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { listSources, mapArticles } from '../../src/ingest/index.js'
import { createIndex, indexSources, writeIndexed } from '../../src/retrieve/index.js'
import { countArticles, getArticle, listArticles, openDb, type Db } from '../../src/store/index.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()

const RECORDS = [
  { id: 'n1', title: '经开区分配安置房', text: '截至目前，全区已分配安置房3636套。', date: '2023-11-20', paper: '经开时报' },
  { id: 'n2', title: '郑大二附院周边道路', text: '确保9月底前郑大二附院周边道路全部建成通车。', date: '2020-06-05', paper: '经开时报' },
  { text: '没有 id 的记录，由内容生成 id。', published_at: '2023-07-28 16:40:00' },
]

function snapshot(db: Db) {
  return {
    articles: db.prepare('SELECT id, content_hash FROM articles ORDER BY id').all(),
    passages: db.prepare('SELECT count(*) FROM passages').pluck().get(),
    fts: db.prepare('SELECT count(*) FROM articles_fts').pluck().get(),
  }
}

describe('index.write with JSONL', () => {
  it('adds every good record and derives ids for records without one', async () => {
    const db = openDb(':memory:')
    const { 'a.jsonl': file } = writeFiles(tmp(), { 'a.jsonl': jsonl(RECORDS) })
    const s = await createIndex(db).write([file!])
    expect(s).toMatchObject({ files: 1, added: 3, updated: 0, unchanged: 0, failed: [] })
    expect(getArticle(db, 'n1')).toMatchObject({ title: '经开区分配安置房', paper: '经开时报', date: '2023-11-20' })
    const derived = listArticles(db).find((a) => a.id.startsWith('d-'))
    expect(derived).toMatchObject({ date: '2023-07-28', title: '' })
  })

  it('changes nothing when the same file is ingested twice', async () => {
    const db = openDb(':memory:')
    const { 'a.jsonl': file } = writeFiles(tmp(), { 'a.jsonl': jsonl(RECORDS) })
    await createIndex(db).write([file!])
    const before = snapshot(db)
    const s = await createIndex(db).write([file!])
    expect(s).toMatchObject({ added: 0, updated: 0, unchanged: 3, removed: 0 })
    expect(snapshot(db)).toEqual(before)
  })

  it('replaces a corrected file: same ids updated, dropped records removed', async () => {
    const db = openDb(':memory:')
    const dir = tmp()
    const { 'a.jsonl': file } = writeFiles(dir, { 'a.jsonl': jsonl(RECORDS) })
    await createIndex(db).write([file!])
    writeFiles(dir, { 'a.jsonl': jsonl([{ ...RECORDS[0], text: '截至目前，全区已分配安置房3700套。' }, RECORDS[1]]) })
    const s = await createIndex(db).write([file!])
    expect(s).toMatchObject({ added: 0, updated: 1, unchanged: 1, removed: 1 })
    expect(getArticle(db, 'n1')!.text).toContain('3700')
    expect(countArticles(db)).toBe(2)
    expect(db.prepare('SELECT count(*) FROM articles_fts').pluck().get()).toBe(2)
  })

  it('reports bad lines with their numbers and ingests the rest', async () => {
    const db = openDb(':memory:')
    const text = [
      JSON.stringify(RECORDS[0]),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text', title: '只有标题' }),
      JSON.stringify({ ...RECORDS[0], text: '重复 id 的另一条' }),
      '',
      JSON.stringify(RECORDS[1]),
    ].join('\n')
    const { 'b.jsonl': file } = writeFiles(tmp(), { 'b.jsonl': text })
    const s = await createIndex(db).write([file!])
    expect(s.added).toBe(2)
    expect(s.failed.map((f) => f.line)).toEqual([2, 3, 4])
    expect(s.failed[1]!.error).toMatch(/text/)
    expect(s.failed[2]!.error).toMatch(/重复/)
    expect(getArticle(db, 'n1')!.text).toBe(RECORDS[0]!.text)
  })

  it('reads .jsonl.gz, and fails a truncated gzip whole, leaving the database as it was', async () => {
    const db = openDb(':memory:')
    const dir = tmp()
    const gz = gzipSync(jsonl(RECORDS))
    const files = writeFiles(dir, { 'good.jsonl.gz': gz, 'cut.jsonl.gz': gz.subarray(0, gz.length - 20) })
    const s1 = await createIndex(db).write([files['good.jsonl.gz']!])
    expect(s1.added).toBe(3)
    const before = snapshot(db)
    writeFiles(dir, { 'cut.jsonl.gz': gzipSync(jsonl([{ id: 'n9', text: '新的' }, ...RECORDS])).subarray(0, 40) })
    const s2 = await createIndex(db).write([files['cut.jsonl.gz']!])
    expect(s2.failed).toHaveLength(1)
    expect(s2.failed[0]!.error).toMatch(/gzip|截断|读取失败/)
    expect(snapshot(db)).toEqual(before)
  })
})

describe('index.write with bad input', () => {
  it('reports each bad file in a mixed folder and ingests the good ones', async () => {
    const db = openDb(':memory:')
    const dir = tmp()
    writeFiles(dir, {
      'good.jsonl': jsonl(RECORDS.slice(0, 2)),
      'empty.txt': '',
      'blank.jsonl': '\n\n',
      'binary.txt': Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]),
      'scan.pdf': '%PDF-1.4',
    })
    const s = await createIndex(db).write([dir, `${dir}/missing.txt`])
    expect(s.added).toBe(2)
    const failedNames = s.failed.map((f) => f.path.split('/').pop())
    expect(failedNames).toEqual(expect.arrayContaining(['empty.txt', 'blank.jsonl', 'binary.txt', 'scan.pdf', 'missing.txt']))
    for (const f of s.failed) expect(f.error.length).toBeGreaterThan(4)
  })

  it('refuses an oversized page file with a clear error', async () => {
    const db = openDb(':memory:')
    const big = Buffer.alloc(21 * 1024 * 1024, '经开区'.repeat(1000))
    const { 'huge.txt': file } = writeFiles(tmp(), { 'huge.txt': big })
    const s = await createIndex(db).write([file!])
    expect(s.failed[0]!.error).toMatch(/20 MB/)
    expect(countArticles(db)).toBe(0)
  })

  it('rolls back a file whose writing fails midway and goes on with the next', async () => {
    const db = openDb(':memory:')
    const dir = tmp()
    const files = writeFiles(dir, {
      'a.jsonl': jsonl([RECORDS[0], { id: 'boom', text: '这一条会在索引时失败。' }, RECORDS[1]]),
      'b.jsonl': jsonl([RECORDS[2]]),
    })
    const sources = mapArticles(listSources([files['a.jsonl']!, files['b.jsonl']!]), (a) => {
      if (a.text.includes('失败')) throw new Error('disk on fire')
      return a
    })
    const s = await writeIndexed(db, indexSources(sources))
    expect(s.failed).toEqual([{ path: files['a.jsonl'], error: 'disk on fire' }])
    expect(s.added).toBe(1)
    expect(listArticles(db).map((a) => a.id)).toEqual([expect.stringMatching(/^d-/)])
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBeGreaterThan(0)
  })
})

describe('OCR uncertainty and page regions', () => {
  it('keeps the lines OCR was unsure of and the page region with the article, and none for text read otherwise', async () => {
    const db = openDb(':memory:')
    const { 'a.jsonl': file } = writeFiles(tmp(), { 'a.jsonl': jsonl(RECORDS) })
    const region = { x: 0.05, y: 0.1, width: 0.3, height: 0.42 }
    const read = mapArticles(listSources([file!]), (a) => (a.id === 'n1' ? { ...a, uncertain: ['全区已分配安置房'], region } : a))
    await writeIndexed(db, indexSources(read))
    expect(getArticle(db, 'n1')).toMatchObject({ uncertain: ['全区已分配安置房'], region })
    expect(getArticle(db, 'n2')).toMatchObject({ uncertain: [], region: null })
  })
})
