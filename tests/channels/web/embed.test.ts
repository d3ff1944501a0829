import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/store/index.js'
import { useSuiteTmpDir } from '../../helpers/tmp.js'
import { openSampleDb, serveSamples } from './web-helpers.js'

const tmp = useSuiteTmpDir()
let db: Db
beforeAll(async () => {
  db = await openSampleDb(tmp())
})
afterAll(() => db.close())

const ancestors = (res: Response) => /frame-ancestors ([^;]+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]

describe('the embed page', () => {
  it('may be framed by any site by default, while no other page may be framed', async () => {
    const server = await serveSamples(db)
    try {
      const embed = await fetch(`${server.url}/embed`)
      expect(embed.status).toBe(200)
      expect(ancestors(embed)).toBe('*')
      expect(embed.headers.get('x-frame-options')).toBeNull()
      const html = await embed.text()
      expect(html).toContain('<body class="embed">')
      expect(html).toContain('<form id="ask" class="ask" action="/ask" method="post" target="_blank">')
      expect(html).not.toContain('<header')
      for (const path of ['/', '/articles/x', '/search', '/api/search?q=路', '/admin']) {
        const res = await fetch(`${server.url}${path}`)
        expect(ancestors(res), path).toBe("'none'")
        expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      }
    } finally {
      await server.close()
    }
  })

  it('may be framed only by the sites NEWSBOT_EMBED_ORIGINS names', async () => {
    const server = await serveSamples(db, {}, { NEWSBOT_EMBED_ORIGINS: 'https://www.zzjk.gov.cn/news/ http://wx.example.cn:8080' })
    try {
      expect(ancestors(await fetch(`${server.url}/embed`))).toBe('https://www.zzjk.gov.cn http://wx.example.cn:8080')
    } finally {
      await server.close()
    }
  })
})
