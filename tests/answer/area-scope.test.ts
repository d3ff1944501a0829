import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { createIndex } from '../../src/retrieve/index.js'
import { openDb, type Db } from '../../src/store/index.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

// An area a question names must be what the article is about, not a name it passes over once.
describe('the area a question names', () => {
  const tmp = useTmpDir()
  let db: Db
  const lead = '本报讯 今年以来，经开区宣传部（文明办）以能力作风建设年活动为抓手，紧扣主题主线，聚焦主责主业，着眼三个目标，突出三个统筹，一体推进全面从严治党和宣传思想文化业务工作，全力构建风清气正的政治生态。'
  const ask = (q: string) => answerQuestion(createIndex(db), q, { mode: 'extractive' })
  const ingest = (records: unknown[]) => createIndex(db).write([writeFiles(tmp(), { 'more.jsonl': jsonl(records) })['more.jsonl']!])

  beforeEach(() => {
    db = openDb(':memory:')
  })
  afterEach(() => db.close())

  it('is not answered by an article that names it once in passing, in any of its spellings', async () => {
    // 管城区 once, which also holds its other spelling 管城: still one mention.
    await ingest([{ id: 'a', title: '深化精神文明创建', date: '2022-09-01', text: `${lead}深化精神文明创建，新增市级文明单位9家。完成与管城区的文化市场行政许可委托。` }])
    expect((await ask('管城区新增了几家市级文明单位？')).abstained).toBe(true)
    expect((await ask('经开区新增了几家市级文明单位？')).answer).toContain('9家')
  })

  it('is no district pointed at (隔壁区), which the reader may name of themselves', async () => {
    await ingest([{ id: 'c', title: '深化精神文明创建', date: '2022-09-01', text: `${lead}深化精神文明创建，新增市级文明单位9家。` }])
    expect((await ask('我们是隔壁区宣传部的，想取取经：贵区新增了几家市级文明单位？')).answer).toContain('9家')
  })

  it('is named only where the asked body worked with it (跟管城、中牟完成了什么委托)', async () => {
    await ingest([{ id: 'd', title: '深化精神文明创建', date: '2022-09-01', text: `${lead}深化精神文明创建，新增市级文明单位9家。完成与管城、中牟的文化市场行政许可委托。` }])
    expect((await ask('宣传部跟管城、中牟完成了什么委托？')).answer).toContain('文化市场行政许可委托')
    expect((await ask('宣传部跟金水区完成了什么委托？')).abstained).toBe(true)
    // Named as those the licensing was handed to.
    expect((await ask('文化市场行政许可委托给管城、中牟那事，办完没？')).answer).toContain('完成与管城、中牟的文化市场行政许可委托')
    expect((await ask('文化市场行政许可委托给金水区那事，办完没？')).abstained).toBe(true)
  })

  it('is answered by an article that names it more than once', async () => {
    await ingest([{ id: 'b', title: '深化精神文明创建', date: '2022-09-01', text: `${lead}管城区深化精神文明创建，新增市级文明单位6家。管城区还完成了文化市场行政许可委托。` }])
    expect((await ask('管城区新增了几家市级文明单位？')).answer).toContain('6家')
  })

  it('is 高新区 too, which an article about another district does not answer, unless it gives it as its own other name', async () => {
    await ingest([
      { id: 'd', title: '深化精神文明创建', date: '2022-09-01', text: `${lead}深化精神文明创建，新增市级文明单位9家。` },
      {
        id: 'e',
        title: '示范区召开优化营商环境会议',
        date: '2022-09-01',
        text: '本报讯 4月29日下午，示范区召开优化营商环境暨作风建设常态长效会议，总结前一阶段工作，安排部署下一步任务，全区各部门主要负责人参加会议。示范区\n\n(高新区)党工委、管委会主任王家鹏出席会议并讲话。',
      },
    ])
    expect((await ask('郑州高新区新增了几家市级文明单位？')).abstained).toBe(true)
    expect((await ask('高新区优化营商环境会议是谁讲话的？')).answer).toContain('王家鹏')
    // Named with its other name in brackets (示范区（高新区）), either name answers; and the reader's own (我是在高新区开公司的) scopes nothing.
    expect((await ask('示范区（高新区）管委会主任是哪位？')).answer).toContain('王家鹏')
    expect((await ask('我是在高新区开公司的，经开区新增了几家市级文明单位？')).answer).toContain('9家')
  })
})
