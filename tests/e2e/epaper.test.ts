import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { EPAPER_FIXTURES, startEpaperSite } from '../helpers/epaper-server.js'
import { useTmpDir } from '../helpers/tmp.js'

const tmp = useTmpDir()
const ISSUE = '/classic/html/2020-06/03/'
const QUICK = ['--delay', '0', '--timeout', '1000']

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers) await close()
  closers = []
})

async function json(args: string[]) {
  const r = await runCli([...args, '--json'])
  return { ...r, body: r.stdout ? JSON.parse(r.stdout) : undefined }
}

describe('newsbot ingest of a saved e-paper edition', () => {
  it('ingests the edition once, with page, page name, kicker and source address kept', async () => {
    const db = join(tmp(), 'n.db')
    const first = await json(['ingest', join(EPAPER_FIXTURES, 'classic'), '--db', db])
    expect(first.code).toBe(0)
    expect(first.body).toMatchObject({ files: 5, added: 5, failed: [] })
    const again = await json(['ingest', join(EPAPER_FIXTURES, 'classic'), '--db', db])
    expect(again.body).toMatchObject({ added: 0, updated: 0, unchanged: 5 })

    const list = (await json(['articles', '--db', db])).body as { id: string; title: string; paper: string; date: string }[]
    expect(list.every((a) => a.paper === '经开时报' && a.date === '2020-06-03')).toBe(true)
    const road = list.find((a) => a.title.startsWith('郑大二附院'))!
    expect((await json(['show', road.id, '--db', db])).body).toMatchObject({
      page: '1',
      section: '要闻',
      introTitle: '物流园区召开现场会',
      url: 'http://epaper.jksb.example.cn/html/2020-06/03/content_102.htm',
    })
    const shown = await runCli(['show', road.id, '--db', db])
    expect(shown.stdout).toMatch(/第 1 版 · 要闻/)
    expect(shown.stdout).toMatch(/原文：http:\/\/epaper\.jksb\.example\.cn\//)
  })

  it('reports a page that is not an e-paper in one sentence and keeps the rest', async () => {
    const db = join(tmp(), 'n.db')
    const r = await json(['ingest', EPAPER_FIXTURES, '--db', db])
    expect(r.code).toBe(2)
    expect(r.body).toMatchObject({ added: 7, failed: [{ path: expect.stringMatching(/not-epaper\.html$/), error: expect.stringMatching(/不是电子报文章页面/) }] })
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('newsbot fetch', () => {
  async function site(opts: Parameters<typeof startEpaperSite>[0]) {
    const s = await startEpaperSite(opts)
    closers.push(s.close)
    return s
  }

  it('fetches an issue politely: robots.txt, 404 and a slow page each cost one article, and a re-fetch re-reads nothing', async () => {
    const s = await site({
      robots: `User-agent: *\nDisallow: ${ISSUE}content_103.htm\n`,
      missing: [`${ISSUE}content_104.htm`],
      slow: { [`${ISSUE}content_102.htm`]: 3000 },
      home: `${ISSUE}node_1.htm`,
    })
    const db = join(tmp(), 'n.db')
    const first = await json(['fetch', `${s.origin}/`, '--db', db, ...QUICK])
    expect(first.code).toBe(1)
    expect(first.body).toMatchObject({ files: 5, added: 2 })
    const errors = Object.fromEntries((first.body.failed as { path: string; error: string }[]).map((f) => [f.path.slice(s.origin.length), f.error]))
    expect(errors).toEqual({
      [`${ISSUE}content_102.htm`]: expect.stringMatching(/1 秒内没有响应/),
      [`${ISSUE}content_103.htm`]: expect.stringMatching(/robots\.txt 不允许抓取/),
      [`${ISSUE}content_104.htm`]: expect.stringMatching(/404/),
    })
    expect(s.seen.some((r) => r.path === `${ISSUE}content_103.htm`)).toBe(false)
    expect(s.seen.every((r) => /newsbot/.test(r.userAgent))).toBe(true)

    const stored = (await json(['articles', '--db', db])).body as { id: string; title: string }[]
    const gbk = stored.find((a) => a.title.startsWith('前程办事处'))!
    expect((await json(['show', gbk.id, '--db', db])).body).toMatchObject({
      page: '2', section: '综合', url: `${s.origin}${ISSUE}content_105.htm`, reporters: ['柴琳琳'],
    })

    s.seen.length = 0
    const again = await json(['fetch', `${s.origin}/`, '--db', db, ...QUICK])
    expect(again.body).toMatchObject({ added: 0, updated: 0, unchanged: 2 })
    const articles = s.seen.filter((r) => /content_10[15]\.htm$/.test(r.path))
    expect(articles.map((r) => r.status)).toEqual([304, 304])

    // Read under another paper name, an unchanged page is a changed source: fetched whole and rewritten.
    const renamed = await json(['fetch', `${s.origin}/`, '--db', db, '--paper', '郑州经开时报', ...QUICK])
    expect(renamed.body).toMatchObject({ added: 2, removed: 2, unchanged: 0 })
    const papers = (await json(['articles', '--db', db])).body.map((a: { paper: string }) => a.paper)
    expect(papers).toEqual(['郑州经开时报', '郑州经开时报'])
  })

  it('fetches a newer-layout issue whose articles live in another folder', async () => {
    const s = await site({})
    const db = join(tmp(), 'n.db')
    const r = await json(['fetch', `${s.origin}/layout/layout/202005/01/node_01.html`, '--db', db, ...QUICK])
    expect(r.code).toBe(0)
    expect(r.body).toMatchObject({ files: 2, added: 2, failed: [] })
    const list = (await json(['articles', '--db', db])).body as { paper: string; date: string }[]
    expect(list.map((a) => [a.paper, a.date])).toEqual([['示范区时报', '2020-05-01'], ['示范区时报', '2020-05-01']])
  })

  it.each([
    ['a page that is not an e-paper', '/not-epaper.html', 2, /不是电子报版面页/],
    ['an issue that is not online', '/classic/html/2099-01/01/node_1.htm', 1, /404/],
  ])('says in one sentence when given %s', async (_what, path, code, message) => {
    const s = await site({})
    const r = await runCli(['fetch', `${s.origin}${path}`, '--db', join(tmp(), 'n.db'), ...QUICK])
    expect(r.code).toBe(code)
    expect(r.stderr).toMatch(message)
    const lines = r.stderr.trim().split('\n').filter((l) => !l.includes('新建数据库'))
    expect(lines).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
