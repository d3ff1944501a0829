import { describe, expect, it } from 'vitest'
import { parseIssue } from '../../src/ingest/issue.js'

const FRONT = '经开时报\n2023年11月15日 星期三 第1版\n\n经开区召开安置房建设推进会\n\n本报讯 日前，经开区召开安置房建设推进会，部署下一步工作。\n记者 鲁慧\n'
const INNER = '马寨社区开展消防演练\n\n本报讯 近日，马寨社区组织居民开展消防演练，提高了居民的安全意识。\n记者 王赛华\n'

describe('parseIssue', () => {
  it('gives the inner pages the date and paper the front page prints, marked inferred', () => {
    const articles = parseIssue([{ page: '1', text: FRONT }, { page: '2', text: INNER }], {})
    expect(articles.map((a) => [a.title, a.page, a.issueDate, a.dateInferred, a.paper])).toEqual([
      ['经开区召开安置房建设推进会', '1', '2023-11-15', true, '经开时报'],
      ['马寨社区开展消防演练', '2', '2023-11-15', true, '经开时报'],
    ])
  })

  it('keeps what the manifest or the flags give', () => {
    const articles = parseIssue([{ page: '1', text: FRONT }, { page: '2', text: INNER }], { issueDate: '2023-11-16', paper: '郑州日报' })
    expect(articles.every((a) => a.issueDate === '2023-11-16' && !a.dateInferred && a.paper === '郑州日报' && !a.paperInferred)).toBe(true)
  })
})
