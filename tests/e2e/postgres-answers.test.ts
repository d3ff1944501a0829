import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/index.js'
import { createQuestionIndex, type QuestionIndex } from '../../src/retrieve/index.js'
import type { Store } from '../../src/store/index.js'
import { useBackends, writeSamples } from '../helpers/stores.js'

// The dev set's questions (answerable or not) over the sample bulletins, on both stores.
const QUESTIONS = readFileSync('data/dev-questions.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question)

const backends = useBackends()

describe.skipIf(backends.length < 2)('questions on PostgreSQL against SQLite (sample bulletins)', () => {
  let stores: Store[] = []
  let indexes: QuestionIndex[] = []
  beforeAll(async () => {
    stores = await Promise.all(backends.map((b) => b.open()))
    for (const s of stores) await writeSamples(s)
    indexes = stores.map((s) => createQuestionIndex(s))
  }, 60_000)
  afterAll(() => Promise.all(stores.map((s) => s.close())))

  it('ranks the same top hits, with the same scores and snippets, for every dev question', async () => {
    let found = 0
    for (const q of QUESTIONS) {
      const [lite, pg] = await Promise.all(indexes.map((i) => i.search(q, { k: 5 })))
      if (lite!.hits.length > 0) found++
      expect(pg!.hits.map((h) => h.id), q).toEqual(lite!.hits.map((h) => h.id))
      pg!.hits.forEach((h, i) => {
        expect(h.score, q).toBeCloseTo(lite!.hits[i]!.score, 6)
        expect(h.snippet, q).toBe(lite!.hits[i]!.snippet)
      })
      expect(pg!.query.words).toEqual(lite!.query.words)
    }
    expect(found).toBeGreaterThan(QUESTIONS.length * 0.8)
  })

  it('gives the same extractive answer with the same citations', async () => {
    let answered = 0
    for (const q of QUESTIONS) {
      const [lite, pg] = await Promise.all(indexes.map((i) => answerQuestion(i, q, { mode: 'extractive' })))
      expect(pg, q).toEqual(lite)
      if (!lite!.abstained) answered++
    }
    expect(answered).toBeGreaterThan(QUESTIONS.length / 2)
  })

  it('reads a follow-up the same way and keeps filters and exclusions', async () => {
    const history = [{ question: '郑大二附院周边道路在修吗', searched: '郑大二附院周边道路在修吗', answer: '在修。' }]
    const [lite, pg] = await Promise.all(indexes.map((i) => answerQuestion(i, '那它什么时候完工？', { mode: 'extractive', history })))
    expect(pg!.searched).toBe(lite!.searched)
    expect(pg!.answer).toBe(lite!.answer)
    const first = (await indexes[0]!.search('经开区分了多少套安置房', { k: 1 })).hits[0]!
    for (const opts of [{ exclude: [first.id] }, { paper: '二七区新闻' }, { dateFrom: '2022-01-01', dateTo: '2023-12-31' }]) {
      const [l, p] = await Promise.all(indexes.map((i) => i.search('经开区分了多少套安置房', { k: 10, ...opts })))
      expect(p!.hits.map((h) => h.id)).toEqual(l!.hits.map((h) => h.id))
    }
  })
})
