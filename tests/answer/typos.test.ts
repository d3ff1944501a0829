import { describe, expect, it } from 'vitest'
import { respelt, withTyposRead } from '../../src/answer/typos.js'
import { analyzeQuery, type AnalyzedQuery } from '../../src/retrieve/index.js'

/** The question read as search reads it, with `absent` in no article of the store. */
function read(question: string, absent: string[]): AnalyzedQuery {
  const plan = analyzeQuery(question, null)
  return { ...plan, total: 100, words: plan.words.map((w) => ({ ...w, docs: absent.includes(w.text) ? 0 : 3, weight: 3 })) }
}
const article = (text: string) => ({ id: 'a', title: '标题', paper: '经开时报', date: null, score: 1, text })

describe('withTyposRead', () => {
  it('reads a misspelt name as the articles found spell it', () => {
    const q = read('蜜峰张街道知识竞赛有几支队伍', ['蜜峰'])
    expect(q.words.map((w) => w.text)).toContain('蜜峰')
    const fixed = withTyposRead(q, [article('6月19日，蜜蜂张街道马砦社区党支部组织开展党建知识竞赛。')])
    expect(fixed.words.find((w) => w.text === '蜜蜂')).toMatchObject({ docs: 1 })
    expect(fixed.words.map((w) => w.text)).not.toContain('蜜峰')
  })

  it('reads a misspelt word at the edge of what matches, when the two characters sound alike', () => {
    const lessons = read('“指尖清峰”云课堂是哪个部门一起推的', ['清峰'])
    const fixed = withTyposRead(lessons, [article('联合区纪检监察工委推出“指尖清风”云课堂。')])
    expect(fixed.words.map((w) => w.text)).toContain('清风')
  })

  it('reads a name misspelt by a character that looks alike, as handwriting input makes it', () => {
    const meeting = read('王压村综合改造提升推进会是谁主持召开的', ['王压村'])
    const fixed = withTyposRead(meeting, [article('5月28日下午，祥云办事处召开王庄村综合改造提升推进会。')])
    expect(fixed.words.map((w) => w.text)).toContain('王庄村')
    const office = read('祥去办事处副书记叫什么', ['祥去'])
    expect(respelt(office, [article('祥云办事处党工委副书记吴晓莉主持会议。')])).toBe('祥云办事处副书记叫什么')
  })

  it('leaves a name alone when the two characters share only a radical of meaning (江 and 河 both 氵)', () => {
    const road = read('扬尘督导去了滨江路施工现场吗', ['滨江路'])
    expect(withTyposRead(road, [article('在滨河路施工现场，项目正有条不紊地推进。')]).words).toEqual(road.words)
  })

  it('leaves a look-alike alone outside a name, where one character off is another word', () => {
    const agreement = read('双方签的产学研合作协议全称是啥', ['协议'])
    expect(withTyposRead(agreement, [article('双方签订产学研合作协调全称备忘。')]).words).toEqual(agreement.words)
    const leader = read('来经开带队的是哪个校领导', ['校领导'])
    expect(withTyposRead(leader, [article('经开区领导带队开展综合调研。')]).words).toEqual(leader.words)
  })

  it('leaves a word alone when the characters that differ sound different, or in a person or a number', () => {
    const weather = read('明天天气怎么样', ['天气'])
    expect(withTyposRead(weather, [article('群众天天过得安，街道配发巡逻车。')]).words).toEqual(weather.words)
    const progress = read('冷链物流项目进展咋样了', ['进展'])
    expect(withTyposRead(progress, [article('推动项目发展咋样都要抓紧。')]).words).toEqual(progress.words)
    const yields = read('祥云办事处小麦亩产多少斤', ['亩产'])
    expect(withTyposRead(yields, [article('了解小麦单产、收割进度等情况。')]).words).toEqual(yields.words)
    const contest = read('第二届初心杯有多少支队伍', ['第二届'])
    expect(withTyposRead(contest, [article('大学路街道第二阶段初心杯知识竞赛。')]).words).toEqual(contest.words)
    const person = read('管委会副主任李建国讲了什么', ['李建国'])
    expect(withTyposRead(person, [article('管委会副主任李建军出席。')]).words).toEqual(person.words)
    // A count glued to what it counts (一个组) is not a name misspelt: 一个组要管 is no 一个主要管.
    const groups = read('平均一个组要管几个点位', ['一个组'])
    expect(withTyposRead(groups, [article('确定一个主要方向，由六个督导组牵头。')]).words).toEqual(groups.words)
    const quarter = read('明湖办事处第三季度观摩活动是哪天', ['第三季度'])
    expect(withTyposRead(quarter, [article('5月28日，明湖办事处组织开展第二季度逐社区观摩活动。')]).words).toEqual(quarter.words)
  })

  it('gives the question as the articles spell it, to be searched again, or nothing when no name is misspelt', () => {
    const housing = [article('截至目前，全区已分配安置房3636套。')]
    expect(respelt(read('经开区安至房一共分了多少套', ['安至房']), housing)).toBe('经开区安置房一共分了多少套')
    expect(respelt(read('经开区安置房一共分了多少套', []), housing)).toBeUndefined()
  })

  it('respells what voice input heard as other characters where the dictionary knows no word (节杆进烧 → 秸秆禁烧)', () => {
    const burning = [article('要严格落实市区关于秸秆禁烧的有关规定，切实做到24小时全天候巡查。')]
    expect(respelt(read('节杆进烧要求咋巡查', ['节杆']), burning)).toBe('秸秆禁烧要求咋巡查')
    const pennant = [article('财富天阶小区群众代表将一面锦旗送至综合行政执法局。')]
    expect(respelt(read('哪个小区给执法局送金旗了', ['送金旗']), pennant)).toBe('哪个小区给执法局送锦旗了')
    // A word the dictionary knows is not respelt into another (意思 is no 意识), nor by a rare reading (厂 read ān).
    expect(respelt(read('三送一强是啥意思', ['意思']), [article('增强安全意识。')])).toBeUndefined()
    expect(respelt(read('那个厂招不招焊工', ['焊工']), [article('按照要求开展工作。')])).toBeUndefined()
    // Nor is a question without a word no article holds.
    expect(respelt(read('节杆进烧要求咋巡查', []), burning)).toBeUndefined()
  })
})
