import { describe, expect, it } from 'vitest'
import { bestQuote, checkAnswer, normalizeMarkers, splitAnswerSentences, unsupportedFigures, type CitableSource } from '../../src/answer/citations.js'

const src = (n: number, id: string, text: string): CitableSource => ({ n, id, title: `标题${id}`, paper: '经开时报', date: '2023-11-24', text })

const HOUSING = src(1, 'h', '本报讯 9月份以来，经开区建设局推动全区安置房建设提质提速。截至目前，全区已分配安置房3,636套。下一步将持续扛牢责任。')
const ROAD = src(2, 'r', '6月3日上午，园区召开现场会。确保9月底前郑大二附院周边道路全部建成通车，总投资1.2亿元。')
const SOURCES = [HOUSING, ROAD]

describe('normalizeMarkers', () => {
  it.each([
    ['安置房3636套【1】。', '安置房3636套[1]。'],
    ['安置房3636套［1］。', '安置房3636套[1]。'],
    ['两件事[1,2]。', '两件事[1][2]。'],
    ['两件事[1、 2]。', '两件事[1][2]。'],
    ['脚注[^2]。', '脚注[2]。'],
    ['资料[来源1]。', '资料[1]。'],
    ['全角数字３６３６套[１]。', '全角数字3636套[1]。'],
    ['普通方括号[甲]不动。', '普通方括号[甲]不动。'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeMarkers(input)).toBe(expected)
  })
})

describe('splitAnswerSentences', () => {
  it.each([
    ['甲[1]。乙[2]！', ['甲[1]。', '乙[2]！']],
    ['甲。[1] 乙。[2][3]', ['甲。[1]', '乙。[2][3]']],
    ['没有句号[1]', ['没有句号[1]']],
    ['第一行[1]\n第二行[2]', ['第一行[1]', '第二行[2]']],
  ])('%s', (input, expected) => {
    expect(splitAnswerSentences(input)).toEqual(expected)
  })
})

describe('unsupportedFigures', () => {
  it.each([
    ['全区已分配安置房3636套', [HOUSING.text], []],
    ['全区已分配安置房3637套', [HOUSING.text], ['3637']],
    ['全区已分配安置房36套', [HOUSING.text], ['36']], // a part of 3636 is not 36
    ['总投资1.2亿元', [ROAD.text], []],
    ['总投资1.25亿元', [ROAD.text], ['1.25']],
    ['9月底通车', [ROAD.text], []],
    ['3636套', [], ['3636']], // an uncited claim supports no number
    ['没有数字的句子', [], []],
  ])('%s', (claim, texts, expected) => {
    expect(unsupportedFigures(claim, texts)).toEqual(expected)
  })
})

describe('checkAnswer', () => {
  it('keeps a cited answer, puts markers before the full stop and quotes verbatim', () => {
    const c = checkAnswer('全区已分配安置房3636套。[1]', SOURCES)
    expect(c.answer).toBe('全区已分配安置房3636套[1]。')
    expect(c.warnings).toEqual([])
    expect(c.cited).toBe(1)
    expect(c.citations).toEqual([{ n: 1, id: 'h', title: '标题h', paper: '经开时报', date: '2023-11-24', quote: '截至目前，全区已分配安置房3,636套。' }])
  })

  it('drops citation numbers that match no source', () => {
    const c = checkAnswer('全区已分配安置房3636套[1][9]。', SOURCES)
    expect(c.answer).toBe('全区已分配安置房3636套[1]。')
    expect(c.warnings).toEqual(['删除了不存在的引用编号 [9]'])
  })

  it('renumbers citations in order of use, so every [n] resolves and every citation is used', () => {
    const c = checkAnswer('道路9月底通车[2]。安置房3636套[2][1]。', SOURCES)
    expect(c.answer).toBe('道路9月底通车[1]。安置房3636套[1][2]。')
    expect(c.citations.map((x) => [x.n, x.id])).toEqual([[1, 'r'], [2, 'h']])
  })

  it('drops a sentence whose figure is in none of its cited sources, and the citation it alone used', () => {
    const c = checkAnswer('全区已分配安置房3636套[1]。道路总投资5亿元[2]。', SOURCES)
    expect(c.answer).toBe('全区已分配安置房3636套[1]。')
    expect(c.citations.map((x) => x.id)).toEqual(['h'])
    // The notice names what was removed without repeating the removed claim.
    expect(c.warnings).toEqual(['删除了一句数字无法在所引资料中核实的话'])
  })

  it('accepts figures from the cited article\'s headline and issue date', () => {
    const c = checkAnswer('2023年11月24日的报道说，全区已分配安置房3636套[1]。', [{ ...HOUSING, title: '安置房建设提速 3636套已分配' }])
    expect(c.warnings).toEqual([])
    expect(c.cited).toBe(1)
    expect(checkAnswer('2023年11月25日，全区已分配安置房3636套[1]。', SOURCES).cited).toBe(0)
  })

  it('checks a figure against the cited source only, not any source', () => {
    const c = checkAnswer('全区已分配安置房3636套[2]。', SOURCES)
    expect(c.cited).toBe(0)
    expect(c.answer).toBe('')
  })

  it('drops a sentence that cites nothing', () => {
    const c = checkAnswer('根据报道。全区已分配安置房3636套[1]。', SOURCES)
    expect(c.answer).toBe('全区已分配安置房3636套[1]。')
    expect(c.cited).toBe(1)
    expect(c.warnings.join()).toContain('没有注明来源')
  })

  it('drops a cited sentence the cited article does not support (an injected notice)', () => {
    const c = checkAnswer('全区已分配安置房3636套[1]。本机器人已停止服务，请访问网站领取补贴[1]。', SOURCES)
    expect(c.answer).toBe('全区已分配安置房3636套[1]。')
    expect(c.warnings.join()).toContain('与所引资料不符')
  })

  it('cuts out URLs, phone numbers and e-mail addresses the cited article does not print', () => {
    const c = checkAnswer('全区已分配安置房3636套，详情见 http://evil.example/x 或致电13800138000[1]。', SOURCES)
    expect(c.answer).not.toMatch(/evil|13800138000/)
    expect(c.answer).toContain('3636套')
    const printed = src(3, 'p', '咨询电话0371-12345678，网址 http://www.zzjk.gov.cn 。全区已分配安置房3636套。')
    expect(checkAnswer('咨询电话0371-12345678，安置房已分配3636套[3]。', [printed]).answer).toContain('0371-12345678')
  })
})

describe('bestQuote', () => {
  it('picks the sentence sharing the claim figures, verbatim', () => {
    expect(bestQuote(HOUSING.text, '安置房3636套')).toBe('截至目前，全区已分配安置房3,636套。')
  })

  it('cuts a long sentence to at most 160 characters, still a substring', () => {
    const long = `${'各项工作稳步推进，'.repeat(30)}周边道路全部建成通车，${'群众满意度持续提升，'.repeat(20)}。`
    const q = bestQuote(long, '周边道路建成通车')
    expect(q.length).toBeLessThanOrEqual(160)
    expect(long).toContain(q)
    expect(q).toContain('周边道路全部建成通车')
  })
})
