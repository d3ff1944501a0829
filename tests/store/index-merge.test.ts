import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createIndex, tokenizeForIndex } from '../../src/retrieve/index.js'
import { getTermDocCounts, matchArticles, openDb, type Db } from '../../src/store/index.js'
import { mergeIndexSegments } from '../../src/store/index-merge.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()

const segments = (db: Db) => db.prepare('SELECT count(DISTINCT segid) FROM articles_fts_idx').pluck().get() as number

const articles = (n: number, from = 0) =>
  jsonl(Array.from({ length: n }, (_, i) => ({
    id: `a-${from + i}`,
    title: `第${from + i}号通报：${['经开区', '二七区', '示范区'][i % 3]}道路建设进展`,
    text: `截至${(i % 12) + 1}月底，第${from + i}号道路工程已完成投资${i * 7}万元，${i % 5 === 0 ? '安置房同步交付，' : ''}计划年底前建成通车。`,
    date: '2023-11-20',
  })))

describe('mergeIndexSegments', () => {
  it('leaves the index of a large ingest, written in many batches, in one segment', async () => {
    const dir = tmp()
    const db = openDb(join(dir, 'n.db'))
    const { 'big.jsonl': file } = writeFiles(dir, { 'big.jsonl': articles(4000) })
    const summary = await createIndex(db).write([file!])
    expect(summary.added).toBe(4000)
    expect(segments(db)).toBe(1)
    db.close()
  })

  it('changes no match, score or count, only how many segments hold them', async () => {
    const dir = tmp()
    const db = openDb(join(dir, 'n.db'))
    const files = writeFiles(dir, { 'a.jsonl': articles(300) })
    await createIndex(db).write([files['a.jsonl']!])
    // Rows written in transactions of their own, as small writes (a correction, an upload) leave them.
    for (let i = 0; i < 5; i++) db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)').run(100_000 + i, tokenizeForIndex('经开区通报'), tokenizeForIndex('安置房交付'))
    // A fresh connection each time: a connection keeps the term counts it has read.
    const read = () => {
      const reader = openDb(join(dir, 'n.db'), { readonly: true })
      const found = {
        matches: ['经开区 安置房', '道路 通车', '二七区'].map((q) => matchArticles(reader, tokenizeForIndex(q).split(' '), {}, 50)),
        counts: getTermDocCounts(reader, ['经开', '安置', '置房', '通车', '安置 置房']).docs,
      }
      reader.close()
      return found
    }
    const before = read()
    expect(before.matches[0]!.length).toBeGreaterThan(0)
    expect(segments(db)).toBeGreaterThan(1)
    await mergeIndexSegments(db)
    expect(segments(db)).toBe(1)
    expect(read()).toEqual(before)
    db.close()
  })
})
