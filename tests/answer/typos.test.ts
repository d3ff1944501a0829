import { describe, expect, it } from 'vitest'
import { withTyposRead } from '../../src/answer/typos.js'
import { analyzeQuery, type AnalyzedQuery } from '../../src/retrieve/index.js'

/** The question read as search reads it, with `absent` in no article of the store. */
function read(question: string, absent: string[]): AnalyzedQuery {
  const plan = analyzeQuery(question, null)
  return { ...plan, total: 100, words: plan.words.map((w) => ({ ...w, docs: absent.includes(w.text) ? 0 : 3, weight: 3 })) }
}
const article = (text: string) => ({ id: 'a', title: '标题', paper: '经开时报', date: null, score: 1, text })

describe('withTyposRead', () => {
  it('reads a misspelt name as the articles found spell it', () => {
    const q = read('蜜峰张街道知识竞赛有几支队伍', ['蜜峰'])
    expect(q.words.map((w) => w.text)).toContain('蜜峰')
    const fixed = withTyposRead(q, [article('6月19日，蜜蜂张街道马砦社区党支部组织开展党建知识竞赛。')])
    expect(fixed.words.find((w) => w.text === '蜜蜂')).toMatchObject({ docs: 1 })
    expect(fixed.words.map((w) => w.text)).not.toContain('蜜峰')
  })

  it('leaves a word alone when the difference is at the edge of what matches, or in a person or a number', () => {
    const weather = read('明天天气怎么样', ['天气'])
    expect(withTyposRead(weather, [article('群众天天过得安，街道配发巡逻车。')]).words).toEqual(weather.words)
    const person = read('管委会副主任李建国讲了什么', ['李建国'])
    expect(withTyposRead(person, [article('管委会副主任李建军出席。')]).words).toEqual(person.words)
  })
})
