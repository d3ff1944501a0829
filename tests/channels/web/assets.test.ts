import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

// The reader's page must stay light for phones on slow links: all of its JS and CSS, gzipped, at most 60 KB.
describe('the reader page assets', () => {
  it('weigh at most 60 KB of JS+CSS gzipped, with nothing fetched from elsewhere', () => {
    const files = ['app.js', 'style.css'].map((f) => readFileSync(new URL(`../../../src/channels/web/static/${f}`, import.meta.url), 'utf8'))
    expect(gzipSync(files.join('\n'), { level: 9 }).length).toBeLessThanOrEqual(60 * 1024)
    for (const f of files) expect(f).not.toMatch(/https?:\/\/|@import|url\(/)
  })
})
