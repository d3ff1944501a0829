import { describe, expect, it } from 'vitest'
import { groupSimilarQuestions } from '../../src/retrieve/index.js'

describe('groupSimilarQuestions', () => {
  it('groups questions that ask the same thing in other words, largest group first', () => {
    const groups = groupSimilarQuestions([
      '今天天气怎么样', '王庄村什么时候拆迁？', '地铁5号线何时开通？', '王庄村拆迁进度如何', '地铁五号线什么时候开通', '王庄村什么时候拆迁',
    ])
    expect(groups.map((g) => g.questions)).toEqual([
      ['王庄村什么时候拆迁？', '王庄村拆迁进度如何', '王庄村什么时候拆迁'],
      ['地铁5号线何时开通？', '地铁五号线什么时候开通'],
      ['今天天气怎么样'],
    ])
  })

  it('keeps unrelated questions apart', () => {
    expect(groupSimilarQuestions(['安置房分配了多少套', '小微企业融资难怎么办']).length).toBe(2)
  })
})
