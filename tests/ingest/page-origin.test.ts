import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText, inferIssueDate, inferPaper, metaFromFileName, parsePageText } from '../../src/ingest/index.js'

const SAMPLE_002 = new URL('../../data/samples/002_6df37518f25c994b.txt', import.meta.url)

describe('metaFromFileName', () => {
  it.each([
    ['经开时报_2023-11-15_第2版.txt', { paper: '经开时报', paperInferred: true, issueDate: '2023-11-15', dateInferred: true, page: '2' }],
    ['/x/20200605-p1.txt', { issueDate: '2020-06-05', dateInferred: true, page: '1' }],
    ['二七区新闻2020年06月22日.txt', { paper: '二七区新闻', paperInferred: true, issueDate: '2020-06-22', dateInferred: true }],
    ['2023-02-30.txt', {}],
    ['000_5adc3b2768a65fa1.txt', {}],
  ])('%s → %j', (name, meta) => {
    expect(metaFromFileName(name)).toEqual(meta)
  })
})

describe('inferPaper', () => {
  it.each([
    ['经开时报\n2023年11月15日 星期三\n\n标题\n本报讯 正文。', '经开时报'],
    ['标题\n本报讯 据二七区新闻报道……二七区新闻记者', '二七区新闻'],
    ['标题\n本报讯 区里召开新闻发布会。', undefined],
    ['标题\n本报讯 郑州日报曾报道。', undefined],
  ])('%j → %j', (text, paper) => {
    expect(inferPaper(text)).toBe(paper)
  })

  it('reads the paper a seed page prints in its running text, and marks it inferred', () => {
    const text = decodeText(readFileSync(SAMPLE_002), '002.txt')
    const articles = parsePageText(text, {})
    expect(articles.every((a) => a.paper === '经开时报' && a.paperInferred)).toBe(true)
  })

  it('keeps a given paper as given', () => {
    const [a] = parsePageText('标题\n\n本报讯 经开时报 经开时报 正文。', { paper: '示范区新闻' })
    expect(a).toMatchObject({ paper: '示范区新闻' })
    expect(a!.paperInferred).toBeUndefined()
  })
})

describe('inferIssueDate from the periods a page reports', () => {
  it.each([
    ['2022年上半年，全区完成投资……', '2022-06-30'],
    ['2022年1~7月，全区……；2022年上半年……', '2022-07-31'],
    ['2021年下半年……', '2021-12-31'],
    ['今年以来……', undefined],
  ])('%j → %j', (text, date) => {
    expect(inferIssueDate(text, [text])).toBe(date)
  })

  it('dates the seed page that reports 2022年上半年', () => {
    const text = decodeText(readFileSync(SAMPLE_002), '002.txt')
    expect(parsePageText(text, {})[0]).toMatchObject({ issueDate: '2022-06-30', dateInferred: true })
  })
})
