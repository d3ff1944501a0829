import { describe, expect, it } from 'vitest'
import { findEventDate, inferIssueDate, resolveMonthDay } from '../../src/ingest/dates.js'

describe('resolveMonthDay', () => {
  it.each([
    [6, 1, '2020-06-05', '2020-06-01'],
    [5, 28, '2020-06-05', '2020-05-28'],
    [12, 30, '2021-01-04', '2020-12-30'],
    [2, 29, '2021-03-01', undefined],
    [2, 29, '2020-03-01', '2020-02-29'],
  ])('%i月%i日 in the issue of %s → %s', (m, d, issue, expected) => {
    expect(resolveMonthDay(m, d, issue)).toBe(expected)
  })
})

describe('findEventDate', () => {
  it.each([
    ['6月1日上午，经开区党工委委员', '2020-06-05', '2020-06-01'],
    ['2019年12月3日，区里召开会议', undefined, '2019-12-03'],
    ['昨日，厦工机械有限公司', '2020-04-30', '2020-04-29'],
    ['近日，经开区举办了对接会', '2020-06-05', undefined],
    ['6月1日上午，经开区党工委委员', undefined, undefined],
    ['为贯彻落实财政政策，积极应对疫情影响，省财政厅于5月25日发行', '2020-06-05', undefined],
  ])('%j (issue %s) → %s', (lead, issue, expected) => {
    expect(findEventDate(lead, issue)).toBe(expected)
  })
})

describe('inferIssueDate', () => {
  it('takes the latest lead date in the year the page mentions most', () => {
    const text = '2020年专项债券……2020年小麦丰收……是2019年的1.86倍'
    expect(inferIssueDate(text, ['6月1日上午，开会。', '6月3日上午，开会。', '5月28日，签约。'])).toBe('2020-06-03')
  })

  it('prefers a full date in a lead', () => {
    expect(inferIssueDate('2019年', ['2020年6月1日，开会。'])).toBe('2020-06-01')
  })

  it('gives up without a year', () => {
    expect(inferIssueDate('没有年份', ['6月1日上午，开会。'])).toBeUndefined()
  })
})
