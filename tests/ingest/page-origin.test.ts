import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText, inferIssueDate, inferPaper, metaFromFileName, parsePageText, readMasthead } from '../../src/ingest/index.js'

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

describe('the masthead', () => {
  it.each([
    ['经开时报\n2023年12月6日 星期三\n\n潮河环境整治工程全面完工\n', { lines: 2, date: '2023-12-06' }],
    ['经开时报 2023年12月6日 第2版\n标题', { lines: 1, date: '2023-12-06' }],
    ['\n\n经开区领导带队开展综合调研\n', { lines: 0 }],
    ['区统计局签订2020年 个人目标责任书\n', { lines: 0 }],
  ])('%j → %j', (text, masthead) => {
    expect(readMasthead(text)).toEqual(masthead)
  })

  it('is neither a headline nor body, and gives the issue its date and paper, marked inferred', () => {
    const page = '经开时报\n2023年12月6日\n\n潮河环境整治工程全面完工\n\n本报讯 12月5日，经开区潮河环境整治工程全面完工。\n记者 王敏\n'
    expect(parsePageText(page, {})).toEqual([
      expect.objectContaining({ title: '潮河环境整治工程全面完工', paper: '经开时报', paperInferred: true, issueDate: '2023-12-06', dateInferred: true }),
    ])
  })
})
