import { describe, expect, it } from 'vitest'
import { parseTimeExpressions } from '../../src/retrieve/index.js'

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
