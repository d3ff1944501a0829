import { describe, expect, it } from 'vitest'
import { createEditionFetch, EDITION_RETRY_MS, issueUrl } from '../../src/digest/index.js'
import type { IngestSummary } from '../../src/store/index.js'

const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`)
const summary = (added: number): IngestSummary => ({ files: added, added, updated: 0, unchanged: 0, removed: 0, failed: [] })

describe('issueUrl', () => {
  it.each([
    ['http://e.cn/html/{yyyy}-{mm}/{dd}/node_1.htm', 'http://e.cn/html/2024-06/01/node_1.htm'],
    ['http://e.cn/layout/{yyyy}{mm}/{dd}/node_01.html', 'http://e.cn/layout/202406/01/node_01.html'],
    ['http://e.cn/index.htm', 'http://e.cn/index.htm'],
  ])('fills %s with the day', (template, want) => {
    expect(issueUrl(template, '2024-06-01')).toBe(want)
  })
})

describe('createEditionFetch', () => {
  it('tries the local day\'s issue until it gives articles, every retry interval, then waits for the next day', async () => {
    let clock = local('2024-06-01', '00:00')
    const tried: string[] = []
    const answers: (IngestSummary | Error)[] = [new Error('404'), summary(0), summary(5)]
    const step = createEditionFetch({
      url: 'http://e.cn/html/{yyyy}-{mm}/{dd}/node_1.htm',
      timeZone: 'Asia/Shanghai',
      now: () => clock,
      fetch: async (url) => {
        tried.push(`${new Date(clock).toISOString()} ${url}`)
        const a = answers.shift() ?? summary(5)
        if (a instanceof Error) throw a
        return a
      },
    })
    await step() // 00:00 local: not out yet (404)
    clock += 60_000
    await step() // a minute later: too soon to ask again
    clock += EDITION_RETRY_MS
    await step() // out, but no articles yet
    clock += EDITION_RETRY_MS
    await step() // in
    clock += EDITION_RETRY_MS
    await step() // done for the day
    clock = local('2024-06-02', '00:01')
    await step()
    expect(tried.map((t) => t.split(' ')[1])).toEqual([
      'http://e.cn/html/2024-06/01/node_1.htm',
      'http://e.cn/html/2024-06/01/node_1.htm',
      'http://e.cn/html/2024-06/01/node_1.htm',
      'http://e.cn/html/2024-06/02/node_1.htm',
    ])
  })
})
