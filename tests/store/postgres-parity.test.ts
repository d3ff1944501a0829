import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listSources } from '../../src/ingest/index.js'
import { analyzeQuery, indexSources, indexTokens } from '../../src/retrieve/index.js'
import { openPostgresStore, type Store } from '../../src/store/index.js'
import { namesOf, useBackends, writeSamples } from '../helpers/stores.js'
import { jsonl, useTmpDir } from '../helpers/tmp.js'
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
/** The question's index tokens one by one: what retrieve hands the store to rank from the postings. */
const tokensOf = (q: string) => [...new Set(phrasesOf(q).flatMap((p) => p.split(' ')))]

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

  it.each(['经开区已经分配了多少套安置房？', '小微企业融资难，区里有什么办法？', '王庄村改造到哪一步了？', '二七区 党建引领'])(
    'ranks the same articles with the same BM25 from single tokens for %s',
    async (q) => {
      for (const filters of [{}, { paper: '经开时报' }, { dateFrom: '2022-01-01', dateTo: '2023-12-31' }]) {
        const [lite, post] = await Promise.all(stores.map((s) => s.matchArticleTexts(tokensOf(q), filters, 60)))
        expect(lite!.length).toBeGreaterThan(0)
        expect(post!.map((m) => m.id)).toEqual(lite!.map((m) => m.id))
        post!.forEach((m, i) => {
          expect(m.score).toBeCloseTo(lite![i]!.score, 9)
          expect(m.text).toBe(lite![i]!.text)
        })
      }
    },
  )

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
      // Both pools connected first, and claiming from opposite ends, so their claims meet mid-way.
      await Promise.all([a, b].map((s) => Promise.all(chats.slice(0, 8).map(() => s.countSendStates('2026-11-23')))))
      const claim = (s: Store, chatId: number) => s.claimSend({ chatId, day: '2026-11-23', issueDate: null, now: 1, maxAttempts: 3 })
      const [wonA, wonB] = await Promise.all([
        Promise.all(chats.map((chatId) => claim(a, chatId))),
        Promise.all([...chats].reverse().map((chatId) => claim(b, chatId))).then((won) => won.reverse()),
      ])
      chats.forEach((_, i) => expect(Number(wonA[i]) + Number(wonB[i])).toBe(1))
      expect(await a.countSendStates('2026-11-23')).toEqual({ sending: 200 })
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('shares one quota per user between two pools taking at once', async () => {
    const url = await server.createDatabase()
    const [a, b] = [await openPostgresStore(url, { poolSize: 8 }), await openPostgresStore(url, { poolSize: 8 })] as [Store, Store]
    try {
      await Promise.all([a, b].map((s) => Promise.all(Array.from({ length: 8 }, () => s.countArticles()))))
      const take = (s: Store, userId: number, i: number) => s.takeQuota({ userId, now: 1_000 + i, day: '2026-11-23', perMinute: 5, perDay: 100 })
      const users = [1, 2, 3]
      const taken = await Promise.all(users.flatMap((u) => Array.from({ length: 20 }, (_, i) => take(i % 2 ? a : b, u, i).then((t) => ({ u, ok: t.ok })))))
      for (const u of users) expect(taken.filter((t) => t.u === u && t.ok)).toHaveLength(5)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('lets only one of two pools claim an update, whether it is new or its holder died', async () => {
    const url = await server.createDatabase()
    const [a, b] = [await openPostgresStore(url, { poolSize: 8 }), await openPostgresStore(url, { poolSize: 8 })] as [Store, Store]
    const LEASE = 120_000
    try {
      const updates = Array.from({ length: 100 }, (_, i) => 5000 + i)
      // Both pools connected first, and claiming from opposite ends, so their claims meet mid-way.
      await Promise.all([a, b].map((s) => Promise.all(updates.slice(0, 8).map(() => s.countArticles()))))
      const claim = (s: Store, updateId: number, holder: string, now: number) => s.claimUpdate({ updateId, chatId: null, holder, now, leaseMs: LEASE })
      const race = async (now: number, holders: [string, string]) => {
        const [wonA, wonB] = await Promise.all([
          Promise.all(updates.map((u) => claim(a, u, holders[0], now))),
          Promise.all([...updates].reverse().map((u) => claim(b, u, holders[1], now))).then((won) => won.reverse()),
        ])
        updates.forEach((_, i) => expect([wonA[i], wonB[i]].filter((w) => w === 'claimed')).toHaveLength(1))
      }
      await Promise.all([a.beatHolder('a1', 1), b.beatHolder('b1', 1)])
      await race(1, ['a1', 'b1'])
      // Every claimer died (no heartbeat): the resends are claimed again by new holders, each by one pool.
      await Promise.all([a.beatHolder('a2', 2 + LEASE), b.beatHolder('b2', 2 + LEASE)])
      await race(2 + LEASE, ['a2', 'b2'])
      await Promise.all(updates.map((u) => a.finishUpdate(u, 3 + LEASE)))
      expect(await claim(b, 5000, 'b3', 10 * LEASE)).toBe('done')
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

describe.skipIf(backends.length < 2)('PostgreSQL against SQLite when a file changes', () => {
  const tmp = useTmpDir()
  const record = (id: string, title: string, text: string) => ({ id, title, text, date: '2024-06-01', paper: '经开时报' })
  const first = [
    record('r1', '安置房分配进展', '经开区已分配安置房三千套，马寨社区居民陆续入住。'),
    record('r2', '金融机构进园区', '小微企业融资难题有了新办法，马寨社区金融服务站开门。'),
    record('r3', '应急培训', '应急业务技能培训在经开区举行。'),
  ]
  const second = [record('r1', '安置房分配进展', '经开区已分配安置房五千套，居民陆续入住新居。'), first[2]!]

  // SQLite's contentless FTS5 table does not take deleted rows off its row count and token totals, so
  // its BM25 drifts after rewrites; PostgreSQL's statistics must equal those of a fresh store instead.
  it('keeps term counts and BM25 statistics exact after an article is rewritten and another removed', async () => {
    const dir = tmp()
    const [path, fresh] = [join(dir, 'feed.jsonl'), join(dir, 'fresh.jsonl')]
    const stores = await Promise.all([...backends, backends[1]!].map((b) => b.open()))
    const [lite, pg, rebuilt] = stores as [Store, Store, Store]
    try {
      const write = (s: Store, file: string) => s.writeSources(indexSources(listSources([file])), { namesOf })
      writeFileSync(path, jsonl(first))
      for (const s of [lite, pg]) expect(await write(s, path)).toMatchObject({ added: 3, failed: [] })
      writeFileSync(path, jsonl(second))
      for (const s of [lite, pg]) expect(await write(s, path)).toMatchObject({ added: 0, updated: 1, unchanged: 1, removed: 1, failed: [] })
      writeFileSync(fresh, jsonl(second))
      await write(rebuilt, fresh)
      const tokens = [...new Set([...first, ...second].flatMap((r) => indexTokens(`${r.title} ${r.text}`)))]
      const [liteDocs, pgDocs, rebuiltDocs] = await Promise.all(stores.map((s) => s.getTermDocCounts(tokens)))
      expect(pgDocs).toEqual(liteDocs)
      expect(pgDocs).toEqual(rebuiltDocs)
      expect(pgDocs!.docs.get('三千')).toBe(0)
      expect(pgDocs!.docs.get('五千')).toBe(1)
      // The learned names too: 马寨社区 left with the rewritten and the removed article.
      const names = [...new Set([...first, ...second].flatMap((r) => namesOf(r)))]
      const [liteNames, pgNames, rebuiltNames] = await Promise.all(stores.map((s) => s.getLearnedNameCounts(names)))
      expect(pgNames).toEqual(liteNames)
      expect(pgNames).toEqual(rebuiltNames)
      const q = phrasesOf('经开区安置房分配了多少套 应急培训')
      const [pgHits, rebuiltHits] = await Promise.all([pg, rebuilt].map((s) => s.matchArticles(q, {}, 10)))
      expect(pgHits!.map((m) => m.id)).toEqual(['r1', 'r3'])
      expect(pgHits!.map((m) => m.id)).toEqual(rebuiltHits!.map((m) => m.id))
      pgHits!.forEach((m, i) => expect(m.score).toBeCloseTo(rebuiltHits![i]!.score, 12))
    } finally {
      await Promise.all(stores.map((s) => s.close()))
    }
  })
})
