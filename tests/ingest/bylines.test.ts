import { describe, expect, it } from 'vitest'
import { parseByline, parseDateline, splitTrailingByline } from '../../src/ingest/bylines.js'

describe('parseByline', () => {
  it.each([
    ['记者 鲁慧', ['鲁慧'], [], false],
    ['记者 鲁慧 通讯员 黄帅 郑茜茜 文/图', ['鲁慧'], ['黄帅', '郑茜茜'], false],
    ['记者谢鹏飞通讯员李超', ['谢鹏飞'], ['李超'], false],
    ['记者 王赛华 经开时报 李洪永', ['王赛华', '李洪永'], [], false],
    ['（通讯员 赵宁华）', [], ['赵宁华'], false],
    ['本报记者 翟鹏程 摄', ['翟鹏程'], [], true],
  ])('%j', (line, reporters, correspondents, photo) => {
    expect(parseByline(line)).toMatchObject({ reporters, correspondents, photo })
  })

  it.each(['科技赋能', '助力企业创新发展', '记者要多跑基层', '通讯员队伍建设不断加强，成效明显'])('is not fooled by %j', (line) => {
    expect(parseByline(line)).toBeNull()
  })

  it('takes continuation lines only when asked', () => {
    expect(parseByline('文/图')).toBeNull()
    expect(parseByline('文/图', true)).toMatchObject({ reporters: [], correspondents: [] })
    expect(parseByline('经开时报 李洪永', true)).toMatchObject({ reporters: ['李洪永'] })
    expect(parseByline('科技赋能', true)).toBeNull()
  })
})

describe('parseDateline', () => {
  it.each([
    ['本报讯 日前，经开区森', '本报讯', [], [], '日前，经开区森'],
    ['本报讯“感谢你们', '本报讯', [], [], '“感谢你们'],
    ['本报讯（记者付凯明）4月29日下午', '本报讯（记者付凯明）', ['付凯明'], [], '4月29日下午'],
    ['本报讯（记者王小二 通讯员 李四）今天', '本报讯（记者王小二 通讯员 李四）', ['王小二'], ['李四'], '今天'],
    ['本报记者 郭树勋', '本报记者 郭树勋', ['郭树勋'], [], ''],
    ['本报郑州6月1日讯（记者 张伟）昨日', '本报郑州6月1日讯（记者 张伟）', ['张伟'], [], '昨日'],
    ['新华社北京6月1日电 国务院', '新华社北京6月1日电', [], [], '国务院'],
  ])('%j', (line, text, reporters, correspondents, rest) => {
    expect(parseDateline(line)).toEqual({ text, reporters, correspondents, rest })
  })

  it('leaves photo credits and ordinary text alone', () => {
    expect(parseDateline('本报记者 翟鹏程 摄')).toBeNull()
    expect(parseDateline('本报近日收到读者来信。')).toBeNull()
  })
})

describe('splitTrailingByline', () => {
  it('splits a byline printed at the end of a paragraph', () => {
    expect(splitTrailingByline('推动全区经济社会平稳健康发展。记者 王赛华')).toMatchObject({
      text: '推动全区经济社会平稳健康发展。',
      byline: { text: '记者 王赛华', reporters: ['王赛华'] },
    })
  })

  it('leaves a sentence that merely mentions a reporter', () => {
    expect(splitTrailingByline('他说：“欢迎记者朋友。”记者们纷纷提问')).toBeNull()
  })
})
