import { describe, expect, it } from 'vitest'
import { parseJsonlLine, parseLooseDate } from '../../src/ingest/index.js'

describe('parseLooseDate', () => {
  it.each([
    ['2023-07-28 16:40:00', '2023-07-28'],
    ['[2023/07/20 16:52]', '2023-07-20'],
    ['2023年07月20日 18:14:59 来自北京市', '2023-07-20'],
    ['2023年7月2日', '2023-07-02'],
    ['20230720', '2023-07-20'],
    ['7-20 15:37', undefined],
    ['2023-13-01', undefined],
    ['2023-02-30', undefined],
    ['2024/2/29', '2024-02-29'],
    ['昨天', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseLooseDate(input)).toBe(expected)
  })
})

describe('parseJsonlLine', () => {
  it('reads a full record', () => {
    const item = parseJsonlLine(
      JSON.stringify({ id: 'x1', title: '标题', text: ' 正文。 ', published_at: '2023-07-28 16:40:00', paper: '经开时报', page: 2 }),
      1,
    )
    expect(item).toEqual({
      line: 1,
      article: expect.objectContaining({ id: 'x1', title: '标题', text: '正文。', issueDate: '2023-07-28', paper: '经开时报', page: '2' }),
    })
  })

  it.each([
    ['{"text": "a"', /第 7 行不是有效的 JSON/],
    ['{"title": "无正文"}', /第 7 行：缺少 text/],
    ['{"text": "   "}', /正文 text 为空/],
    ['{"text": 42}', /第 7 行/],
    ['[1,2]', /第 7 行不是一条记录（应为 JSON 对象/],
    ['{"text": "t", "date": "2024-02-30"}', /第 7 行：日期 2024-02-30 不存在/],
    ['{"text": "t", "published_at": "2023年13月1日"}', /第 7 行：日期 2023年13月1日 不存在/],
  ])('reports %j with its line number', (line, message) => {
    const item = parseJsonlLine(line, 7)
    expect('error' in item && item.error).toMatch(message)
  })

  it('keeps a record whose date field holds no date at all, undated', () => {
    const item = parseJsonlLine('{"text":"t","date":"不详"}', 1)
    expect('article' in item && item.article.issueDate).toBeUndefined()
  })

  it('reports zod problems in Chinese', () => {
    const item = parseJsonlLine('{"text":"t","title":{"a":1}}', 2)
    expect('error' in item && item.error).toMatch(/^第 2 行：[^A-Za-z]*$/)
  })

  it('prefers date over published_at', () => {
    const item = parseJsonlLine('{"text":"t","date":"2020-06-05","published_at":"2023-01-01"}', 1)
    expect('article' in item && item.article.issueDate).toBe('2020-06-05')
  })
})

describe('bidi controls in JSONL records', () => {
  it('are stripped from the title, text and paper at ingest', () => {
    const line = JSON.stringify({ title: '安置房\u202egpj.exe', text: '本报讯\u2067 已分配\u202a3636套\u202c。', paper: '经开\u2068时报\u2069' })
    expect(parseJsonlLine(line, 1)).toEqual({
      line: 1,
      article: expect.objectContaining({ title: '安置房gpj.exe', text: '本报讯 已分配3636套。', paper: '经开时报' }),
    })
  })
})
