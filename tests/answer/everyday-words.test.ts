import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { getArticle } from '../../src/store/index.js'
import { useSampleIndex } from '../helpers/sample-db.js'

// Readers name things in everyday words (data/lexicon.txt); the articles print the official terms.
describe('everyday words for the terms an article prints, on the sample pages', () => {
  const samples = useSampleIndex()

  it('reads 大马路 as 主干道 and 小胡同 as 背街小巷', async () => {
    const { db, index } = samples()
    const main = await answerQuestion(index, '我在路边摆摊的，城管现在管摊贩是啥规矩，大马路上还能不能摆？', { mode: 'extractive' })
    expect(main.answer).toContain('主干道严禁')
    const lanes = await answerQuestion(index, '城管清理小摊贩，小胡同里是啥要求？', { mode: 'extractive' })
    expect(lanes.answer).toContain('背街小巷规范')
    for (const c of [...main.citations, ...lanes.citations]) expect(getArticle(db, c.id)!.text).toContain(c.quote)
  })

  it('reads 二附院 as 郑大二附院, though a verb comes before it (开二附院…现场会)', async () => {
    const a = await answerQuestion(samples().index, '物流园区开二附院周边基础设施现场会是哪一天？', { mode: 'extractive' })
    expect(a.answer).toContain('6月3日')
  })

  it('reads 钟头 as 小时 and 防疫的稿子 as 涉疫稿件', async () => {
    const { index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    expect((await ask('当志愿者的一共发动了多少人次 干了多少钟头')).answer).toContain('200万小时')
    expect((await ask('闹疫情那会 宣传部发了多少篇防疫的稿子')).answer).toContain('1534篇')
  })

  it('reads 生病 and 虫子 as 病虫害, 放假 as 假期, 打扫卫生 as 清洁 and 减掉 as 核减', async () => {
    const { index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    expect((await ask('下雨以后哪些树容易生病？有什么虫子？')).answer).toContain('百日红')
    expect((await ask('五一放假的时候哪个镇的干部不休息去打扫卫生？')).answer).toContain('苏家镇')
    expect((await ask('财政局审核价格，报上来多少钱，减掉了多少？')).answer).toContain('258.261万元')
  })

  it("reads Taiwan's 捷运 as 地铁, and a 警察单位 as the police office an article names (公安分局)", async () => {
    const { db, index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    const metro = await ask('请问督导组去的捷运工地是几号线？')
    expect(metro.answer).toContain('地铁3号线')
    const police = await ask('福华街的新巡逻车给了哪个警察单位？')
    expect(police.answer).toContain('治安四中队')
    for (const c of [...metro.citations, ...police.citations]) expect(getArticle(db, c.id)!.text).toContain(c.quote)
  })

  it('answers which roads (道路, 马路) by the roads named, and which metro line by the line', async () => {
    const { db, index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    for (const q of ['郑大二附院新院区周边哪两条道路在建？', '二附院新院区周边正在修的是哪几条马路？']) {
      const roads = await ask(q)
      expect(roads.answer).toContain('美辰路')
      expect(roads.answer).toContain('梅香路')
      for (const c of roads.citations) expect(getArticle(db, c.id)!.text).toContain(c.quote)
    }
    expect((await ask('根据报道，督导组实地查看了哪条地铁线路的施工现场？')).answer).toContain('地铁3号线')
  })

  it('asks for an office by its name when the reader asks 哪个局', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '给绿化带打药的是哪个局？', { mode: 'extractive' })
    expect(a.answer).toContain('综合行政执法局')
    for (const c of a.citations) expect(getArticle(db, c.id)!.text).toContain(c.quote)
  })
})
