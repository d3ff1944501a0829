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

  it('leaves alone a question asking one printed figure', () => {
    expect(computationAsked('经开区一共分出去多少套安置房？')).toBeUndefined()
    expect(computationAsked('参加培训的有多少人？')).toBeUndefined()
    expect(computationAsked('比例是多少？')).toBeUndefined()
    expect(computationAsked('平均分是多少')).toBeUndefined()
    expect(computationAsked('预计实现的扣除非经常性损益后的净利润是多少？')).toBeUndefined()
    expect(computationAsked('国际旅客列车的运行时间减少了多少分钟？')).toBeUndefined()
  })
})
