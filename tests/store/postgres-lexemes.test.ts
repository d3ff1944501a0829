import { describe, expect, it } from 'vitest'
import { bm25Score, phraseIdf } from '../../src/store/postgres/bm25.js'
import { buildTsquery, buildTsvector, countPhrase, parseHits, type LexemeHits } from '../../src/store/postgres/lexemes.js'

describe('buildTsvector', () => {
  it.each([
    ['安置 置房', '安置 置房 分配', "'安置':1A,4 '置房':2A,5 '分配':6", 5],
    ['', '9.97 亿元', "'9.97':2 '亿元':3", 2],
    ["it's", 'a\\b', "'it''s':1A 'a\\\\b':3", 2],
  ])('writes %s | %s with headline weight A and a gap before the body', (title, body, tsv, tokens) => {
    expect(buildTsvector(title, body)).toEqual({ tsv, tokens })
  })

  it('caps positions at tsvector limit 16383 but counts every token in the length', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `t${i}`).join(' ')
    const { tsv, tokens } = buildTsvector('', body)
    expect(tokens).toBe(20_000)
    expect(tsv).toContain("'t19999':16383")
  })
})

describe('buildTsquery', () => {
  it.each([
    [['安置'], "'安置'"],
    [['安置 置房', '分配'], "('安置' <-> '置房') | '分配'"],
    [['', ' '], ''],
    [["o'k"], "'o''k'"],
  ])('%j → %s', (phrases, query) => {
    expect(buildTsquery(phrases)).toBe(query)
  })
})

describe('parseHits', () => {
  it('reads the headline and body positions PostgreSQL prints, quotes and backslashes unescaped', () => {
    const hits = parseHits("'安置':1B 'it''s':2B", "'安置':7B,12B 'a\\\\b':9B")
    expect(Object.fromEntries(hits)).toEqual({
      安置: { positions: [1, 7, 12], weights: ['A', 'D', 'D'] },
      "it's": { positions: [2], weights: ['A'] },
      'a\\b': { positions: [9], weights: ['D'] },
    })
    expect(parseHits('', '').size).toBe(0)
  })
})

describe('countPhrase', () => {
  const hits = new Map<string, LexemeHits>([
    ['安置', { positions: [1, 4, 9], weights: ['A', 'D', 'D'] }],
    ['置房', { positions: [2, 5, 7], weights: ['A', 'D', 'D'] }],
  ])
  it.each([
    ['安置 置房', { title: 1, body: 1 }],
    ['安置', { title: 1, body: 2 }],
    ['置房 安置', { title: 0, body: 0 }],
    ['分配', { title: 0, body: 0 }],
  ])('counts %s in headline and body', (phrase, counts) => {
    expect(countPhrase(phrase, hits)).toEqual(counts)
  })

  it('counts overlapping occurrences, as FTS5 does', () => {
    expect(countPhrase('哈 哈', new Map([['哈', { positions: [3, 4, 5], weights: ['D', 'D', 'D'] }]]))).toEqual({ title: 0, body: 2 })
  })
})

describe('bm25Score', () => {
  it('follows FTS5: negated, headline hits ×3, IDF floored at 1e-6', () => {
    const idf = phraseIdf(1, 10)
    expect(idf).toBeCloseTo(Math.log(9.5 / 1.5), 12)
    expect(phraseIdf(9, 10)).toBe(1e-6)
    const body = bm25Score([{ title: 0, body: 1 }], [idf], 10, 10)
    expect(body).toBeCloseTo(-idf * (2.2 / (1 + 1.2)), 12)
    expect(bm25Score([{ title: 1, body: 0 }], [idf], 10, 10)).toBeCloseTo(-idf * ((3 * 2.2) / (3 + 1.2)), 12)
    expect(bm25Score([{ title: 0, body: 1 }], [idf], 20, 10)).toBeGreaterThan(body)
  })
})
