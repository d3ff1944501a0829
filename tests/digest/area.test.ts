import { describe, expect, it } from 'vitest'
import { areaOf, findArea, OTHER_AREA } from '../../src/digest/index.js'

describe('areaOf', () => {
  it.each([
    [{ paper: '经开时报', title: '', text: '日前，森防办开展培训。' }, '经开区'],
    [{ paper: '二七区新闻', title: '', text: '马寨产业集聚区召开座谈会。' }, '二七区'],
    [{ paper: '示范区新闻', title: '', text: '督导组查看工地。' }, '示范区'],
    [{ paper: '', title: '二七区开展消防演练', text: '五里堡街道组织演练。' }, '二七区'],
    [{ paper: '郑州日报', title: '', text: '郑州经济技术开发区召开会议，经开区各部门参加。' }, '经开区'],
    [{ paper: '', title: '', text: '今天天气晴。' }, OTHER_AREA],
  ])('places %j in %s', (article, area) => {
    expect(areaOf(article)).toBe(area)
  })

  it('lets a report that is plainly about another district outweigh its paper', () => {
    const text = '二七区召开会议。二七区各街道参加。二七区部署工作。二七区明确目标。'
    expect(areaOf({ paper: '经开时报', title: '', text })).toBe('二七区')
  })
})

describe('findArea', () => {
  it.each([
    ['经开区', '经开区'], ['经开', '经开区'], ['二七', '二七区'], ['管城回族区', '管城区'], ['安置房', undefined], ['区', undefined],
  ])('reads %j as %s', (word, area) => {
    expect(findArea(word)).toBe(area)
  })
})
