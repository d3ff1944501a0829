import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { analyzeQuery, createIndex } from '../../src/retrieve/index.js'
import {
  claimSend, claimUpdate, createSqliteStore, describeMismatch, finishUpdate, logQuestion, openDb, openPostgresStore, saveChatTurn, saveEmbeddings,
  saveSubscription, settleSend, type TableCount,
} from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'
import { usePostgres } from '../helpers/postgres.js'
import { useTmpDir } from '../helpers/tmp.js'

const server = usePostgres()
const tmp = useTmpDir()
const T = Date.parse('2026-11-23T00:00:00Z')

/** A SQLite store with the samples and a row or more in every other table. */
async function writeFullStore(path: string): Promise<void> {
  const db = openDb(path)
  await createIndex(db).loadSamplesIfEmpty()
  saveEmbeddings(db, 'test-embed', [{ passagePk: 1, vector: [3, 4] }, { passagePk: 2, vector: [1, 0] }])
  saveSubscription(db, -1001234567890, { areas: ['经开区'] }, T)
  claimSend(db, { chatId: -1001234567890, day: '2026-11-23', issueDate: '2023-11-15', now: T, maxAttempts: 3 })
  settleSend(db, -1001234567890, '2026-11-23', { state: 'sent', messageIds: [41] }, T)
  saveChatTurn(db, 7, { question: '安置房分配了多少套？', searched: '安置房分配了多少套', answer: '……', citations: [], createdAt: new Date(T).toISOString() }, 3)
  logQuestion(db, { chatId: 7, askedAt: new Date(T).toISOString(), askedDay: '2026-11-23', chatType: 'private', question: '安置房', mode: 'extractive', abstained: false, citations: 1, ms: 12 })
  claimUpdate(db, { updateId: 123456, chatId: 7, holder: 'replica-a', now: T, leaseMs: 10_000 })
  finishUpdate(db, 123456, T)
  db.close()
}

describe.skipIf(!server.available)('newsbot migrate-store', () => {
  it('copies every table into PostgreSQL, prints matching counts, and the copy answers like the original', async () => {
    const from = join(tmp(), 'full.db')
    await writeFullStore(from)
    const to = await server.createDatabase()
    const run = await runCli(['migrate-store', '--from', from, '--to', to])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    for (const table of ['articles', 'passages', 'passage_embeddings', 'subscriptions', 'digest_sends', 'chat_turns', 'question_log', 'seen_updates', 'article_index']) {
      expect(run.stdout).toMatch(new RegExp(`^${table}\\s+(\\d+)\\s+\\1\\s+ok$`, 'm'))
    }
    expect(run.stdout).toMatch(/^articles\s+31\s+31\s+ok$/m)

    const copy = await openPostgresStore(to)
    const original = openDb(from, { readonly: true })
    try {
      expect(await copy.getSubscription(-1001234567890)).toMatchObject({ areas: ['经开区'], status: 'active' })
      expect(await copy.getSendRecord(-1001234567890, '2026-11-23')).toMatchObject({ state: 'sent', messageIds: [41] })
      // Copied as finished: a resend is never handled again, even long after any lease.
      expect(await copy.claimUpdate({ updateId: 123456, chatId: 7, holder: 'replica-b', now: T + 86_400_000, leaseMs: 10_000 })).toBe('done')
      const phrases = analyzeQuery('经开区已经分配了多少套安置房？', null).terms.map((t) => t.tokens)
      const hits = await copy.matchArticles(phrases, {}, 10)
      expect(hits.length).toBeGreaterThan(0)
      const expected = await createSqliteStore(original).matchArticles(phrases, {}, 10)
      expect(hits.map((h) => [h.pk, h.id])).toEqual(expected.map((h) => [h.pk, h.id]))
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 9))
      // The copied vectors make the very matrix dense retrieval reads on SQLite.
      expect(await copy.loadEmbeddingMatrix('test-embed')).toEqual(await createSqliteStore(original).loadEmbeddingMatrix('test-embed'))
      expect((await copy.loadEmbeddingMatrix('test-embed')).rows).toBe(2)
      const client = new pg.Client({ connectionString: to })
      await client.connect()
      const vector = (await client.query('SELECT vector FROM passage_embeddings WHERE passage_pk = 1')).rows[0].vector as number[]
      expect(vector.map((x) => Number(x.toFixed(6)))).toEqual([0.6, 0.8])
      // New rows continue after the copied keys.
      const next = await client.query("INSERT INTO chat_turns (chat_id, question, searched, answer, created_at) VALUES (1, 'q', 'q', 'a', 'now') RETURNING id")
      expect(next.rows[0].id).toBeGreaterThan(original.prepare('SELECT max(id) FROM chat_turns').pluck().get() as number)
      await client.end()
    } finally {
      original.close()
      await copy.close()
    }

    const again = await runCli(['migrate-store', '--from', from, '--to', to])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/^newsbot: 目标 PostgreSQL 数据库不是空的（sources 5 行，articles 31 行/)
    // Two CLI processes and a copy: seconds each on a loaded machine.
  }, 60_000)

  it('fails with exit 1 and one sentence naming the server when PostgreSQL is unreachable', async () => {
    const from = join(tmp(), 'full.db')
    await writeFullStore(from)
    const run = await runCli(['migrate-store', '--from', from, '--to', 'postgres://newsbot:secret@127.0.0.1:1/none'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^newsbot: 无法连接 PostgreSQL 数据库 127\.0\.0\.1:1\/none/)
    expect(run.stderr).not.toContain('secret')
    // A CLI process on a loaded machine: seconds, as above.
  }, 60_000)
})

describe('describeMismatch', () => {
  const ok: TableCount = { table: 'articles', sqlite: 31, postgres: 31 }
  it.each([
    [[ok], null],
    [[ok, { table: 'passages', sqlite: 118, postgres: 117 }], '复制后行数不一致：passages（SQLite 118，PostgreSQL 117）'],
  ])('names only the tables whose counts differ', (counts, message) => {
    expect(describeMismatch(counts)).toBe(message)
  })
})
