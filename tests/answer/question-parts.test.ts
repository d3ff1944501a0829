import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { getArticle, type Db } from '../../src/store/index.js'
import { useSampleIndex } from '../helpers/sample-db.js'

// Two questions in one, asked of the bundled sample pages.
/** Every citation's quote is cut verbatim from the article it names. */
function expectQuotesVerbatim(db: Db, answer: { citations: { id: string; quote: string }[] }): void {
  for (const c of answer.citations) expect(getArticle(db, c.id)!.text).toContain(c.quote)
}

describe('questions in several parts, on the sample pages', () => {
  const samples = useSampleIndex()

  it('answers every part the article answers, though together the parts read as a weaker match than each alone', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '五里堡消防演练是几月几号几点开始的？请的哪家的老师讲课？', { mode: 'extractive' })
    expect(a.abstained).toBe(false)
    expect(a.answer).toContain('下午3点')
    expect(a.answer).toContain('众安防火中心')
    expectQuotesVerbatim(db, a)
  })

  it('answers when of a part that names nothing from the start of the sentence quoted for the other part', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '马寨产业集聚区开座谈会了吗？哪天开的', { mode: 'extractive' })
    expect(a.answer).toContain('6月11日')
    expectQuotesVerbatim(db, a)
  })

  it('reads no word in the fillers of a dictated message (就是说) nor in the 还有 that adds a part', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '嗯 我今年八十多了 就是说二七区对80岁以上老人住院报销比例提高了多少 还有高龄津贴给多少个老人发了', { mode: 'extractive' })
    expect(a.answer).toContain('5个百分点')
    expect(a.answer).toContain('13532名')
    expectQuotesVerbatim(db, a)
  })

  it('answers where they went next from the story the other part is answered from', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '到经开区搞产学研对接的是哪个学校？会后他们又去了哪几家企业看？', { mode: 'extractive' })
    expect(a.answer).toContain('河南财政金融学院')
    expect(a.answer).toContain('郑州煤矿机械集团股份有限公司')
    expectQuotesVerbatim(db, a)
  })

  it('answers which firm a visit went to next with the stop that names it, though it shares few of the question\'s words', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '武斌那次调研看完中铁项目之后去的是哪家企业？', { mode: 'extractive' })
    expect(a.answer).toContain('郑州扬升金属部件有限公司')
    expectQuotesVerbatim(db, a)
  })

  it('refuses when the part that names the subject is not answered and the other only asks for more of it', async () => {
    const a = await answerQuestion(samples().index, '金融机构进园区到底是哪几家银行去的？能列一下吗', { mode: 'extractive' })
    expect(a.abstained).toBe(true)
  })

  it('reads 和谁 of one part as any partner, though another part asks the name of a thing (课堂叫什么名字)', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '网上那个廉政课堂叫什么名字？宣传部是和谁推出的？', { mode: 'extractive' })
    expect(a.answer).toContain('指尖清风')
    expect(a.answer).toContain('纪检监察工委')
    expectQuotesVerbatim(db, a)
    // A part that names nothing but the name asked still asks the person's (哪位领导讲话了？叫什么名字): 市科技局领导 names no one.
    expect((await answerQuestion(index, '马寨座谈会上市科技局哪位领导讲话了？叫什么名字？', { mode: 'extractive' })).abstained).toBe(true)
  })

  it("does not look for the reader's own words of a version they check beside a question that asks (全赶走了吗)", async () => {
    const { index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    expect((await ask('麦收秸秆不让烧，上面要求怎么巡查的？白天晚上都查吗？')).answer).toContain('24小时全天候')
    expect((await ask('流动摊贩被城管碰到先怎么处理，会直接没收吗？')).answer).toContain('限期整改')
    // Whether the reader may do something (能带孩子去参观吗) is no version of what happened: the article must say it.
    expect((await ask('清廉文化长廊在哪个位置，能带孩子去参观吗？')).abstained).toBe(true)
  })

  it('asks two things compared of each one\'s own story when no one story tells both', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '蜜蜂张和大学路这两个街道的知识竞赛，谁先办的？', { mode: 'extractive' })
    expect(a.abstained).toBe(false)
    expect(a.answer).toContain('6月19日')
    expect(a.answer).toContain('6月14日')
    expect(a.answer.length).toBeLessThanOrEqual(300)
    expect(a.citations.map((c) => c.n)).toEqual([1, 2])
    expectQuotesVerbatim(db, a)
  })

  it('quotes the amount of each of two things compared, and refuses when the pages tell only one', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '示范区争取到的各类扶持资金，比经开区政府采购省下来的钱多吗？', { mode: 'extractive' })
    expect(a.answer).toContain('4850万元')
    expect(a.answer).toContain('1361.26万元')
    expectQuotesVerbatim(db, a)
    expect((await answerQuestion(index, '二七区今年1到6月新增就业跟中原区比谁多？', { mode: 'extractive' })).abstained).toBe(true)
  })

  it('asks the first thing of a comparison outright, then the second as it, and says when the pages lack the second', async () => {
    const { db, index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    const both = await ask('经开区政府采购节约了多少资金？示范区减费降费的钱跟它比谁多？')
    expect(both.answer).toContain('1361.26万元')
    expect(both.answer).toContain('减费降费2亿元')
    expect(both.answer.length).toBeLessThanOrEqual(300)
    expectQuotesVerbatim(db, both)
    const one = await ask('五里堡消防演练来了多少人？中原区的消防演练跟它比谁人多？')
    expect(one.abstained).toBe(false)
    expect(one.answer).toContain('60余人')
    expect(one.answer).toContain('关于“中原区的消防演练有多少人”，资料中未找到明确信息。')
    // The first thing asked is what the reader wants: when the pages lack it, the comparison is refused.
    expect((await ask('森林防灭火培训来了多少人？比五里堡消防演练的人多吗？')).abstained).toBe(true)
  })

  it("asks a comparison of each thing though one story's sentence answers the whole, so both sides are quoted", async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '马寨产业集聚区的座谈会跟大学路的知识竞赛，哪个开得早？', { mode: 'extractive' })
    expect(a.answer).toContain('6月11日上午')
    expect(a.answer).toContain('6月14日下午')
    expectQuotesVerbatim(db, a)
  })

  it('answers two questions of two stories in one chat message, but not a question that names nothing of its own', async () => {
    const { db, index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    const two = await ask('马寨座谈会请了几所高校的负责人 经开区产学研对接会来的是哪个学校')
    expect(two.answer).toContain('3所高校')
    expect(two.answer).toContain('河南财政金融学院')
    expectQuotesVerbatim(db, two)
    expect((await ask('经开区优化营商环境领导小组下设了几个专项小组？分别是哪些？')).abstained).toBe(true)
  })

  it('answers a question the reader then sets beside another story (差得远不), and refuses it when the pages lack it', async () => {
    const { index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    expect((await ask('五里堡消防演练来了多少人 蜜蜂张竞赛才15个人 差得远不')).answer).toContain('60余人')
    expect((await ask('森林防灭火培训来了多少人 五里堡演练60多人 差得远不')).abstained).toBe(true)
  })

  it('quotes the date of each of two events asked how many days apart, or which came first', async () => {
    const { index } = samples()
    const ask = (q: string) => answerQuestion(index, q, { mode: 'extractive' })
    const apart = await ask('马寨的座谈会跟福华街发巡逻车隔了几天？')
    expect(apart.answer).toContain('6月11日上午')
    expect(apart.answer).toContain('6月19日上午')
    const order = await ask('大学路街道的知识竞赛是在蜜蜂张街道竞赛之前还是之后？')
    expect(order.answer).toContain('6月14日')
    expect(order.answer).toContain('6月19日')
  })

  it('gives the byline of each of two stories asked whether one reporter wrote both', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '森林防灭火培训那篇和财富天阶送锦旗那篇，是一个记者写的吗？', { mode: 'extractive' })
    expect(a.answer).toContain('《培训实操齐上阵 提高应急业务技能》的署名是“记者 鲁慧”[1]')
    expect(a.answer).toContain('《实事办到群众心坎上 赠送锦旗以致谢》的署名是')
    expect(a.answer).toContain('[2]')
    expect(a.answer.length).toBeLessThanOrEqual(300)
    expectQuotesVerbatim(db, a)
  })

  it('keeps a two-byline answer within 300 characters, each byline kept, when the quotes after them are long', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '示范区干部大比武的稿子和营商环境常态长效会的稿子，是同一个记者吗？', { mode: 'extractive' })
    expect(a.answer.length).toBeLessThanOrEqual(300)
    expect(a.answer.match(/的署名是“本报讯（记者付凯明）”/gu)).toHaveLength(2)
    expectQuotesVerbatim(db, a)
  })

  it('gives both bylines when the reader asks one and then whether the other story has the same reporter', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '建设局巡察整改的报道由哪位记者采写？跟送锦旗那篇的记者是否为同一人？', { mode: 'extractive' })
    expect(a.answer).toContain('谢鹏飞')
    expect(a.answer).toContain('鲁慧')
    expectQuotesVerbatim(db, a)
  })

  it('gives the byline of each of two stories asked 分别, though one story answers the whole', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '五里堡消防演练的报道和大学路知识竞赛的报道，通讯员分别是谁？', { mode: 'extractive' })
    expect(a.answer).toContain('赵超南')
    expect(a.answer).toContain('程聪聪')
    expectQuotesVerbatim(db, a)
  })

  it('quotes the count of each of two things when the reader asks the gap with a unit or by a count named by its measure', async () => {
    const { db, index } = samples()
    const gap = await answerQuestion(index, '大学路街道知识竞赛进决赛的队伍数，比蜜蜂张街道竞赛分的小组多几个？', { mode: 'extractive' })
    expect(gap.answer).toContain('6支代表队')
    expect(gap.answer).toContain('5个小组')
    expectQuotesVerbatim(db, gap)
    const measured = await answerQuestion(index, '党政办梳理的可量化举措条数，与宣传部新增的市级文明单位家数，相差多少？', { mode: 'extractive' })
    expect(measured.answer).toContain('544条可量化举措')
    expect(measured.answer).toContain('市级文明单位9家')
    expectQuotesVerbatim(db, measured)
  })

  it('gives the byline of each of two stories asked whether their correspondents overlap', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '赠送锦旗那篇的通讯员，和产学研对接会那篇的通讯员，有没有重合的？', { mode: 'extractive' })
    expect(a.answer).toContain('黄帅 郑茜茜')
    expect(a.answer).toContain('李勇奇')
    expectQuotesVerbatim(db, a)
  })

  it('quotes the amount of each of two things asked 是否多于', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '五里堡消防演练的参加人数，是否多于蜜蜂张街道竞赛的参赛党员？', { mode: 'extractive' })
    expect(a.answer).toContain('60余人')
    expect(a.answer).toContain('15人')
    expectQuotesVerbatim(db, a)
  })

  it('answers a chat message of two questions of one story and a third of another', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '示范区兑现奖励资金多少 争取扶持资金多少？经开区专项债发行成功多少', { mode: 'extractive' })
    expect(a.answer).toContain('3280余万元')
    expect(a.answer).toContain('4850万元')
    expect(a.answer).toContain('9.97亿元')
    expectQuotesVerbatim(db, a)
  })

  it('answers two stories jotted as an editor does (A、B两稿, A vs B) from each', async () => {
    const { db, index } = samples()
    const bylines = await answerQuestion(index, '五里堡消防、大学路竞赛两稿，记者是否同一人？', { mode: 'extractive' })
    expect(bylines.answer).toContain('赵超南')
    expect(bylines.answer).toContain('程聪聪')
    expectQuotesVerbatim(db, bylines)
    const amounts = await answerQuestion(index, '采购稿节约资金 vs 示范区争取的扶持资金，差额多少？', { mode: 'extractive' })
    expect(amounts.answer).toContain('1361.26万元')
    expect(amounts.answer).toContain('4850万元')
    expectQuotesVerbatim(db, amounts)
  })

  it('quotes each of two things asked outright and then compared in words that name neither', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '马寨座谈会是几号，福华街发巡逻车是几号，中间隔了几天呀？', { mode: 'extractive' })
    expect(a.answer).toContain('6月11日')
    expect(a.answer).toContain('6月19日')
    expectQuotesVerbatim(db, a)
  })

  it('gives both bylines when the reader asks whether the reporter of one story also wrote another', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '写五里堡消防那篇的记者，也写了大学路知识竞赛那篇吗？', { mode: 'extractive' })
    expect(a.answer).toContain('赵超南')
    expect(a.answer).toContain('程聪聪')
    expectQuotesVerbatim(db, a)
  })

  it('reads the report that an event was held as telling it is over, beside a part asking where', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '蜜蜂张街道第二期党建知识竞赛办完没？在哪儿办的', { mode: 'extractive' })
    expect(a.abstained).toBe(false)
    expect(a.answer).toContain('郑州供电段')
    expectQuotesVerbatim(db, a)
  })

  it('lists the members of a set the reader counts, though the story does not count them', async () => {
    const a = await answerQuestion(samples().index, '郑大二附院新院区周边在修两条路，是哪两条？', { mode: 'extractive' })
    expect(a.answer).toContain('美辰路、梅香路')
  })
})

