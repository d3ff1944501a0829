// E-paper ingest speed: parsing the fixture article pages, then `fetch` of a synthetic edition (pages ×
// articles, each a copy of a fixture page with its own headline) served on 127.0.0.1 with no delay, into
// a fresh database, and a re-fetch answered 304 throughout. The crawler's politeness delay is left out:
// a real edition costs (pages + articles) × NEWSBOT_FETCH_DELAY_MS on top.
// Usage: npm run bench:epaper [-- --pages 20 --articles 10]
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { createPoliteFetcher, parseEpaperArticle } from '../src/ingest/index.js'
import { createStoreWriter } from '../src/retrieve/index.js'
import { createSqliteStore, openDb } from '../src/store/index.js'
import { peakRssMb, printTable } from './bench/table.js'

const { values } = parseArgs({ options: { pages: { type: 'string', default: '20' }, articles: { type: 'string', default: '10' } } })
const PAGES = Number(values.pages)
const PER_PAGE = Number(values.articles)
const FIXTURES = new URL('../tests/fixtures/epaper/classic/html/2020-06/03/', import.meta.url)
const template = readFileSync(new URL('content_101.htm', FIXTURES), 'utf8')

const rows: Record<string, string | number>[] = []
const pages = [101, 102, 103, 104, 105].map((n) => [new URL(`content_${n}.htm`, FIXTURES).pathname, readFileSync(new URL(`content_${n}.htm`, FIXTURES))] as const)
const rounds = 200
let t = performance.now()
for (let i = 0; i < rounds; i++) for (const [path, bytes] of pages) parseEpaperArticle(bytes, path)
const parseMs = performance.now() - t
rows.push({ step: 'parse fixture articles', items: rounds * pages.length, ms: Math.round(parseMs), 'per item ms': (parseMs / (rounds * pages.length)).toFixed(2) })

const article = (n: number) => template.replaceAll('经开区领导带队开展综合调研', `经开区领导带队开展综合调研（第${n}篇）`)
const nodePage = (p: number) => {
  const links = Array.from({ length: PER_PAGE }, (_, i) => `<a href="content_${p * 1000 + i}.htm">x</a>`).join('')
  const pagesNav = Array.from({ length: PAGES }, (_, q) => `<a href="node_${q + 1}.htm">第${q + 1}版</a>`).join('')
  return `<html><head><title>经开时报数字报</title></head><body><td class="px12">第${p}版：要闻</td>${pagesNav}${links}</body></html>`
}
const server = createServer((req, res) => {
  const m = /\/(node|content)_(\d+)\.htm$/.exec(req.url ?? '')
  if (!m) return res.writeHead(404).end()
  const headers = { 'content-type': 'text/html; charset=utf-8', 'last-modified': 'Tue, 02 Jun 2020 22:00:00 GMT' }
  if (m[1] === 'content' && req.headers['if-modified-since']) return res.writeHead(304, headers).end()
  res.writeHead(200, headers).end(m[1] === 'node' ? nodePage(Number(m[2])) : article(Number(m[2])))
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/html/2020-06/03/node_1.htm`
const db = openDb(':memory:')
const writer = createStoreWriter(createSqliteStore(db))
for (const label of ['fetch edition (new)', 're-fetch edition (all 304)']) {
  t = performance.now()
  const s = await writer.fetch(url, { fetcher: createPoliteFetcher({ delayMs: 0, timeoutMs: 5000 }) })
  const ms = performance.now() - t
  rows.push({ step: label, items: s.added + s.unchanged, ms: Math.round(ms), 'per item ms': ((ms / (s.added + s.unchanged)) || 0).toFixed(2) })
}
db.close()
server.close()
printTable(rows)
console.log(`${PAGES} pages × ${PER_PAGE} articles, peak RSS ${peakRssMb()} MB`)
