import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIndex, tokenizeForIndex } from '../../src/retrieve/index.js'
import { getArticle, matchArticles, matchArticleTexts, openDb, type Db, type SearchFilters } from '../../src/store/index.js'

let db: Db
beforeAll(async () => {
  db = openDb(':memory:')
  await createIndex(db).loadSamplesIfEmpty()
})
afterAll(() => db.close())

const phrases = (q: string) => tokenizeForIndex(q).split(' ')

describe('matchArticleTexts', () => {
  it('gives the articles matchArticles gives, in its order, each with its stored text and byline', () => {
    const top = matchArticles(db, phrases('经开区'), {}, 1)[0]!
    const cases: SearchFilters[] = [{}, { paper: top.paper }, { dateFrom: top.date!, dateTo: top.date! }, { exclude: [top.id] }]
    for (const filters of cases) {
      const plain = matchArticles(db, phrases('经开区 安置房 道路'), filters, 20)
      const withTexts = matchArticleTexts(db, phrases('经开区 安置房 道路'), filters, 20)
      expect(plain.length).toBeGreaterThan(0)
      expect(withTexts.map(({ text: _text, byline: _byline, ...m }) => m)).toEqual(plain)
      for (const m of withTexts) expect([m.text, m.byline]).toEqual([getArticle(db, m.id)!.text, getArticle(db, m.id)!.byline])
    }
    expect(matchArticleTexts(db, [], {}, 10)).toEqual([])
  })
})
