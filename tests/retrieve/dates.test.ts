import { describe, expect, it } from 'vitest'
import { parseTimeExpressions, periodsClash, periodsNamed, yearsClash } from '../../src/retrieve/index.js'

const TODAY = '2023-11-15' // a Wednesday

describe('parseTimeExpressions', () => {
  it.each([
    ['今年6月有什么活动', [{ text: '今年6月', range: { from: '2023-06-01', to: '2023-06-30' }, relative: true }]],
    ['去年的专项债', [{ text: '去年', range: { from: '2022-01-01', to: '2022-12-31' }, relative: true }]],
    ['6月1日开了什么会', [{ text: '6月1日', range: { from: '2023-06-01', to: '2023-06-01' }, relative: false }]],
    ['12月3日的会', [{ text: '12月3日', range: { from: '2022-12-03', to: '2022-12-03' }, relative: false }]],
    ['2020年5月', [{ text: '2020年5月', range: { from: '2020-05-01', to: '2020-05-31' }, relative: false }]],
    ['2022年上半年', [{ text: '2022年', range: { from: '2022-01-01', to: '2022-12-31' }, relative: false }]],
    ['上周有啥新闻', [{ text: '上周', range: { from: '2023-11-06', to: '2023-11-12' }, relative: true }]],
    ['本月', [{ text: '本月', range: { from: '2023-11-01', to: '2023-11-30' }, relative: true }]],
    ['上个月', [{ text: '上个月', range: { from: '2023-10-01', to: '2023-10-31' }, relative: true }]],
    ['13月40日', []],
    ['安置房', []],
  ])('%s', (text, expected) => {
    expect(parseTimeExpressions(text, TODAY)).toEqual(expected)
  })

  it('takes last December in January', () => {
    expect(parseTimeExpressions('上月', '2024-01-10')[0]?.range).toEqual({ from: '2023-12-01', to: '2023-12-31' })
  })
})

describe('periodsNamed', () => {
  it('reads relative and numbered years and the parts of a year, months from January among them', () => {
    expect(periodsNamed('去年全年城镇新增就业')).toEqual({ relative: new Set([-1]), absolute: new Set(), parts: new Set(['full']) })
    expect(periodsNamed('22年下半年收入')).toEqual({ relative: new Set(), absolute: new Set([2022]), parts: new Set(['H2']) })
    expect(periodsNamed('jk区2022下半年文化企业营收')).toEqual({ relative: new Set(), absolute: new Set([2022]), parts: new Set(['H2']) })
    expect(periodsNamed('今年1~6月，完成第三季度任务')).toEqual({ relative: new Set([0]), absolute: new Set(), parts: new Set(['H1', 'Q3']) })
    expect(periodsNamed('一至三月，2020 年')).toEqual({ relative: new Set(), absolute: new Set([2020]), parts: new Set(['Q1']) })
  })

  it('takes a part of a fiscal year for no part of the calendar year', () => {
    expect(periodsNamed('星巴克2023财年第三季度财报显示，中国市场第三季度净收入8.219亿美元').parts.size).toBe(0)
  })

  it('takes a bare count of years for no year: 30年的发展历程', () => {
    expect(periodsNamed('经开区30年的发展历程').absolute.size).toBe(0)
  })
})

describe('periodsClash', () => {
  const clash = (asked: string, told: string) => periodsClash(periodsNamed(asked), periodsNamed(told))
  it.each([
    ['去年全年新增就业多少人', '今年1~6月，实现城镇新增就业11598人', true],
    ['22年下半年收入多少', '2022年上半年，收入完成40亿元', true],
    ['2022年全年收入多少', '2022年上半年，收入完成40亿元', true],
    ['一季度增长多少', '上半年增长1.2%', true],
    ['2021年发了多少', '2020年已累计发行5个项目', true],
    ['上半年新增就业多少人', '今年1~6月，实现城镇新增就业11598人', false],
    ['上半年完成全年任务的百分之几', '完成全年任务18500人的66.3%', false],
    ['去年新增就业多少人', '实现城镇新增就业11598人', false],
    ['今年新增就业多少人', '2022年实现城镇新增就业11598人', false],
  ])('%s / %s', (asked, told, expected) => {
    expect(clash(asked, told)).toBe(expected)
  })
})

describe('yearsClash', () => {
  const clash = (asked: string, told: string, story: string, year: number | undefined) => yearsClash(periodsNamed(asked), periodsNamed(told), periodsNamed(story), year)
  it.each([
    // 前年 of a 2020 story is 2018, not the years its sentence names.
    ['前年发行了多少钱', '全区2020年已累计发行13.92亿元，是2019年全年发行额1.86倍', '', 2020, true],
    ['去年发行了多少钱', '全区2020年已累计发行13.92亿元，是2019年全年发行额1.86倍', '', 2020, false],
    ['今年发行了多少钱', '全区2020年已累计发行13.92亿元', '', 2020, false],
    // A past year asked, a sentence naming none, a story naming that year nowhere: the figure is of the story's time.
    ['去年一年分了多少套安置房', '截至目前，全区已分配安置房3636套', '截至目前，全区已分配安置房3636套。', 2023, true],
    // A story that names the year asked may tell its figure in a sentence that does not repeat it.
    ['去年建了几个专项小组', '下设17个专项小组', '示范区去年以来成立了领导小组，下设17个专项小组。', 2020, false],
    ['今年分了多少套安置房', '截至目前，全区已分配安置房3636套', '', 2023, false],
    // No issue date: nothing to count from.
    ['前年发行了多少钱', '全区2020年已累计发行13.92亿元', '', undefined, false],
  ])('%s / %s (%s)', (asked, told, story, year, expected) => {
    expect(clash(asked, told, story, year)).toBe(expected)
  })
})
