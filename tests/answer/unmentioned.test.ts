import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { useSampleIndex } from '../helpers/sample-db.js'

// Questions a district's own store cannot answer, asked of the bundled sample pages, beside ones it can.
describe('questions about what the sample pages never mention', () => {
  const samples = useSampleIndex()
  const ask = (question: string) => answerQuestion(samples().index, question, { mode: 'extractive' })

  it('refuses when of the question only the district is found, however well the district alone is covered', async () => {
    expect((await ask('奶奶想问问：经开区今年重阳节给老年人发慰问品没有？发的啥？')).abstained).toBe(true)
    expect((await ask('经开区的安置房到现在一共分出去多少套了？')).abstained).toBe(false)
  })

  it('answers an either-or, a day of the week and a count of hours; refuses an area jieba cuts off its 区', async () => {
    expect((await ask('财富天阶小区居民送锦旗，是送给哪个部门的？城管还是街道？')).answer).toContain('综合行政执法局')
    expect((await ask('脚板+手指那个活动，卫生日定在星期几？')).answer).toContain('周五')
    expect((await ask('秸秆禁烧巡查要求一天巡多少个小时？')).answer).toContain('24小时')
    expect((await ask('航空港区2022年新增了几家市级文明单位？')).abstained).toBe(true)
    expect((await ask('示范区扬尘污染防治督导是哪天搞的？哪两位区领导参加了？')).abstained).toBe(false)
  })

  it('answers when a thing is finished only with a date of its finishing, not of the meeting about it', async () => {
    expect((await ask('王庄村综合改造提升，总共得花多少钱？啥时候能弄完？')).abstained).toBe(true)
    expect((await ask('郑大二附院周边的路啥时候能通车？')).answer).toContain('9月底')
  })

  it('answers when the next one is only with what is planned, not with the date of this one', async () => {
    expect((await ask('明年经开区还办不办产学研对接会，大概啥时候')).abstained).toBe(true)
    expect((await ask('经开区产学研对接会是什么时候办的')).abstained).toBe(false)
  })

  it('refuses a person the pages never name in what is asked, not in the reader\'s own story', async () => {
    expect((await ask('我家小孩叫李建国，想问问经开区安置房到现在一共分了多少套？')).answer).toContain('3636套')
    expect((await ask('管委会副主任李建国讲了什么')).abstained).toBe(true)
  })

  it('refuses a place, community or app the pages never name, and answers the ones they do', async () => {
    expect((await ask('洛阳经开区今年一共分配了多少套安置房？')).abstained).toBe(true)
    expect((await ask('明湖办事处的锦绣家园社区这次参加观摩了没有？')).abstained).toBe(true)
    expect((await ask('程晓华去了明湖办事处哪几个社区观摩？')).abstained).toBe(false)
    expect((await ask('“指尖清风”云课堂在哪个APP上能看？')).abstained).toBe(true)
    expect((await ask('“指尖清风”云课堂是宣传部联合哪个部门推出的？')).abstained).toBe(false)
  })
})
