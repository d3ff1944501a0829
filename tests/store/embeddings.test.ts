import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIndex } from '../../src/retrieve/index.js'
import { countPendingPassages, listPendingPassages, loadEmbeddingMatrix, openDb, saveEmbeddings, type Db } from '../../src/store/index.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()
let db: Db
let dir: string

const article = (id: string, text: string) => ({ id, title: `标题${id}`, text, date: '2024-01-02', paper: '经开时报' })

async function ingest(records: unknown[]) {
  const paths = writeFiles(dir, { 'file.jsonl': jsonl(records) })
  return createIndex(db).write([paths['file.jsonl']!])
}

beforeEach(() => {
  db = openDb(':memory:')
  dir = tmp()
})
afterEach(() => db.close())

describe('passage embeddings store', () => {
  it('lists passages without a vector for a model in pk order, after a given pk, with headline and text', async () => {
    await ingest([article('a', '第一篇的正文。'), article('b', '第二篇的正文。')])
    const all = listPendingPassages(db, 'm1', 0, 10)
    expect(all.map((p) => [p.title, p.text])).toEqual([
      ['标题a', '第一篇的正文。'],
      ['标题b', '第二篇的正文。'],
    ])
    expect(listPendingPassages(db, 'm1', all[0]!.passagePk, 10)).toEqual([all[1]])
    expect(countPendingPassages(db, 'm1')).toBe(2)
  })

  it('saves a batch, after which those passages are no longer pending for that model only', async () => {
    await ingest([article('a', '第一篇的正文。'), article('b', '第二篇的正文。')])
    const [p] = listPendingPassages(db, 'm1', 0, 1)
    expect(saveEmbeddings(db, 'm1', [{ passagePk: p!.passagePk, vector: [3, 4] }])).toBe(1)
    expect(countPendingPassages(db, 'm1')).toBe(1)
    expect(countPendingPassages(db, 'm2')).toBe(2)
  })

  it('loads a model’s vectors as unit-length rows with their article and span', async () => {
    await ingest([article('a', '第一篇的正文。')])
    const [p] = listPendingPassages(db, 'm1', 0, 1)
    saveEmbeddings(db, 'm1', [{ passagePk: p!.passagePk, vector: [3, 4] }])
    const m = loadEmbeddingMatrix(db, 'm1')
    expect(m.dims).toBe(2)
    expect(m.rows).toBe(1)
    expect([...m.matrix]).toEqual([Math.fround(0.6), Math.fround(0.8)])
    expect([m.starts[0], m.ends[0]]).toEqual([0, '第一篇的正文。'.length])
    expect(loadEmbeddingMatrix(db, 'other').rows).toBe(0)
  })

  it('reloads the cached matrix after vectors are added, and drops the vectors of a rewritten article', async () => {
    await ingest([article('a', '第一篇的正文。'), article('b', '第二篇的正文。')])
    const [p1, p2] = listPendingPassages(db, 'm1', 0, 10)
    saveEmbeddings(db, 'm1', [{ passagePk: p1!.passagePk, vector: [1, 0] }])
    const first = loadEmbeddingMatrix(db, 'm1')
    expect(loadEmbeddingMatrix(db, 'm1')).toBe(first)
    saveEmbeddings(db, 'm1', [{ passagePk: p2!.passagePk, vector: [0, 1] }])
    expect(loadEmbeddingMatrix(db, 'm1').rows).toBe(2)
    await ingest([article('a', '第一篇改过的正文。'), article('b', '第二篇的正文。')])
    expect(loadEmbeddingMatrix(db, 'm1').rows).toBe(1)
    expect(listPendingPassages(db, 'm1', 0, 10).map((p) => p.text)).toEqual(['第一篇改过的正文。'])
  })

  it('skips a vector whose passage no longer exists instead of failing the batch', async () => {
    await ingest([article('a', '第一篇的正文。')])
    const [p] = listPendingPassages(db, 'm1', 0, 1)
    expect(saveEmbeddings(db, 'm1', [{ passagePk: p!.passagePk + 1000, vector: [1] }, { passagePk: p!.passagePk, vector: [1] }])).toBe(1)
  })
})

