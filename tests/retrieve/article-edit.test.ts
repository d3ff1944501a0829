import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIndex, createStoreWriter, type SearchIndex, type StoreWriter } from '../../src/retrieve/index.js'
import { createSqliteStore, getArticle, getLearnedNameCounts, listArticles, openDb, type Db } from '../../src/store/index.js'

// The operator's corrections go through the store writer, so what is searched follows what is stored.

let db: Db
let index: SearchIndex
let writer: StoreWriter
beforeEach(async () => {
  db = openDb(':memory:')
  index = createIndex(db)
  writer = createStoreWriter(createSqliteStore(db))
  await index.loadSamplesIfEmpty()
})
afterEach(() => db.close())

const ids = async (q: string) => (await index.search(q, { k: 20 })).hits.map((h) => h.id)
const passages = (pk: number) => db.prepare('SELECT count(*) FROM passages WHERE article_pk = ?').pluck().get(pk) as number

describe('correcting and deleting an article', () => {
  it('corrects headline, date and byline, and the new headline is what search finds', async () => {
    const [first] = listArticles(db, { limit: 1 })
    const before = getArticle(db, first!.id)!
    expect(await ids('鹦鹉螺科考船')).not.toContain(before.id)
    const after = await writer.correct(before.id, { title: '鹦鹉螺科考船靠港', issueDate: '2024-01-02', byline: '记者 王某' })
    expect(after).toMatchObject({ id: before.id, title: '鹦鹉螺科考船靠港', date: '2024-01-02', byline: '记者 王某', dateInferred: false, text: before.text })
    expect(getArticle(db, before.id)).toMatchObject({ title: '鹦鹉螺科考船靠港' })
    expect((await ids('鹦鹉螺科考船'))[0]).toBe(before.id)
    expect(passages(before.pk)).toBeGreaterThan(0)
  })

  it('leaves fields not given as they were, and says when there is no such article', async () => {
    const [first] = listArticles(db, { limit: 1 })
    const before = getArticle(db, first!.id)!
    expect(await writer.correct(before.id, { byline: null })).toMatchObject({ title: before.title, date: before.date, byline: null })
    expect(await writer.correct('no-such-id', { title: 'x' })).toBeUndefined()
  })

  it('deletes an article with its passages, index entry and learned names', async () => {
    const [first] = listArticles(db, { limit: 1 })
    const gone = getArticle(db, first!.id)!
    const titleWord = gone.title.slice(0, 4)
    expect(await ids(titleWord)).toContain(gone.id)
    expect(await writer.remove(gone.id)).toBe(true)
    expect(getArticle(db, gone.id)).toBeUndefined()
    expect(passages(gone.pk)).toBe(0)
    expect(await ids(titleWord)).not.toContain(gone.id)
    expect(await writer.remove(gone.id)).toBe(false)
    const names = db.prepare('SELECT name FROM learned_names').pluck().all() as string[]
    expect([...getLearnedNameCounts(db, names).values()].every((n) => n > 0)).toBe(true)
  })
})
