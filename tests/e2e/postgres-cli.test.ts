import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
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
  })

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
    // The console manages a SQLite file; on PostgreSQL it stays off and says so.
    expect(fromFile.output).toContain('console on')
    expect(fromPg.output).not.toContain('console on')
    expect(fromPg.output).toContain('管理后台 /admin 只能用于 SQLite 数据库文件')
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

  it('refuses an unknown article, an empty store and an unreachable server with one sentence each', async () => {
    expect(await runCli(['--db', url, 'show', 'no-such-id'])).toMatchObject({ code: 2, stderr: expect.stringContaining('没有 id 为 no-such-id 的文章') })
    const empty = await server.createDatabase()
    expect(await runCli(['--db', empty, 'ask', '安置房'])).toMatchObject({ code: 2, stderr: expect.stringContaining('PostgreSQL 数据库里还没有文章') })
    const down = await runCli(['--db', 'postgres://newsbot@127.0.0.1:1/newsbot', 'search', '安置房'])
    expect(down).toMatchObject({ code: 1, stderr: expect.stringContaining('无法连接 PostgreSQL 数据库 127.0.0.1:1/newsbot') })
  })
})
