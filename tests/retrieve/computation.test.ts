import { describe, expect, it } from 'vitest'
import { computationAsked } from '../../src/retrieve/index.js'

describe('computationAsked', () => {
  it('reads an average with what it is per', () => {
    expect(computationAsked('平均每个项目节约多少？')).toEqual({ op: 'average', per: '项目节约' })
    expect(computationAsked('平均一个组要管几个点位？')).toMatchObject({ op: 'average', per: '组要管几' })
    expect(computationAsked('人均能分到多少？')).toEqual({ op: 'average', per: '人' })
  })

  it('reads what is left and how far apart, with the two sides of the question', () => {
    expect(computationAsked('区级的比市级的多几个？')).toEqual({ op: 'difference', sides: ['区级的', '市级的多几个？'] })
    expect(computationAsked('二七区新增就业离全年任务还差多少人？')).toEqual({ op: 'difference', sides: ['二七区新增就业', '全年任务还差多少人？'] })
    expect(computationAsked('参赛队里有几支没进决赛？')).toEqual({ op: 'difference', sides: ['参赛队里有几支', '进决赛？'] })
    expect(computationAsked('申请了127.58亿，已经发了13.92亿，还剩多少没发出来？')?.op).toBe('difference')
  })

  it('reads a sum asked as one', () => {
    expect(computationAsked('建城区社区和村改居社区一共多少个？')).toEqual({ op: 'sum', sides: ['建城区社区', '村改居社区一共多少个？'] })
    expect(computationAsked('周报和周总结，两个加起来多少期？')?.op).toBe('sum')
  })

  it('reads a share with its part and whole, and a multiple with what it measures and by what', () => {
    expect(computationAsked('征集到的673条意见建议里，针对班子成员的大概占百分之几？')).toEqual({ op: 'share', sides: ['针对班子成员的', '征集到的673条意见建议里'] })
    // A filler before 占 (…的意见，约占) is not the part.
    expect(computationAsked('对区党工委班子成员的意见，约占征集到的全部意见建议的几分之几？')).toEqual({ op: 'share', sides: ['对区党工委班子成员的意见', '征集到的全部意见建议'] })
    expect(computationAsked('到现在实际发行的占申请额几成？')).toEqual({ op: 'share', sides: ['到现在实际发行的', '申请额'] })
    expect(computationAsked('5月25日那次经开区拿到的钱，占它今年累计发行额的比例大概多少？')).toEqual({ op: 'share', sides: ['5月25日那次经开区拿到的钱', '它今年累计发行额'] })
    expect(computationAsked('社区里头村改居的占几成')).toEqual({ op: 'share', sides: ['村改居的', '社区'] })
    expect(computationAsked('企业数量大约是银行数量的几倍？')).toEqual({ op: 'multiple', sides: ['企业数量大约', '银行数量'] })
    // A share with no whole named anywhere has no sides to work from.
    expect(computationAsked('党员占了百分之几')).toEqual({ op: 'share', sides: undefined })
    // 多了几倍 is a ratio said loosely, not a difference; 占多少 asks an amount; 占地 is no share.
    expect(computationAsked('比去年一整年多了几倍？')).toBeUndefined()
    expect(computationAsked('里头棚改的占多少？')).toBeUndefined()
    expect(computationAsked('项目占地多少亩，占地比例是多少？')).toBeUndefined()
  })

  it('leaves alone a question asking one printed figure', () => {
    expect(computationAsked('经开区一共分出去多少套安置房？')).toBeUndefined()
    expect(computationAsked('参加培训的有多少人？')).toBeUndefined()
    expect(computationAsked('比例是多少？')).toBeUndefined()
    expect(computationAsked('平均分是多少')).toBeUndefined()
    expect(computationAsked('预计实现的扣除非经常性损益后的净利润是多少？')).toBeUndefined()
    expect(computationAsked('国际旅客列车的运行时间减少了多少分钟？')).toBeUndefined()
  })
})
