import { describe, expect, it } from 'vitest'
import { confidenceFeatures, CONFIDENCE_FEATURES } from '../../src/answer/confidence.js'
import type { WeightedWord } from '../../src/retrieve/index.js'

const word = (text: string, docs: number, name = false): WeightedWord => ({ text, synonyms: [], name, person: false, place: false, docs, weight: docs > 0 ? 2 : 9 })
const article = { id: 'a', title: '中关村创新创业调研', paper: '经开时报', date: null, score: 1, text: '调研组学习了北京中关村、武汉光谷的创新创业经验。' }
const best = { candidate: 0, span: { start: 0, end: article.text.length }, p: 0.6, coverage: 1, hasFact: false, features: [1, 1] }
const feature = (name: (typeof CONFIDENCE_FEATURES)[number], x: number[]) => x[CONFIDENCE_FEATURES.indexOf(name)]

describe('confidenceFeatures', () => {
  it('counts words no article holds per word, and flags the thing asked about when no article holds it', () => {
    const x = confidenceFeatures({ text: '北京中关村的房价是多少', words: [word('北京', 1, true), word('中关村', 1, true), word('房价', 0)], typed: true }, [article], [best])
    expect(feature('absentWords', x)).toBeCloseTo(1 / 3)
    expect(feature('focusAbsent', x)).toBe(1)
    expect(feature('absentNames', x)).toBe(0)
  })

  it('does not flag a missing word that is not what the question asks about', () => {
    const x = confidenceFeatures({ text: '中关村门口的创新创业经验', words: [word('中关村', 1, true), word('门口', 0), word('创新创业', 1)], typed: false }, [article], [best])
    expect(feature('focusAbsent', x)).toBe(0)
    expect(feature('articleCoverage', x)).toBe(1)
  })

  it('sees a missing word said another way near the answer', () => {
    const near = confidenceFeatures({ text: '光谷有什么经验', words: [word('光谷经验', 0)], typed: false }, [article], [best])
    const far = confidenceFeatures({ text: '房价是多少', words: [word('房价', 0)], typed: false }, [article], [best])
    expect(feature('absentCharsNear', near)).toBe(1)
    expect(feature('absentCharsNear', far)).toBe(0)
  })

  it('does not count as missing a count whose number the top articles give another way', () => {
    const contest = { ...article, text: '参赛党员由15人组成5个小组，2015年起每年举办。' }
    // Search reads a number with its counter as one name-like word (5号线 is not 3号线), so it is checked as a name too.
    const said = confidenceFeatures({ text: '15个党员分成了几组', words: [word('15个', 0, true), word('党员', 1)], typed: true }, [contest], [best])
    expect(feature('absentWords', said)).toBe(0)
    expect(feature('absentNames', said)).toBe(0)
    const other = confidenceFeatures({ text: '15亿元投向哪里', words: [word('15亿', 0, true), word('党员', 1)], typed: true }, [{ ...contest, text: '2015年共发行9.97亿元。' }], [best])
    expect(feature('absentWords', other)).toBe(0.5)
    expect(feature('absentNames', other)).toBe(1)
    expect(feature('focusAbsent', other)).toBe(1)
  })

  it('does not count an English word of the reader\'s as missing, nor take it for the thing asked about', () => {
    const x = confidenceFeatures({ text: '中关村的创新创业经验 列个list呗', words: [word('中关村', 1, true), word('创新创业', 1), word('list', 0)], typed: false }, [article], [best])
    expect(feature('absentWords', x)).toBe(0)
    expect(feature('focusAbsent', x)).toBe(0)
  })

  it('flags names the top articles never mention', () => {
    const x = confidenceFeatures({ text: '上海浦东的经验', words: [word('上海浦东', 1, true), word('经验', 1)], typed: false }, [article], [best])
    expect(feature('absentNames', x)).toBe(1)
  })

  it('does not flag a name the reader says of their own plans after the question, nor take a remark after it for the thing asked', () => {
    const words = [word('中关村', 1, true), word('创新创业', 1), word('内训', 0, true)]
    const after = confidenceFeatures({ text: '中关村的创新创业经验有哪些？我们打算搞一轮内训。', words, typed: false }, [article], [best])
    expect(feature('absentNames', after)).toBe(0)
    expect(feature('focusAbsent', after)).toBe(0)
    const asked = confidenceFeatures({ text: '我们打算搞一轮内训，中关村的创新创业经验和内训有哪些？', words, typed: false }, [article], [best])
    expect(feature('absentNames', asked)).toBe(0.5)
    const remark = confidenceFeatures({ text: '中关村的创新创业经验有哪些？想要原文口径。', words: [...words.slice(0, 2), word('口径', 0)], typed: false }, [article], [best])
    expect(feature('focusAbsent', remark)).toBe(0)
  })
})
