import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { startEpaperSite } from '../helpers/epaper-server.js'
import { startCli } from '../helpers/live-cli.js'
import { usePostgres } from '../helpers/postgres.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useSuiteTmpDir } from '../helpers/tmp.js'

const tmp = useSuiteTmpDir()
const server = usePostgres()

describe.skipIf(!server.available)('search, ask and show on PostgreSQL', () => {
  let file: string
  let url: string
  beforeAll(async () => {
    file = await writeSampleDb(join(tmp(), 'n.db'))
    url = await server.createDatabase()
    expect((await runCli(['migrate-store', '--from', file, '--to', url])).code).toBe(0)
  }, 60_000)

  it('prints what the SQLite file it was copied from prints, through --db or NEWSBOT_DATABASE_URL', async () => {
    for (const args of [
      ['search', '经开区分了多少套安置房', '--json'],
      ['search', '党建', '-k', '5', '--paper', '二七区新闻', '--json'],
      ['ask', '郑大二附院周边道路什么时候通车', '--json'],
      ['ask', '经开区分了多少套安置房'],
    ]) {
      const fromFile = await runCli(['--db', file, ...args])
      expect(fromFile.code, args.join(' ')).toBe(0)
      expect(await runCli(['--db', url, ...args]), args.join(' ')).toEqual(fromFile)
    }
    const top = JSON.parse((await runCli(['search', '经开区分了多少套安置房', '--json'], { NEWSBOT_DATABASE_URL: url })).stdout) as { id: string }[]
    expect(top.length).toBeGreaterThan(0)
    const show = await runCli(['show', top[0]!.id], { NEWSBOT_DATABASE_URL: url })
    expect(show).toEqual(await runCli(['--db', file, 'show', top[0]!.id]))
    expect(show.stdout).toContain('3636')
    // Eleven CLI runs, each starting Node: on a busy two-core machine more than the default minute.
  }, 120_000)

  it('serves readers from PostgreSQL as from the file, with answers computed on worker threads', async () => {
    const served = async (db: string) => {
      const cli = startCli(['serve', '--db', db, '--port', '0'], { env: { NEWSBOT_ANSWER_THREADS: '1', NEWSBOT_ADMIN_PASSWORD: 'pg-serve-password' } })
      await cli.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/)
      const url = /listening on (\S+)/.exec(cli.output())![1]!
      const get = async (path: string) => (await fetch(`${url}${path}`)).json()
      const ask = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '经开区分了多少套安置房？' }) })
      const search = (await get('/api/search?q=%E5%AE%89%E7%BD%AE%E6%88%BF&k=3')) as { id: string }[]
      const page = await (await fetch(`${url}/articles/${search[0]!.id}`)).text()
      const seen = { health: await get('/healthz'), search, ask: await ask.json(), article: await get(`/api/articles/${search[0]!.id}`), digest: await get('/api/digest'), page }
      cli.child.kill('SIGTERM')
      expect(await cli.exited).toBe(0)
      return { seen, output: cli.output() }
    }
    const [fromFile, fromPg] = [await served(file), await served(url)]
    expect(fromPg.seen).toEqual(fromFile.seen)
    expect(fromPg.seen.health).toEqual({ ok: true, articles: 31 })
    expect(JSON.stringify(fromPg.seen.ask)).toContain('3636')
    // The console runs on either store.
    expect(fromFile.output).toContain('console on')
    expect(fromPg.output).toContain('console on')
  })

  it('ingests page files into PostgreSQL with the summary SQLite gives, and the ingested store answers like the file', async () => {
    const fresh = await server.createDatabase()
    const samples = join(import.meta.dirname, '../../data/samples')
    const first = await runCli(['--db', fresh, 'ingest', samples, '--json'])
    expect(first.code, first.stderr).toBe(0)
    const intoFile = await runCli(['--db', join(tmp(), 'ingested.db'), 'ingest', samples, '--json'])
    expect(JSON.parse(first.stdout)).toEqual(JSON.parse(intoFile.stdout))
    expect(JSON.parse(first.stdout)).toMatchObject({ added: 31, failed: [] })
    // Again: nothing changed, nothing written.
    expect(JSON.parse((await runCli(['--db', fresh, 'ingest', samples, '--json'])).stdout)).toMatchObject({ added: 0, unchanged: 31 })
    for (const args of [['search', '经开区分了多少套安置房', '--json'], ['ask', '郑大二附院周边道路什么时候通车', '--json']]) {
      expect(await runCli(['--db', fresh, ...args]), args.join(' ')).toEqual(await runCli(['--db', file, ...args]))
    }
    // A bad file is reported and the rest kept, as on SQLite.
    const bad = join(tmp(), 'bad.jsonl')
    writeFileSync(bad, '{"id": "x1", "title": "好的", "text": "经开区新闻。"}\nnot json\n')
    const partly = await runCli(['--db', fresh, 'ingest', bad, '--json'])
    expect(partly.code).toBe(2)
    expect(JSON.parse(partly.stdout)).toMatchObject({ added: 1, failed: [expect.objectContaining({ line: 2 })] })
  }, 60_000)

  it('lists articles and prints stats as the file does, and corrects paper and date by id through articles --set', async () => {
    for (const args of [['articles', '--json'], ['articles', '--limit', '50'], ['articles', '--paper', '二七区新闻', '--json'], ['articles', '--date', '2099-01-01']]) {
      const fromFile = await runCli(['--db', file, ...args])
      expect(fromFile.code, args.join(' ')).toBe(0)
      expect(await runCli(['--db', url, ...args]), args.join(' ')).toEqual(fromFile)
    }
    const stats = async (db: string) => {
      const r = await runCli(['--db', db, 'stats', '--json'])
      expect(r.code).toBe(0)
      const { dbBytes, ...rest } = JSON.parse(r.stdout) as { dbBytes: number }
      expect(dbBytes).toBeGreaterThan(0)
      return rest
    }
    expect(await stats(url)).toEqual(await stats(file))
    expect((await runCli(['stats'], { NEWSBOT_DATABASE_URL: url })).stdout).toMatch(/^文章 31 篇/)

    const copy = await server.createDatabase()
    expect((await runCli(['migrate-store', '--from', file, '--to', copy])).code).toBe(0)
    const [one] = JSON.parse((await runCli(['--db', copy, 'articles', '--limit', '1', '--json'])).stdout) as { id: string }[]
    const set = await runCli(['--db', copy, 'articles', '--set', 'paper=郑州日报', '--set', 'date=2024-01-02', '--id', one!.id])
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining('已修改 1 篇文章，报纸：郑州日报，日期：2024-01-02') })
    const listed = JSON.parse((await runCli(['--db', copy, 'articles', '--date', '2024-01-02', '--json'])).stdout) as { id: string; paper: string; inferred?: boolean }[]
    expect(listed).toEqual([expect.objectContaining({ id: one!.id, paper: '郑州日报' })])
    expect(listed[0]!.inferred).toBeUndefined()
    expect(await runCli(['--db', copy, 'articles', '--set', 'paper=x', '--id', 'no-such-id'])).toMatchObject({ code: 2, stderr: expect.stringContaining('没有找到要修改的文章') })
  }, 120_000)

  it('fetches an e-paper issue into PostgreSQL, and a re-fetch asks with the stored validators', async () => {
    const site = await startEpaperSite({})
    try {
      const fresh = await server.createDatabase()
      const issue = `${site.origin}/classic/html/2020-06/03/node_1.htm`
      const first = await runCli(['--db', fresh, 'fetch', issue, '--delay', '0', '--json'])
      expect(first.code, first.stderr).toBe(0)
      const intoFile = await runCli(['--db', join(tmp(), 'fetched.db'), 'fetch', issue, '--delay', '0', '--json'])
      expect(JSON.parse(first.stdout)).toEqual(JSON.parse(intoFile.stdout))
      expect(JSON.parse(first.stdout)).toMatchObject({ added: 5, failed: [] })
      site.seen.length = 0
      const again = await runCli(['fetch', issue, '--delay', '0', '--json'], { NEWSBOT_DATABASE_URL: fresh })
      expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0, unchanged: 5 })
      expect(site.seen.filter((r) => /content_\d+\.htm$/.test(r.path)).map((r) => r.status)).toEqual([304, 304, 304, 304, 304])
      const list = JSON.parse((await runCli(['--db', fresh, 'articles', '--json'])).stdout) as { paper: string; date: string }[]
      expect(list.map((a) => [a.paper, a.date])).toEqual(Array(5).fill(['经开时报', '2020-06-03']))
    } finally {
      await site.close()
    }
  }, 60_000)

  it('refuses an unknown article, an empty store and an unreachable server with one sentence each', async () => {
    expect(await runCli(['--db', url, 'show', 'no-such-id'])).toMatchObject({ code: 2, stderr: expect.stringContaining('没有 id 为 no-such-id 的文章') })
    const empty = await server.createDatabase()
    expect(await runCli(['--db', empty, 'ask', '安置房'])).toMatchObject({ code: 2, stderr: expect.stringContaining('PostgreSQL 数据库里还没有文章') })
    const down = await runCli(['--db', 'postgres://newsbot@127.0.0.1:1/newsbot', 'search', '安置房'])
    expect(down).toMatchObject({ code: 1, stderr: expect.stringContaining('无法连接 PostgreSQL 数据库 127.0.0.1:1/newsbot') })
  })
})
