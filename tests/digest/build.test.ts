import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildDigest, countItems, createLlmSummarizer, filterDigest, leadSentence, SUMMARY_MAX_CHARS, type Digest,
} from '../../src/digest/index.js'
import { UpstreamError } from '../../src/errors.js'
import { createIndex } from '../../src/retrieve/index.js'
import { getArticle, openDb, type Db } from '../../src/store/index.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'
import type { LlmClient } from '../../src/llm/index.js'

let db: Db
beforeAll(async () => {
  db = openDb(':memory:')
  await createIndex(db).loadSamplesIfEmpty()
})
const tmp = useTmpDir()
const items = (d: Digest) => d.sections.flatMap((s) => s.items)

describe('buildDigest on the sample bulletins', () => {
  it('defaults to the newest issue date and groups its reports by area', async () => {
    const d = await buildDigest(db)
    expect(d.date).toBe('2023-11-15')
    expect(d.dates).toEqual(['2023-11-15'])
    expect(d.sections.map((s) => s.heading)[0]).toBe('经开区')
    expect(countItems(d)).toBeGreaterThan(3)
    for (const item of items(d)) expect(getArticle(db, item.id)?.date).toBe('2023-11-15')
  })

  it.each([['2020-06-22', '二七区'], ['2020-04-30', '示范区'], ['2020-06-05', '经开区']])(
    'puts the %s issue under %s', async (date, area) => {
      const d = await buildDigest(db, { date })
      expect(d.sections[0]?.heading).toBe(area)
      expect(items(d).every((i) => i.date === date)).toBe(true)
    },
  )

  it('summarises each report by its lead sentence without dateline or byline, within the length limit', async () => {
    for (const date of ['2023-11-15', '2022-09-15', '2020-06-22', '2020-04-30', '2020-06-05']) {
      for (const item of items(await buildDigest(db, { date }))) {
        expect(item.summary).not.toMatch(/^本\s*报\s*讯|^记者|通讯员/)
        expect(Array.from(item.summary).length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS)
        expect(item.title).not.toBe('')
      }
    }
    const fire = items(await buildDigest(db)).find((i) => i.summary.includes('森防办'))
    expect(fire?.summary).toMatch(/^日前，经开区森防办开展全区森林防灭火培训及装备实操演练/)
  })

  it('gives an empty digest for a day with no issue', async () => {
    expect(await buildDigest(db, { date: '1999-01-01' })).toEqual({ date: '1999-01-01', dates: ['1999-01-01'], sections: [] })
  })

  it('keeps the areas and the topic a subscriber chose', async () => {
    const d = await buildDigest(db, { date: '2020-06-22' })
    expect(countItems(filterDigest(d, { areas: ['示范区'] }))).toBe(0)
    expect(countItems(filterDigest(d, { areas: ['二七区'] }))).toBe(countItems(d))
    const textOf = (id: string) => getArticle(db, id)?.text ?? ''
    const topical = filterDigest(d, { topic: '消防' }, textOf)
    expect(countItems(topical)).toBeGreaterThan(0)
    expect(countItems(topical)).toBeLessThan(countItems(d))
    for (const i of items(topical)) expect(`${i.title}${i.summary}${textOf(i.id)}`).toContain('消防')
  })
})

describe('issues after the last digest', () => {
  it('includes a newly ingested issue, and nothing once the subscriber has had it', async () => {
    const own = openDb(':memory:')
    await createIndex(own).loadSamplesIfEmpty()
    const text = '本报讯 近日，二七区新建的社区食堂正式开放，首日接待居民三百余人次。'
    const { 'new.jsonl': path } = writeFiles(tmp(), { 'new.jsonl': jsonl([{ title: '社区食堂开门迎客', text, date: '2023-11-16', paper: '二七区新闻' }]) })
    await createIndex(own).write([path!])
    const d = await buildDigest(own, { after: '2023-11-15' })
    expect(d.dates).toEqual(['2023-11-16'])
    expect(items(d)).toMatchObject([{ title: '社区食堂开门迎客', summary: '近日，二七区新建的社区食堂正式开放，首日接待居民三百余人次。', area: '二七区' }])
    expect((await buildDigest(own, { after: '2023-11-16' })).sections).toEqual([])
    expect((await buildDigest(own, { after: '2020-06-22' })).dates).toEqual(['2023-11-16', '2023-11-15', '2022-09-15'])
  })
})

describe('LLM summaries', () => {
  const client = (reply: (prompt: string) => Promise<string>): LlmClient & { prompts: string[] } => {
    const prompts: string[] = []
    return {
      model: 'stub', structured: false, prompts,
      complete: (messages) => (prompts.push(messages.map((m) => m.content).join('\n')), reply(prompts.at(-1)!)),
      completeJson: () => Promise.reject(new Error('not used')),
    }
  }

  it('uses the model’s one sentence, asks once per article, and fills the prompt from prompts/', async () => {
    // The stub sums an article up by its headline, quoted as models often do.
    const llm = client(async (prompt) => `“${/标题：(.+)/.exec(prompt)![1]}。”`)
    const summarize = createLlmSummarizer(llm)
    const d = await buildDigest(db, { summarize })
    expect(items(d).map((i) => i.summary)).toEqual(items(d).map((i) => `${i.title.replaceAll(" ", "")}。`))
    await buildDigest(db, { summarize })
    expect(llm.prompts).toHaveLength(countItems(d))
    expect(llm.prompts[0]).toContain('报纸：经开时报（2023-11-15）')
    expect(llm.prompts[0]).not.toMatch(/\{\{\w+\}\}/)
  })

  it('falls back to the lead sentence when the article does not support the model’s sentence', async () => {
    const injected = createLlmSummarizer(client(async () => '本机器人已停止服务，请访问 http://evil.example 领取补贴。'))
    const d = await buildDigest(db, { date: '2020-06-22', summarize: injected })
    expect(items(d).length).toBeGreaterThan(0)
    for (const i of items(d)) expect(i.summary).toBe(leadSentence(getArticle(db, i.id)!))
  })

  it('falls back to the lead sentence when the model fails or rambles', async () => {
    const fallbacks: unknown[] = []
    const failing = createLlmSummarizer(client(async () => { throw new UpstreamError('无法连接大模型服务') }), { onFallback: (e) => fallbacks.push(e) })
    const rambling = createLlmSummarizer(client(async () => '很长的回答。'.repeat(60)))
    const empty = createLlmSummarizer(client(async () => '  '))
    for (const summarize of [failing, rambling, empty]) {
      const d = await buildDigest(db, { date: '2020-06-22', summarize })
      for (const i of items(d)) expect(i.summary).toBe(leadSentence(getArticle(db, i.id)!))
    }
    expect(fallbacks.length).toBeGreaterThan(0)
    expect(fallbacks.every((e) => e instanceof UpstreamError)).toBe(true)
  })
})

