import { describe, expect, it } from 'vitest'
import { analyzeQuery } from '../../src/retrieve/index.js'
import type { Store } from '../../src/store/index.js'
import { indexEntry } from '../../src/retrieve/index.js'
import { namesOf, useBackends, writeSamples } from '../helpers/stores.js'

// The same cases on SQLite and PostgreSQL: the async store is one interface with two backends.
const backends = useBackends()
const T = Date.parse('2026-11-23T00:00:00Z')
const DAY = '2026-11-23'
const LEASE = 120_000

/** The phrases a question searches for, as retrieve's query analysis makes them. */
const phrasesOf = (q: string) => analyzeQuery(q, null).terms.map((t) => t.tokens)

async function withStore(open: () => Promise<Store>, work: (s: Store) => Promise<void>): Promise<void> {
  const store = await open()
  try {
    await work(store)
  } finally {
    await store.close()
  }
}

describe.each(backends)('$name store', ({ open }) => {
  it('writes a batch of indexed articles, reads them back, and leaves an unchanged file alone', () =>
    withStore(open, async (s) => {
      const first = await writeSamples(s)
      expect(first).toMatchObject({ files: 5, added: 31, updated: 0, failed: [] })
      expect(await s.countArticles()).toBe(31)
      const listed = await s.listArticles({ limit: 50 })
      expect(listed).toHaveLength(31)
      expect(listed.map((a) => a.date)).toEqual([...listed.map((a) => a.date)].sort().reverse())
      expect(await s.listArticles({ paper: '二七区新闻', limit: 50 })).toSatisfy((l: { paper: string }[]) => l.length > 0 && l.every((a) => a.paper === '二七区新闻'))
      const one = await s.getArticle(listed[0]!.id)
      expect(one).toMatchObject({ id: listed[0]!.id, title: listed[0]!.title, paper: '经开时报', dateInferred: true })
      expect(one!.text).toHaveLength(listed[0]!.chars)
      expect(await s.getArticle('no-such-id')).toBeUndefined()
      expect(await writeSamples(s)).toMatchObject({ added: 0, updated: 0, unchanged: 31 })
    }))

  it('finds candidates by phrase, best first, within the filters', () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const hits = await s.matchArticles(phrasesOf('安置房分配了多少套'), {}, 10)
      expect(hits.length).toBeGreaterThan(0)
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => a - b))
      expect(hits[0]!.score).toBeLessThan(0)
      const texts = await s.getArticleTexts(hits.map((h) => h.pk))
      expect(texts.get(hits[0]!.pk)!.text).toContain('安置房')
      const top = hits[0]!
      expect((await s.matchArticles(phrasesOf('安置房'), { exclude: [top.id] }, 10)).map((h) => h.id)).not.toContain(top.id)
      const paper = await s.matchArticles(phrasesOf('经开区 工作'), { paper: '二七区新闻' }, 50)
      expect(paper.every((h) => h.paper === '二七区新闻')).toBe(true)
      const dated = await s.matchArticles(phrasesOf('经开区 工作'), { dateFrom: '2022-01-01', dateTo: '2022-12-31' }, 50)
      expect(dated.length).toBeGreaterThan(0)
      expect(dated.every((h) => h.date! >= '2022-01-01' && h.date! <= '2022-12-31')).toBe(true)
      expect(await s.matchArticles(['不存 存在 在的'], {}, 10)).toEqual([])
      expect(await s.matchArticles([], {}, 10)).toEqual([])
    }))

  it('counts the articles holding each token and each phrase', () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const { total, docs } = await s.getTermDocCounts(['安置', '安置 置房', '不存'])
      expect(total).toBe(31)
      expect(docs.get('安置')).toBeGreaterThan(0)
      expect(docs.get('安置 置房')).toBeLessThanOrEqual(docs.get('安置')!)
      expect(docs.get('安置 置房')).toBeGreaterThan(0)
      expect(docs.get('不存')).toBe(0)
    }))

  it('reads what ranking needs: candidates with their texts, passage spans in text order, learned-name counts', () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const hits = await s.matchArticleTexts(phrasesOf('经开区安置房分配'), {}, 5)
      expect(hits).toHaveLength(5)
      expect(hits.map((h) => h.id)).toEqual((await s.matchArticles(phrasesOf('经开区安置房分配'), {}, 5)).map((h) => h.id))
      expect(hits[0]!.text).toBe((await s.getArticle(hits[0]!.id))!.text)
      expect(await s.matchArticleTexts(phrasesOf('安置房'), { exclude: [hits[0]!.id] }, 5)).not.toContainEqual(expect.objectContaining({ id: hits[0]!.id }))
      const spans = await s.getPassageSpans([hits[1]!.pk, hits[0]!.pk])
      const first = spans.filter((p) => p.articlePk === hits[0]!.pk)
      expect(first.length).toBeGreaterThan(0)
      expect(first.map((p) => p.start)).toEqual([...first.map((p) => p.start)].sort((x, y) => x - y))
      expect(first.every((p) => p.start < p.end && p.end <= hits[0]!.text.length)).toBe(true)
      expect(await s.getPassageSpans([])).toEqual([])
      const names = await s.getLearnedNameCounts(['马寨社区', '马寨产业集聚区', '火星社区'])
      expect(names.get('马寨产业集聚区')).toBe(1)
      expect(names.has('火星社区')).toBe(false)
      expect(await s.getLearnedNameCounts([])).toEqual(new Map())
    }))

  it('keeps a chat\'s newest turns with their logged questions, counts and lists them, and forgets a chat', () =>
    withStore(open, async (s) => {
      const at = (min: number) => new Date(T + min * 60_000).toISOString()
      const cited = [{ n: 1, id: 'a-1', title: '安置房', paper: '经开时报', date: '2023-11-15' }]
      const logged = (chatId: number, min: number, abstained: boolean) =>
        ({ chatId, askedAt: at(min), askedDay: DAY, chatType: 'private', question: `问题${min}`, mode: 'extractive', abstained, citations: abstained ? 0 : 1, ms: 12 })
      for (let min = 0; min < 5; min++) {
        await s.recordAnswer(7, { question: `问题${min}`, searched: `问题${min}`, answer: `回答${min}`, citations: min === 4 ? cited : [], createdAt: at(min) }, 3, logged(7, min, min % 2 === 1))
      }
      await s.recordAnswer(-100123, { question: '群里', searched: '群里', answer: '答', citations: [], createdAt: at(1) }, 3, logged(-100123, 1, false))
      await s.logQuestion({ askedAt: at(6), askedDay: '2026-11-24', chatType: 'web', question: '网页', mode: 'extractive', abstained: true, citations: 0, ms: 5 })
      const turns = await s.listChatTurns(7)
      expect(turns.map((t) => t.question)).toEqual(['问题2', '问题3', '问题4'])
      expect(turns[2]).toEqual({ question: '问题4', searched: '问题4', answer: '回答4', citations: cited, createdAt: at(4) })
      expect((await s.listChatTurns(7, { since: at(3), limit: 1 })).map((t) => t.question)).toEqual(['问题4'])
      expect(await s.countQuestionsOn(DAY)).toEqual({ asked: 6, abstained: 2 })
      expect(await s.listUnansweredQuestions(2)).toEqual([{ question: '网页', askedDay: '2026-11-24' }, { question: '问题3', askedDay: DAY }])
      expect(await s.forgetChat(7)).toEqual({ turns: 3, questions: 5 })
      expect(await s.listChatTurns(7)).toEqual([])
      expect(await s.pruneConversations(at(2))).toEqual({ turns: 1, questions: 1 })
      expect(await s.countQuestionsOn('2026-11-24')).toEqual({ asked: 1, abstained: 1 })
    }))

  it('counts a user\'s requests against the sliding minute and the local day, and forgets earlier days', () =>
    withStore(open, async (s) => {
      const take = (userId: number, now: number, day = DAY) => s.takeQuota({ userId, now, day, perMinute: 2, perDay: 3 })
      expect(await take(1, T)).toEqual({ ok: true })
      expect(await take(1, T + 10_000)).toEqual({ ok: true })
      expect(await take(1, T + 20_000)).toEqual({ ok: false, reason: 'rate', oldestAt: T })
      expect(await take(2, T + 20_000)).toEqual({ ok: true })
      expect(await take(1, T + 60_001)).toEqual({ ok: true })
      expect(await take(1, T + 200_000)).toEqual({ ok: false, reason: 'daily' })
      expect(await take(1, T + 86_400_000, '2026-11-24')).toEqual({ ok: true })
      expect(await s.takeQuota({ userId: 3, now: T, day: DAY, perMinute: Infinity, perDay: Infinity })).toEqual({ ok: true })
    }))

  it("counts a web address's requests in the sliding minute, apart from every user's counts", () =>
    withStore(open, async (s) => {
      const take = (address: string, now: number) => s.takeAddressRate({ address, now, perMinute: 2 })
      expect(await take('203.0.113.5', T)).toEqual({ ok: true })
      expect(await take('203.0.113.5', T + 10_000)).toEqual({ ok: true })
      expect(await take('203.0.113.5', T + 20_000)).toEqual({ ok: false, oldestAt: T })
      expect(await take('2001:db8::1', T + 20_000)).toEqual({ ok: true })
      // The address's requests count towards no user, and a user's towards no address.
      expect(await s.takeQuota({ userId: 1, now: T + 20_000, day: DAY, perMinute: 1, perDay: 1 })).toEqual({ ok: true })
      expect(await take('203.0.113.5', T + 60_001)).toEqual({ ok: true })
      expect(await take('203.0.113.5', T + 60_002)).toEqual({ ok: false, oldestAt: T + 10_000 })
      expect(await s.pruneQuotaTakes(T + 3 * 86_400_000)).toBe(4)
    }))

  it('keeps passage vectors per model: pending passages, saved vectors as one unit-length matrix, the articles behind hits', () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const total = await s.countPendingPassages('m1')
      expect(total).toBeGreaterThan(31)
      const first = await s.listPendingPassages('m1', 0, 3)
      expect(first.map((p) => p.passagePk)).toEqual([...first.map((p) => p.passagePk)].sort((a, b) => a - b))
      expect(first[0]!.text.length).toBeGreaterThan(0)
      expect((await s.listPendingPassages('m1', first[1]!.passagePk, 1))[0]!.passagePk).toBe(first[2]!.passagePk)
      const [a, b, c] = first.map((p) => p.passagePk) as [number, number, number]
      expect(await s.saveEmbeddings('m1', [{ passagePk: a, vector: [3, 4] }, { passagePk: b, vector: [1, 0] }, { passagePk: 999_999, vector: [0, 1] }])).toBe(2)
      expect(await s.countPendingPassages('m1')).toBe(total - 2)
      expect((await s.listPendingPassages('m1', 0, 1))[0]!.passagePk).toBe(c)

      const m = await s.loadEmbeddingMatrix('m1')
      expect({ dims: m.dims, rows: m.rows, matrix: [...m.matrix] }).toEqual({ dims: 2, rows: 2, matrix: [Math.fround(0.6), Math.fround(0.8), 1, 0] })
      const spans = await s.getPassageSpans([m.articlePks[0]!])
      expect(spans).toContainEqual(expect.objectContaining({ start: m.starts[0], end: m.ends[0] }))
      expect(await s.loadEmbeddingMatrix('m1')).toBe(m)
      expect((await s.loadEmbeddingMatrix('m2')).rows).toBe(0)
      await s.saveEmbeddings('m1', [{ passagePk: c, vector: [0, 2] }])
      expect((await s.loadEmbeddingMatrix('m1')).rows).toBe(3)
      // A passage's vector saved again replaces the old one.
      await s.saveEmbeddings('m1', [{ passagePk: a, vector: [0, 5] }])
      expect([...(await s.loadEmbeddingMatrix('m1')).matrix.slice(0, 2)]).toEqual([0, 1])

      const articles = await s.getHitArticles([m.articlePks[0]!, 999_999])
      expect([...articles.keys()]).toEqual([m.articlePks[0]])
      const article = (await s.getArticleByPk(m.articlePks[0]!))!
      expect(articles.get(m.articlePks[0]!)).toEqual({ pk: article.pk, id: article.id, title: article.title, paper: article.paper, date: article.date, text: article.text, byline: article.byline })
      expect(await s.getHitArticles([])).toEqual(new Map())
    }))

  it('reads an article by pk and what the store holds, per paper', () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const [first] = await s.matchArticles(phrasesOf('安置房'), {}, 1)
      expect((await s.getArticleByPk(first!.pk))?.id).toBe(first!.id)
      expect(await s.getArticleByPk(999_999)).toBeUndefined()
      const stats = await s.getStoreStats()
      expect(stats).toMatchObject({ articles: 31, sources: 5, lastDate: '2023-11-15' })
      expect(stats.passages).toBeGreaterThan(31)
      expect(stats.papers.reduce((n, p) => n + p.articles, 0)).toBe(31)
      expect(stats.dbBytes === null || stats.dbBytes > 0).toBe(true)
    }))

  it('corrects an article and re-indexes it: the new headline is found and the term counts follow', () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const [hit] = await s.matchArticles(phrasesOf('马寨产业集聚区'), {}, 1)
      const old = (await s.getArticle(hit!.id))!
      const before = await s.getTermDocCounts(['火星', '座谈'])
      const fixed = await s.correctArticle(old.id, { title: '火星基地座谈会', issueDate: '2023-06-12', byline: null }, indexEntry, namesOf)
      expect(fixed).toMatchObject({ id: old.id, pk: old.pk, title: '火星基地座谈会', date: '2023-06-12', dateInferred: false, byline: null, text: old.text })
      expect(await s.getArticle(old.id)).toEqual(fixed)
      expect((await s.matchArticles(phrasesOf('火星基地'), {}, 5)).map((h) => h.id)).toEqual([old.id])
      const after = await s.getTermDocCounts(['火星', '座谈'])
      expect(after.total).toBe(31)
      expect(after.docs.get('火星')).toBe(1)
      expect(after.docs.get('座谈')).toBe(before.docs.get('座谈'))
      // The body still names the district, so its learned count is unchanged.
      expect((await s.getLearnedNameCounts(['马寨产业集聚区'])).get('马寨产业集聚区')).toBe(1)
      expect(await s.correctArticle('no-such-id', { title: 'x' }, indexEntry, namesOf)).toBeUndefined()
      const kept = await s.correctArticle(old.id, { byline: '记者 王明' }, indexEntry, namesOf)
      expect(kept).toMatchObject({ title: '火星基地座谈会', date: '2023-06-12', byline: '记者 王明' })
    }))

  it('deletes an article with its index entry, passages and the names it taught', () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const [hit] = await s.matchArticles(phrasesOf('马寨产业集聚区'), {}, 1)
      const docs = (await s.getTermDocCounts(['马寨'])).docs.get('马寨')!
      expect(await s.deleteArticle(hit!.id, namesOf)).toBe(true)
      expect(await s.getArticle(hit!.id)).toBeUndefined()
      expect(await s.countArticles()).toBe(30)
      expect(await s.getPassageSpans([hit!.pk])).toEqual([])
      expect((await s.matchArticles(phrasesOf('马寨产业集聚区'), {}, 50)).map((h) => h.id)).not.toContain(hit!.id)
      const counts = await s.getTermDocCounts(['马寨'])
      expect(counts.total).toBe(30)
      expect(counts.docs.get('马寨')).toBe(docs - 1)
      expect((await s.getLearnedNameCounts(['马寨产业集聚区'])).has('马寨产业集聚区')).toBe(false)
      expect((await s.getStoreStats()).articles).toBe(30)
      expect(await s.deleteArticle(hit!.id, namesOf)).toBe(false)
    }))

  it("sets articles' paper and date by id or by source file, no longer inferred", () =>
    withStore(open, async (s) => {
      await writeSamples(s)
      const [one] = await s.listArticles({ limit: 1 })
      expect(await s.setArticleOrigin({ ids: [one!.id, 'no-such-id'] }, { paper: '郑州日报' })).toBe(1)
      expect(await s.getArticle(one!.id)).toMatchObject({ paper: '郑州日报', paperInferred: false })
      const source = (await s.getArticle(one!.id))!.sourcePath
      const n = await s.setArticleOrigin({ source }, { issueDate: '2023-01-02' })
      expect(n).toBeGreaterThan(1)
      const dated = await s.listArticles({ date: '2023-01-02', limit: 50 })
      expect(dated).toHaveLength(n)
      expect(dated.find((a) => a.id === one!.id)).toMatchObject({ paper: '郑州日报', date: '2023-01-02' })
      expect(dated.find((a) => a.id === one!.id)?.inferred).toBeUndefined()
      expect(await s.setArticleOrigin({ source: '/no/such/file.txt' }, { paper: 'x' })).toBe(0)
    }))

  it('keeps the validators of fetched pages and the question log, newest first', () =>
    withStore(open, async (s) => {
      const url = 'http://epaper.example.cn/html/2024-06/01/content_1.htm'
      expect(await s.getFetchedPage(url)).toBeUndefined()
      await s.saveFetchedPage(url, { hash: 'h1', etag: '"e1"' })
      expect(await s.getFetchedPage(url)).toEqual({ hash: 'h1', etag: '"e1"' })
      await s.saveFetchedPage(url, { hash: 'h2', lastModified: 'Sat, 01 Jun 2024 00:00:00 GMT' })
      expect(await s.getFetchedPage(url)).toEqual({ hash: 'h2', lastModified: 'Sat, 01 Jun 2024 00:00:00 GMT' })
      const q = (question: string, abstained: boolean) =>
        ({ askedAt: new Date(T).toISOString(), askedDay: DAY, chatType: 'web', question, mode: 'extractive', abstained, citations: abstained ? 0 : 2, ms: 9 })
      await s.logQuestion(q('第一', false))
      await s.logQuestion(q('第二', true))
      expect(await s.listQuestionLog(10)).toEqual([q('第二', true), q('第一', false)])
      expect(await s.listQuestionLog(1)).toEqual([q('第二', true)])
    }))

  it('creates, changes, pauses, resumes and deletes subscriptions', () =>
    withStore(open, async (s) => {
      expect(await s.saveSubscription(7, {}, T)).toMatchObject({ chatId: 7, sendTime: '08:00', areas: [], topic: null, status: 'active', activeSince: T })
      await s.saveSubscription(7, { sendTime: '07:30', areas: ['经开区'] }, T + 1)
      expect(await s.saveSubscription(7, { topic: '安置房' }, T + 2)).toMatchObject({ sendTime: '07:30', areas: ['经开区'], topic: '安置房', activeSince: T })
      await s.saveSubscription(-1001234567890, {}, T)
      await s.pauseSubscription(7, 'Forbidden: bot was blocked by the user', T + 3)
      expect(await s.getSubscription(7)).toMatchObject({ status: 'paused', pausedReason: 'Forbidden: bot was blocked by the user' })
      expect((await s.listActiveSubscriptions()).map((x) => x.chatId)).toEqual([-1001234567890])
      expect((await s.listSubscriptions()).map((x) => x.chatId)).toEqual([-1001234567890, 7])
      expect(await s.saveSubscription(7, { topic: null }, T + 4)).toMatchObject({ status: 'active', pausedReason: null, topic: null, activeSince: T + 4 })
      expect(await s.deleteSubscription(7)).toBe(true)
      expect(await s.deleteSubscription(7)).toBe(false)
    }))

  it('lets exactly one claim win per chat and day, and re-claims a failed send until its attempts are used', () =>
    withStore(open, async (s) => {
      const claim = (chatId: number, day = DAY) => s.claimSend({ chatId, day, issueDate: '2023-11-15', now: T, maxAttempts: 3 })
      expect(await claim(1)).toBe(true)
      expect(await claim(1)).toBe(false)
      expect(await s.recordSkipped(1, DAY, null, T)).toBe(false)
      await s.settleSend(1, DAY, { state: 'sent', messageIds: [5, 6] }, T)
      expect(await s.getSendRecord(1, DAY)).toMatchObject({ state: 'sent', messageIds: [5, 6], attempts: 1, error: null })
      expect(await claim(1)).toBe(false)
      for (let i = 0; i < 3; i++) {
        expect(await claim(2)).toBe(true)
        await s.settleSend(2, DAY, { state: 'failed', error: 'Bad Request' }, T)
      }
      expect(await claim(2)).toBe(false)
      expect(await s.getSendRecord(2, DAY)).toMatchObject({ state: 'failed', attempts: 3 })
      expect(await s.recordSkipped(3, DAY, null, T)).toBe(true)
      expect(await claim(3)).toBe(false)
      expect(await s.countSendStates(DAY)).toEqual({ sent: 1, failed: 1, skipped: 1 })
      expect(await s.getLastDigestIssue(1)).toBe('2023-11-15')
      expect(await s.getLastDigestIssue(2)).toBeNull()
    }))

  it('gives a claim back after a 429 and marks sends a dead process left as unknown', () =>
    withStore(open, async (s) => {
      const claim = (chatId: number) => s.claimSend({ chatId, day: DAY, issueDate: null, now: T, maxAttempts: 3 })
      expect(await claim(1)).toBe(true)
      await s.releaseSend(1, DAY)
      expect(await s.getSendRecord(1, DAY)).toBeUndefined()
      await claim(2)
      await s.settleSend(2, DAY, { state: 'failed' }, T)
      await claim(2)
      await s.releaseSend(2, DAY)
      expect(await s.getSendRecord(2, DAY)).toMatchObject({ state: 'failed', attempts: 1 })
      await claim(3)
      expect(await s.markInterruptedSends(T + 1, LEASE)).toBe(1)
      expect(await s.getSendRecord(3, DAY)).toMatchObject({ state: 'unknown' })
      expect(await claim(3)).toBe(false)
    }))

  it("marks as unknown only the sends of a holder that stopped beating, never a live replica's", () =>
    withStore(open, async (s) => {
      const claim = (chatId: number, owner: string) => s.claimSend({ chatId, day: DAY, issueDate: '2023-11-16', now: T, maxAttempts: 3, owner })
      await s.beatHolder('a', T)
      await s.beatHolder('b', T)
      expect(await claim(1, 'a')).toBe(true)
      expect(await claim(2, 'b')).toBe(true)
      expect(await claim(1, 'b')).toBe(false)
      // b keeps beating; a's last beat is older than the lease when c starts.
      await s.beatHolder('b', T + LEASE)
      await s.beatHolder('c', T + LEASE + 1)
      expect(await s.markInterruptedSends(T + LEASE + 1, LEASE)).toBe(1)
      expect(await s.getSendRecord(1, DAY)).toMatchObject({ state: 'unknown', claimedBy: 'a' })
      expect(await s.getSendRecord(2, DAY)).toMatchObject({ state: 'sending', claimedBy: 'b' })
      expect(await s.getLastDigestIssue(1)).toBe('2023-11-16')
      // A holder that was only slow settles its send over the 'unknown'.
      await s.settleSend(1, DAY, { state: 'sent', messageIds: [7] }, T + LEASE + 2)
      expect(await s.getSendRecord(1, DAY)).toMatchObject({ state: 'sent', messageIds: [7] })
      // A round that ended leaves no holder behind: what it left 'sending' is interrupted at once.
      await s.endHolder('b')
      expect(await s.markInterruptedSends(T + LEASE + 3, LEASE)).toBe(1)
      expect(await s.getSendRecord(2, DAY)).toMatchObject({ state: 'unknown' })
    }))

  it('lists the send log from a day, the last issue of many chats at once, and prunes old days but each chat’s newest', () =>
    withStore(open, async (s) => {
      const sent = async (chatId: number, day: string, issue: string) => {
        await s.claimSend({ chatId, day, issueDate: issue, now: T, maxAttempts: 3 })
        await s.settleSend(chatId, day, { state: 'sent', messageIds: [1] }, T)
      }
      await sent(1, '2026-01-01', '2025-12-31')
      await sent(1, '2026-11-22', '2026-11-21')
      await sent(2, '2026-01-01', '2025-12-30')
      await s.claimSend({ chatId: 3, day: DAY, issueDate: '2026-11-22', now: T, maxAttempts: 3 })
      await s.settleSend(3, DAY, { state: 'failed', error: 'Bad Request' }, T)
      expect((await s.listSendRecords('2026-11-22')).map((r) => [r.chatId, r.digestDate, r.state]).sort())
        .toEqual([[1, '2026-11-22', 'sent'], [3, DAY, 'failed']])
      expect(await s.getLastDigestIssues([1, 2, 3, 4])).toEqual(new Map([[1, '2026-11-21'], [2, '2025-12-30']]))
      expect(await s.getLastDigestIssues([])).toEqual(new Map())
      expect(await s.pruneSendLog('2026-06-01')).toBe(1)
      expect(await s.getSendRecord(1, '2026-01-01')).toBeUndefined()
      expect(await s.getSendRecord(2, '2026-01-01')).toMatchObject({ state: 'sent' })
    }))

  it('lists issue dates newest first and an issue’s articles in page order', () =>
    withStore(open, async (s) => {
      expect(await s.getNewestIssueDate()).toBeNull()
      expect(await s.listIssueDates()).toEqual([])
      await writeSamples(s)
      const newest = await s.getNewestIssueDate()
      expect(await s.listIssueDates()).toEqual([newest])
      const all = await s.listIssueDates({ limit: 10 })
      expect(all).toEqual([...all].sort().reverse())
      expect(all.length).toBeGreaterThan(2)
      expect(await s.listIssueDates({ after: all[2], limit: 10 })).toEqual(all.slice(0, 2))
      const issue = await s.listIssueArticles(all[0]!)
      expect(issue.length).toBeGreaterThan(0)
      expect(issue.every((a) => a.date === all[0])).toBe(true)
      const order = issue.map((a) => `${a.paper}|${a.sourcePath}`)
      expect(order).toEqual([...order].sort())
      expect(await s.listIssueArticles('1999-01-01')).toEqual([])
    }))

  it('claims a new update id once, and a finished one never again', () =>
    withStore(open, async (s) => {
      const claim = (updateId: number, now: number, holder = 'a') => s.claimUpdate({ updateId, chatId: null, holder, now, leaseMs: LEASE })
      await s.beatHolder('a', T)
      await s.beatHolder('b', T)
      expect(await claim(9001, T)).toBe('claimed')
      expect(await claim(9001, T + 5, 'b')).toBe('held')
      expect(await claim(9001, T + 5)).toBe('held')
      expect(await claim(9002, T)).toBe('claimed')
      await s.finishUpdate(9001, T + 10)
      expect(await claim(9001, T + 10 * LEASE, 'b')).toBe('done')
    }))

  it('lets an unfinished claim be taken over only once its holder stopped beating, by one claimer', () =>
    withStore(open, async (s) => {
      const claim = (holder: string, now: number) => s.claimUpdate({ updateId: 9003, chatId: 70, holder, now, leaseMs: LEASE })
      await s.beatHolder('a', T)
      await s.beatHolder('b', T)
      await s.beatHolder('c', T)
      expect(await claim('a', T)).toBe('claimed')
      // a keeps beating: however old its claim, it is a's.
      await s.beatHolder('a', T + 3 * LEASE)
      expect(await claim('b', T + 3 * LEASE + 1)).toBe('held')
      // a falls silent for a whole lease: b takes the update over, and c then finds it b's.
      await s.beatHolder('b', T + 4 * LEASE)
      expect(await claim('b', T + 4 * LEASE)).toBe('claimed')
      expect(await claim('c', T + 4 * LEASE + 1)).toBe('held')
      await s.finishUpdate(9003, T + 4 * LEASE + 2)
      expect(await claim('c', T + 10 * LEASE)).toBe('done')
    }))

  it('takes over at once a claim whose holder ended its heartbeat, and the new holder keeps it', () =>
    withStore(open, async (s) => {
      const claim = (updateId: number, holder: string, now: number) => s.claimUpdate({ updateId, chatId: null, holder, now, leaseMs: LEASE })
      await s.beatHolder('a', T)
      await s.beatHolder('b', T)
      expect(await claim(9004, 'a', T)).toBe('claimed')
      await s.endHolder('a')
      expect(await claim(9004, 'b', T + 1)).toBe('claimed')
      await s.beatHolder('a', T + 2)
      expect(await claim(9004, 'a', T + 2)).toBe('held')
    }))

  it('lists the unfinished updates of dead holders with what Telegram sent, and forgets that once finished', () =>
    withStore(open, async (s) => {
      const claim = (updateId: number, holder: string, now: number, payload?: string) =>
        s.claimUpdate({ updateId, chatId: 80, holder, now, leaseMs: LEASE, payload })
      await s.beatHolder('a', T)
      await s.beatHolder('b', T)
      expect(await claim(9031, 'a', T, '{"update_id":9031}')).toBe('claimed')
      expect(await claim(9030, 'a', T, '{"update_id":9030}')).toBe('claimed')
      expect(await claim(9032, 'a', T)).toBe('claimed') // no payload: a resend is needed
      expect(await claim(9033, 'b', T, '{"update_id":9033}')).toBe('claimed')
      expect(await claim(9034, 'a', T, '{"update_id":9034}')).toBe('claimed')
      await s.finishUpdate(9034, T + 1)
      expect(await s.listOrphanedUpdates(T + 1, LEASE, 10)).toEqual([])
      // a falls silent, b beats on: a's open updates with a payload, oldest first.
      await s.beatHolder('b', T + LEASE)
      const orphans = await s.listOrphanedUpdates(T + LEASE, LEASE, 10)
      expect(orphans).toEqual([{ updateId: 9030, payload: '{"update_id":9030}' }, { updateId: 9031, payload: '{"update_id":9031}' }])
      expect(await s.listOrphanedUpdates(T + LEASE, LEASE, 1)).toHaveLength(1)
      // b takes one over (the payload stays for b's own taker), then finishes it.
      expect(await claim(9030, 'b', T + LEASE)).toBe('claimed')
      expect((await s.listOrphanedUpdates(T + LEASE, LEASE, 10)).map((o) => o.updateId)).toEqual([9031])
      await s.finishUpdate(9030, T + LEASE)
      await s.beatHolder('c', T + 3 * LEASE)
      expect((await s.listOrphanedUpdates(T + 3 * LEASE, LEASE, 10)).map((o) => o.updateId)).toEqual([9031, 9033])
    }))

  it('never hands over an update whose reply had started going out, and finishes it once its holder died', () =>
    withStore(open, async (s) => {
      const claim = (updateId: number, holder: string, now: number) =>
        s.claimUpdate({ updateId, chatId: 90, holder, now, leaseMs: LEASE, payload: `{"update_id":${updateId}}` })
      await s.beatHolder('a', T)
      await s.beatHolder('b', T)
      expect(await claim(9040, 'a', T)).toBe('claimed')
      expect(await claim(9041, 'a', T)).toBe('claimed')
      await s.markReplying(9040, T + 1)
      // While a is alive, a resend of the replying update has nothing left to wait for.
      expect(await claim(9040, 'b', T + 2)).toBe('done')
      expect(await claim(9041, 'b', T + 2)).toBe('held')
      expect(await s.finishInterruptedReplies(T + 2, LEASE)).toBe(0)
      // a dies: the update it was still answering is taken over, the one it was replying to is not.
      await s.beatHolder('b', T + LEASE)
      expect((await s.listOrphanedUpdates(T + LEASE, LEASE, 10)).map((o) => o.updateId)).toEqual([9041])
      expect(await claim(9040, 'b', T + LEASE)).toBe('done')
      expect(await s.hasEarlierUnfinished(90, 9042, T + LEASE, LEASE)).toBe(true)
      expect(await s.finishInterruptedReplies(T + LEASE, LEASE)).toBe(1)
      expect(await s.finishInterruptedReplies(T + LEASE, LEASE)).toBe(0)
      expect(await claim(9041, 'b', T + LEASE)).toBe('claimed')
      await s.finishUpdate(9041, T + LEASE)
      expect(await s.hasEarlierUnfinished(90, 9042, T + LEASE, LEASE)).toBe(false)
    }))

  it("reports a chat's earlier unfinished update until it is finished or the wait for it has passed", () =>
    withStore(open, async (s) => {
      const earlier = (updateId: number, now: number, chatId = 70) => s.hasEarlierUnfinished(chatId, updateId, now, LEASE)
      expect(await s.claimUpdate({ updateId: 9010, chatId: 70, holder: 'a', now: T, leaseMs: LEASE })).toBe('claimed')
      expect(await s.claimUpdate({ updateId: 9011, chatId: 70, holder: 'a', now: T + 1, leaseMs: LEASE })).toBe('claimed')
      expect(await s.claimUpdate({ updateId: 9012, chatId: 71, holder: 'a', now: T + 1, leaseMs: LEASE })).toBe('claimed')
      expect(await s.claimUpdate({ updateId: 9013, chatId: null, holder: 'a', now: T + 1, leaseMs: LEASE })).toBe('claimed')
      expect(await earlier(9011, T + 2)).toBe(true)
      // Only smaller ids of the same chat count: not itself, not a later one, not another chat's.
      expect(await earlier(9010, T + 2)).toBe(false)
      expect(await earlier(9014, T + 2, 71)).toBe(true)
      expect(await earlier(9012, T + 2, 71)).toBe(false)
      expect(await earlier(9099, T + 2, 72)).toBe(false)
      await s.finishUpdate(9010, T + 3)
      expect(await earlier(9011, T + 4)).toBe(false)
      // A claim never finished (its replica died, no resend came) stops counting once the wait has passed.
      expect(await earlier(9020, T + 1 + LEASE)).toBe(true)
      expect(await earlier(9020, T + 2 + LEASE)).toBe(false)
    }))
})
