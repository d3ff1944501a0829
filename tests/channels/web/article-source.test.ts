import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createIndex } from '../../../src/retrieve/index.js'
import { listArticles, openDb } from '../../../src/store/index.js'
import { EPAPER_FIXTURES } from '../../helpers/epaper-server.js'
import { jsonl, useTmpDir, writeFiles } from '../../helpers/tmp.js'
import { serveSamples } from './web-helpers.js'

const tmp = useTmpDir()
let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe('an article page shows where the article came from', () => {
  it('gives the kicker, page name and a link to the e-paper page, and no link for a non-web url', async () => {
    const dir = tmp()
    const paths = writeFiles(dir, { 'bad.jsonl': jsonl([{ id: 'x1', title: '坏链接', text: '正文。', url: 'javascript:alert(1)' }]) })
    const db = openDb(join(dir, 'n.db'))
    await createIndex(db).write([join(EPAPER_FIXTURES, 'classic'), paths['bad.jsonl']!])
    const server = await serveSamples(db)
    close = async () => {
      await server.close()
      db.close()
    }
    const road = listArticles(db, { limit: 10 }).find((a) => a.title.startsWith('郑大二附院'))!
    const html = await (await fetch(`${server.url}/articles/${road.id}`)).text()
    expect(html).toContain('<p class="introtitle">物流园区召开现场会</p>')
    expect(html).toMatch(/第 1 版 · 要闻/)
    expect(html).toContain('<a href="http://epaper.jksb.example.cn/html/2020-06/03/content_102.htm" rel="noopener nofollow">原文链接</a>')
    const other = await (await fetch(`${server.url}/articles/x1`)).text()
    expect(other).not.toContain('原文链接')
  })
})
