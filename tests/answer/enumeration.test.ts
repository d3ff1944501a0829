import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { asksMembers, enumeratedMembers } from '../../src/answer/enumeration.js'
import { getArticle } from '../../src/store/index.js'
import { useSampleIndex } from '../helpers/sample-db.js'

const MECHANISMS = [
  '二七区制定了五项督查工作机制。',
  '健全完善任务分解及交办机制',
  '承办单位在2个小时内完成细化。',
  '健全完善督办推进机制',
  '建立班子成员分包督导制度。',
  '健全完善问题化解机制',
  '强化工作保障机制',
]
const STEPS = ['围绕建设目标，扎实推进各项工作。', '抓组织，促工作协调；', '抓信息，促工作创新；', '抓重点，促效率提升；', '抓统筹，促整改实效。']

describe('members of a set an article lays out a paragraph each', () => {
  const samples = useSampleIndex()

  it('reads which questions ask for the members of a set', () => {
    expect(asksMembers('制定了哪五项督查工作机制？')).toBe(true)
    expect(asksMembers('这三个“着眼”分别是什么？')).toBe(true)
    expect(asksMembers('督查机制是哪天制定的？')).toBe(false)
    expect(asksMembers('“四抓”除了抓组织、抓信息，另外两个是啥？')).toBe(true)
    expect(asksMembers('另外还搞了什么活动？')).toBe(false)
  })

  it('takes the sub-headings ending in the counted word, as many as counted', () => {
    expect(enumeratedMembers('制定了哪四项督查工作机制？', MECHANISMS)).toEqual([1, 3, 5, 6])
    // A count the article does not lay out is not met by another group.
    expect(enumeratedMembers('制定了哪五项督查工作机制？', MECHANISMS)).toEqual([])
  })

  it('takes the units opening with the counted word, past an ordinal', () => {
    expect(enumeratedMembers('“四抓”具体是哪几项？', STEPS)).toEqual([1, 2, 3, 4])
    expect(enumeratedMembers('“四抓”具体是哪几项？', STEPS.map((s, i) => (i === 0 ? s : `${'一二三四'[i - 1]}是${s}`)))).toEqual([1, 2, 3, 4])
    expect(enumeratedMembers('那40家典型企业具体是哪几家？', STEPS)).toEqual([])
  })

  it('answers with the sub-headings of the sample article, each quoted verbatim', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '二七区为确保“五大行动年”目标任务落地见效，制定了哪五项督查工作机制？', { mode: 'extractive' })
    for (const m of ['任务分解及交办机制', '督办推进机制', '问题化解机制', '督查统筹管理机制', '强化工作保障机制']) expect(a.answer).toContain(m)
    for (const c of a.citations) expect(getArticle(db, c.id)!.text).toContain(c.quote)
  })

  it('answers the rest of a set the reader knows part of with the units that lay it out', async () => {
    const { index } = samples()
    const a = await answerQuestion(index, '党政办说的“四抓”，除了抓组织、抓信息，另外两个是啥？', { mode: 'extractive' })
    for (const m of ['抓重点', '抓统筹']) expect(a.answer).toContain(m)
  })
})
