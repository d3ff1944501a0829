import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeQuery } from '../../src/retrieve/index.js'
import { openPostgresStore, type Store } from '../../src/store/index.js'
import { useBackends, writeSamples } from '../helpers/stores.js'
import { usePostgres } from '../helpers/postgres.js'

const server = usePostgres()
const backends = useBackends(server)

const QUESTIONS = [
  '经开区已经分配了多少套安置房？',
  '小微企业融资难，区里有什么办法？',
  '金融机构进园区',
  '应急业务技能培训',
  '廉洁文化建设',
  '王庄村改造到哪一步了？',
  '二七区 党建引领',
]

const phrasesOf = (q: string) => analyzeQuery(q, null).terms.map((t) => t.tokens)

describe.skipIf(backends.length < 2)('PostgreSQL against SQLite on the sample bulletins', () => {
  let stores: Store[] = []
  beforeAll(async () => {
    stores = await Promise.all(backends.map((b) => b.open()))
    for (const s of stores) await writeSamples(s)
  }, 60_000)
  afterAll(() => Promise.all(stores.map((s) => s.close())))

  it.each(QUESTIONS)('ranks the same candidates in the same order with the same BM25 for %s', async (q) => {
    for (const limit of [60, 3]) {
      const [lite, pg] = await Promise.all(stores.map((s) => s.matchArticles(phrasesOf(q), {}, limit)))
      expect(lite!.length).toBeGreaterThan(0)
      expect(pg!.map((m) => m.id)).toEqual(lite!.map((m) => m.id))
      pg!.forEach((m, i) => expect(m.score).toBeCloseTo(lite![i]!.score, 9))
    }
    const [liteDocs, pgDocs] = await Promise.all(stores.map((s) => s.getTermDocCounts(phrasesOf(q))))
    expect(pgDocs).toEqual(liteDocs)
  })

  it('keeps the same ranking within a date range, a paper, and without excluded articles', async () => {
    const q = phrasesOf('经开区 工作 建设')
    for (const filters of [{ dateFrom: '2022-01-01', dateTo: '2023-12-31' }, { paper: '经开时报' }, { exclude: ['a-2e903f8583f3', 'a-927ec28bf778'] }]) {
      const [lite, pg] = await Promise.all(stores.map((s) => s.matchArticles(q, filters, 10)))
      expect(lite!.length).toBeGreaterThan(0)
      expect(pg!.map((m) => m.id)).toEqual(lite!.map((m) => m.id))
      pg!.forEach((m, i) => expect(m.score).toBeCloseTo(lite![i]!.score, 9))
    }
  })
})

describe.skipIf(!server.available)('PostgreSQL across processes', () => {
  it('lets only one of two pools claim a chat and day when both race for it', async () => {
    const url = await server.createDatabase()
    const [a, b] = [await openPostgresStore(url, { poolSize: 8 }), await openPostgresStore(url, { poolSize: 8 })] as [Store, Store]
    try {
      const chats = Array.from({ length: 200 }, (_, i) => i + 1)
      const race = (s: Store) => Promise.all(chats.map((chatId) => s.claimSend({ chatId, day: '2026-11-23', issueDate: null, now: 1, maxAttempts: 3 })))
      const [wonA, wonB] = await Promise.all([race(a), race(b)])
      chats.forEach((_, i) => expect(Number(wonA[i]) + Number(wonB[i])).toBe(1))
      expect(wonA.some(Boolean) && wonB.some(Boolean)).toBe(true)
      expect(await a.countSendStates('2026-11-23')).toEqual({ sending: 200 })
      const updates = Array.from({ length: 100 }, (_, i) => 5000 + i)
      const [newA, newB] = await Promise.all([a, b].map((s) => Promise.all(updates.map((u) => s.markUpdateSeen(u, 1)))))
      updates.forEach((_, i) => expect(Number(newA![i]) + Number(newB![i])).toBe(1))
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('reports an unreachable server as one sentence naming it, without the password', async () => {
    await expect(openPostgresStore('postgres://newsbot:secret@127.0.0.1:1/nowhere')).rejects.toThrow(
      /^无法连接 PostgreSQL 数据库 127\.0\.0\.1:1\/nowhere（.*）；请检查 NEWSBOT_DATABASE_URL/,
    )
    await expect(openPostgresStore('postgres://newsbot:secret@127.0.0.1:1/nowhere')).rejects.not.toThrow(/secret/)
  })
})
