import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { listSources } from '../../src/ingest/index.js'
import { analyzeQuery, indexSources, indexTokens } from '../../src/retrieve/index.js'
import { openPostgresStore, type Store } from '../../src/store/index.js'
import { segmentsToMerge } from '../../src/store/postgres/segments.js'
import { namesOf } from '../helpers/stores.js'
import { usePostgres } from '../helpers/postgres.js'
import { jsonl, useTmpDir } from '../helpers/tmp.js'

const server = usePostgres()

/** The question's index tokens one by one: what retrieve hands the store to rank from the postings. */
const tokensOf = (q: string) => [...new Set(analyzeQuery(q, null).terms.flatMap((t) => t.tokens.split(' ')))]

describe('segmentsToMerge', () => {
  const segs = (entries: number[], from = 1) => entries.map((e, i) => ({ segment: from + i, entries: e }))

  it('merges sixteen segments of one size tier, and nothing before there are sixteen', () => {
    expect(segmentsToMerge(segs(Array(15).fill(3)))).toEqual([])
    expect(segmentsToMerge(segs(Array(16).fill(3)))).toEqual(segs(Array(16).fill(3)).map((s) => s.segment))
  })

  it('leaves a big segment out of a merge of small ones, and merges the smallest due tier first', () => {
    const small = segs(Array(16).fill(2), 10)
    const middle = segs(Array(16).fill(300), 100)
    expect(segmentsToMerge([{ segment: 1, entries: 60_000 }, ...small])).toEqual(small.map((s) => s.segment))
    expect(segmentsToMerge([...middle, ...small])).toEqual(small.map((s) => s.segment))
  })
})

describe.skipIf(!server.available)('PostgreSQL postings across many writes', () => {
  const tmp = useTmpDir()
  const record = (id: string, title: string, text: string) => ({ id, title, text, date: '2024-06-01', paper: '经开时报' })
  const texts = ['安置房分配', '小微企业融资', '应急技能培训', '廉洁文化建设', '老旧小区改造', '道路通车']
  const article = (n: number, round: number) =>
    record(`r${n}`, `${texts[n % texts.length]}进展${n}`, `经开区第${n}项工作：${texts[(n + round) % texts.length]}，第${round}轮报道，共${n * 10 + round}户受益。`)

  it('ranks like a store built at once after forty files, rewrites, removals and merges', async () => {
    const dir = tmp()
    const url = await server.createDatabase()
    const [store, rebuilt] = [await openPostgresStore(url), await openPostgresStore(await server.createDatabase())]
    const write = (s: Store, files: string[]) => s.writeSources(indexSources(listSources(files)), { namesOf })
    const file = (name: string, rows: ReturnType<typeof record>[]) => {
      const path = join(dir, name)
      writeFileSync(path, jsonl(rows))
      return path
    }
    try {
      // Forty files of one or two articles: forty segments, merged as they reach sixteen.
      const files = Array.from({ length: 40 }, (_, i) => file(`f${i}.jsonl`, [article(2 * i, 0), ...(i % 2 ? [article(2 * i + 1, 0)] : [])]))
      for (const f of files) await write(store, [f])
      // A phrase's count is kept for the index generation it was made at: asked now, and again after the writes.
      const phrase = indexTokens('第2轮报道').join(' ')
      expect((await store.getTermDocCounts([phrase])).docs.get(phrase)).toBe(0)
      // Rewrite every third file's articles twice (the second time, some of the first rewrites are in
      // segments being merged), and drop the second article of every fourth file.
      for (const round of [1, 2]) {
        for (const [i, f] of files.entries()) {
          if (i % 3 === 0) writeFileSync(f, jsonl([article(2 * i, round), ...(i % 2 ? [article(2 * i + 1, round)] : [])]))
          else if (round === 1 && i % 4 === 1) writeFileSync(f, jsonl([article(2 * i, 0)]))
          else continue
          await write(store, [f])
        }
      }
      await write(rebuilt, [file('all.jsonl', files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))))])

      expect(await countSegments(url)).toBeLessThan(16)
      const [counted, recounted] = await Promise.all([store, rebuilt].map((s) => s.getTermDocCounts([phrase])))
      expect(counted!.docs.get(phrase)).toBe(21)
      expect(counted).toEqual(recounted)
      for (const q of ['安置房分配进展', '小微企业融资 第2轮报道', '老旧小区改造 受益', '经开区 工作 道路通车']) {
        const [got, want] = await Promise.all([store, rebuilt].map((s) => s.matchArticles(tokensOf(q), {}, 60)))
        expect(want!.length).toBeGreaterThan(0)
        expect(got!.map((m) => m.id)).toEqual(want!.map((m) => m.id))
        got!.forEach((m, i) => expect(m.score).toBeCloseTo(want![i]!.score, 9))
      }
    } finally {
      await Promise.all([store.close(), rebuilt.close()])
    }
  }, 120_000)

})

/** How many segments the postings of the database at `url` are in. */
async function countSegments(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM index_segments')).rows[0]!.n
  } finally {
    await client.end()
  }
}
