import { describe, expect, it } from 'vitest'
import { cleanLine, collapseSpacing, isFurniture, joinWrapped, normalizePunctuation } from '../../src/ingest/normalize.js'

describe('collapseSpacing', () => {
  it.each([
    ['本 报 讯 为 落 实 国', '本报讯为落实国'],
    ['近 日 ，经 开 区 组 织', '近日，经开区组织'],
    ['贷 难 问 题 ，搭 建“ 政 银', '贷难问题，搭建“政银'],
    ['全区已分配安置房 3 6 3 6 套', '全区已分配安置房3636套'],
    ['参会企业近 150 家，', '参会企业近150家，'],
    ['年 4月以来', '年4月以来'],
    ['对 接 。 另 外 ，组 织', '对接。另外，组织'],
    // Spaces that carry meaning stay: between Latin words and numbers, before Latin, between headline halves.
    ['COVID 19 疫情防控', 'COVID 19疫情防控'],
    ['A 区 B 座', 'A 区 B 座'],
    ['S P A 风 格 的 酒 店', 'SPA风格的酒店'],
    ['采 用 COVID 19 检 测 法', '采用COVID 19检测法'],
    ['2020 2021年', '2020 2021年'],
    ['脚板+手指 你我齐努力', '脚板+手指 你我齐努力'],
    ['积极申报专项债券 助力经开快速发展', '积极申报专项债券 助力经开快速发展'],
  ])('%j → %j', (line, expected) => {
    expect(collapseSpacing(line)).toBe(expected)
  })
})

describe('normalizePunctuation', () => {
  it.each([
    ['6月1日上午,经开区', '6月1日上午，经开区'],
    ['本报讯(记者付凯明)4月29日', '本报讯（记者付凯明）4月29日'],
    ['前程办事处:深化以案促改', '前程办事处：深化以案促改'],
    ['干劲?“五项', '干劲？“五项'],
    ['1,000 元 9:30 (a)', '1,000 元 9:30 (a)'],
  ])('%j → %j', (line, expected) => {
    expect(normalizePunctuation(line)).toBe(expected)
  })
})

describe('cleanLine', () => {
  it.each([
    [' 培训实操齐上阵\ufffd', '培训实操齐上阵'],
    ['完成率１００％。', '完成率100%。'],
    ['Ｈｅｌｌｏ　世界', 'Hello 世界'],
    ['- 2 -', ''],
    ['■', ''],
    ['第2版', ''],
    ['2020', '2020'],
  ])('%j → %j', (line, expected) => {
    expect(cleanLine(line)).toBe(expected)
  })

  it('knows page furniture from short text', () => {
    expect(isFurniture('12')).toBe(true)
    expect(isFurniture('余件。')).toBe(false)
  })
})

describe('joinWrapped', () => {
  it.each([
    ['早日享受到便捷的', '交通设施', '早日享受到便捷的交通设施'],
    ['共11', '598人', '共11598人'],
    ['the quick', 'brown fox', 'the quick brown fox'],
  ])('%j + %j', (a, b, expected) => {
    expect(joinWrapped(a, b)).toBe(expected)
  })
})

describe('bidi controls', () => {
  it('are stripped from page lines (U+202A–U+202E, U+2066–U+2069)', () => {
    expect(cleanLine('经开区\u202e分配安置房\u202c3636套\u2066，\u2069惠及群众')).toBe('经开区分配安置房3636套，惠及群众')
  })
})
