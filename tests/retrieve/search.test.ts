import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIndex } from '../../src/retrieve/index.js'
import { getTermDocCounts, openDb, type Db } from '../../src/store/index.js'
import { useTmpDir } from '../helpers/tmp.js'

let db: Db
const tmp = useTmpDir()

beforeAll(async () => {
  db = openDb(':memory:')
  await createIndex(db).loadSamplesIfEmpty()
})
afterAll(() => db.close())

const top = async (q: string, k = 3) => (await createIndex(db).search(q, { k })).hits

describe('searchArticles on the sample bulletins', () => {
  it.each([
    ['经开区分了多少套安置房', '3636套'],
    ['小微企业贷款难区里怎么帮', '小微企业融资'],
    ['郑大二附院旁边的路啥时候通车', '美辰路'],
    ['鄭大二附院周邊道路什麼時候通車', '美辰路'],
    ['二七区新增就业多少人', '11598'],
    ['福华街给民警配了巡逻车', '巡逻车'],
  ])('puts the answering article first for %s', async (q, inText) => {
    expect((await top(q))[0]?.text).toContain(inText)
  })

  it('returns the hit shape: score, snippet inside the text, passages best first', async () => {
    const [hit] = await top('经开区分了多少套安置房', 1)
    expect(hit).toMatchObject({ id: expect.any(String), title: expect.any(String), paper: '经开时报', date: '2023-11-15' })
    expect(hit!.score).toBeGreaterThan(0)
    expect(hit!.text).toContain(hit!.snippet)
    expect(hit!.text.slice(hit!.passages[0]!.start, hit!.passages[0]!.end)).toBe(hit!.snippet)
    expect(hit!.snippet).toMatch(/安置房/)
  })

  it('orders hits by score, higher first, and honours k (1 to 100, 10 when not a number)', async () => {
    const hits = await top('经开区', 5)
    expect(hits).toHaveLength(5)
    expect(await top('经开区', 0)).toHaveLength(1)
    expect(await top('经开区', Number.NaN)).toHaveLength(10)
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a))
  })

  it('filters by paper and by issue-date range', async () => {
    expect((await createIndex(db).search('党建', { k: 20, paper: '二七区新闻' })).hits.every((h) => h.paper === '二七区新闻')).toBe(true)
    const dated = (await createIndex(db).search('党建', { k: 20, dateFrom: '2020-06-01', dateTo: '2020-06-30' })).hits
    expect(dated.length).toBeGreaterThan(0)
    expect(dated.every((h) => h.date! >= '2020-06-01' && h.date! <= '2020-06-30')).toBe(true)
  })

  it('favours the district a question names', async () => {
    const hits = (await createIndex(db).search('二七区党建知识竞赛', { k: 3 })).hits
    expect(hits[0]?.paper).toBe('二七区新闻')
  })

  it.each(['', '？？！', '请问吗', '"', 'AND OR NOT', '*', '(', 'title:安置房', '安置房") OR ("'])(
    'never fails on %j',
    async (q) => {
      await expect(createIndex(db).search(q)).resolves.toHaveProperty('hits')
    },
  )

  it('answers a 10,000-character query from its beginning', async () => {
    const hits = (await createIndex(db).search('郑大二附院周边道路'.padEnd(10_000, '啊'), { k: 1 })).hits
    expect(hits[0]?.text).toContain('美辰路')
  })

  it('finds nothing for words no article holds', async () => {
    expect(await top('足球联赛谁赢了')).toEqual([])
  })

  it('sees an article once it is ingested, and no longer once its file changes', async () => {
    const mem = openDb(':memory:')
    const file = join(tmp(), 'a.jsonl')
    writeFileSync(file, `${JSON.stringify({ id: 'x1', text: '马寨产业集聚区新建了一座图书馆。' })}\n`)
    await createIndex(mem).write([file])
    expect((await createIndex(mem).search('马寨图书馆')).hits.map((h) => h.id)).toEqual(['x1'])
    writeFileSync(file, `${JSON.stringify({ id: 'x2', text: '示范区开通了新公交线路。' })}\n`)
    await createIndex(mem).write([file])
    expect((await createIndex(mem).search('马寨图书馆')).hits).toEqual([])
    expect((await createIndex(mem).search('公交')).hits.map((h) => h.id)).toEqual(['x2'])
    mem.close()
  })

  it('lists a story printed twice once, its copy after the other stories', async () => {
    const mem = openDb(':memory:')
    const story =
      '经开区今年新建口袋公园35个，新增绿化面积120万平方米，方便群众就近休闲。公园配备了健身器材和休息座椅，' +
      '夜间照明同步完善。附近居民表示，下楼走几步就能散步健身，生活更方便了。下一步，经开区将继续推进城市绿化。'
    const records = [
      { id: 'print', text: `本报讯 ${story}` },
      { id: 'reprint', text: `（转载）${story}` },
      { id: 'other', text: `二七区也新建了一个口袋公园。${'二七区持续推进城市更新，各项工作取得新进展。'.repeat(20)}` },
    ]
    const file = join(tmp(), 'a.jsonl')
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'))
    await createIndex(mem).write([file])
    const ids = async (k: number) => (await createIndex(mem).search('经开区新建口袋公园', { k })).hits.map((h) => h.id)
    // Both prints match better than the other story; one of them is enough.
    expect(await ids(2)).toEqual([expect.stringMatching(/print$/), 'other'])
    expect(await ids(3)).toEqual([(await ids(2))[0], 'other', expect.stringMatching(/print$/)])
    expect(new Set(await ids(3)).size).toBe(3)
    mem.close()
  })

  it('counts the articles holding an index token or a phrase of them, and survives any text as a term', async () => {
    const { total, docs } = getTermDocCounts(db, ['安置', '郑大 大二 二附 附院', '"', '', 'NOT'])
    expect(total).toBeGreaterThan(20)
    expect(docs.get('安置')).toBeGreaterThanOrEqual(1)
    expect(docs.get('郑大 大二 二附 附院')).toBe(1)
    expect(docs.get('"')).toBe(0)
    expect(docs.get('')).toBe(0)
  })
})

describe('index.search', () => {
  it('hands on the question as it read it: weighted words with synonyms, names, the kind of fact and its unit', async () => {
    const { hits, query } = await createIndex(db).search('经开区的回迁房分了多少套？', { k: 3 })
    expect(hits[0]?.text).toContain('3636套')
    expect(query).toMatchObject({ type: 'amount', unit: '套', total: expect.any(Number) })
    const housing = query.words.find((w) => w.text === '回迁房')
    expect(housing).toMatchObject({ synonyms: expect.arrayContaining(['安置房']), name: true })
    expect(housing!.docs).toBeGreaterThan(0)
    expect(housing!.weight).toBeGreaterThan(0)
    expect(query.words.map((w) => w.text)).not.toContain('多少')
  })

  it('counts a word with a number in it in the articles that hold it inside a longer run (80岁 in 全区80岁以上)', async () => {
    const { query } = await createIndex(db).search('二七区80岁以上老人住院报销比例提高了多少？', { k: 3 })
    expect(query.words.find((w) => w.text === '80岁')!.docs).toBeGreaterThan(0)
    const { query: day } = await createIndex(db).search('4月28日扬尘督导是哪两位区领导参加的？', { k: 3 })
    expect(day.words.find((w) => w.text === '28日')!.docs).toBeGreaterThan(0)
  })

  it('reads two common words jieba glued, which no article holds, as no name (各来 of 各来了多少家); a name the articles hold stays one', async () => {
    const { query } = await createIndex(db).search('金融机构进园区的对接会，参会企业和银行各来了多少家？', { k: 3 })
    expect(query.words.find((w) => w.text === '各来')).toMatchObject({ docs: 0, name: false })
    const { query: held } = await createIndex(db).search('程晓华去明湖观摩看了哪两个社区？', { k: 3 })
    expect(held.words.find((w) => w.text === '明湖')).toMatchObject({ name: true })
    expect(held.words.find((w) => w.text === '明湖')!.docs).toBeGreaterThan(0)
  })

  it('splits a two-part question into its parts, each with its own kind of fact', async () => {
    const { query } = await createIndex(db).search('马寨产业集聚区座谈会是哪天开的？谁主持的？')
    expect(query.parts.map((p) => p.type)).toEqual(['time', 'person'])
  })

  it('leaves out the excluded articles and their reprints', async () => {
    const first = (await top('经开区分了多少套安置房', 5))[0]!
    const t = tmp()
    writeFileSync(join(t, 'reprint.jsonl'), `${JSON.stringify({ id: 'reprint', title: '转载', text: `${first.text}。` })}\n`)
    await createIndex(db).write([t])
    const ids = (await top('经开区分了多少套安置房', 50)).map((h) => h.id)
    expect(ids).toContain('reprint')
    const without = (await createIndex(db).search('经开区分了多少套安置房', { k: 50, exclude: [first.id] })).hits.map((h) => h.id)
    expect(without).not.toContain(first.id)
    expect(without).not.toContain('reprint')
  })
})
