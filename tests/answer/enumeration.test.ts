import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { membersAsked, spelledOut, type StoryUnit } from '../../src/answer/enumeration.js'
import { askedSet, type AskedSet } from '../../src/retrieve/index.js'
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
    expect(askedSet('制定了哪五项督查工作机制？')?.parts).toEqual([{ count: 5, marker: '机制' }])
    expect(askedSet('这三个“着眼”分别是什么？')?.parts).toEqual([{ count: 3, marker: '着眼' }])
    expect(askedSet('督查机制是哪天制定的？')).toBeUndefined()
    expect(askedSet('“四抓”除了抓组织、抓信息，另外两个是啥？')?.parts).toEqual([{ count: 4, marker: '抓' }])
    expect(askedSet('另外还搞了什么活动？')).toBeUndefined()
  })

  it('takes the sub-headings ending in the counted word, as many as counted', () => {
    expect(spelledOut(set('制定了哪四项督查工作机制？'), story(MECHANISMS))?.units).toEqual([1, 3, 5, 6])
    // A count the article does not lay out is not met by another group.
    expect(spelledOut(set('制定了哪五项督查工作机制？'), story(MECHANISMS))).toBeUndefined()
  })

  it('takes the units opening with the counted word, past an ordinal', () => {
    expect(spelledOut(set('“四抓”具体是哪几项？'), story(STEPS))?.units).toEqual([1, 2, 3, 4])
    const numbered = STEPS.map((s, i) => (i === 0 ? s : `${'一二三四'[i - 1]}是${s}`))
    expect(spelledOut(set('“四抓”具体是哪几项？'), story(numbered))?.units).toEqual([1, 2, 3, 4])
    expect(spelledOut(set('“五抓”具体是哪几项？'), story(STEPS))).toBeUndefined()
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

/** Units of one article, the first of each paragraph marked. */
function story(...paragraphs: string[][]): StoryUnit[] {
  return paragraphs.flatMap((p) => p.map((text, i) => ({ text, opensParagraph: i === 0 })))
}

function set(question: string): AskedSet {
  const found = askedSet(question)
  if (!found) throw new Error(`no set asked in ${question}`)
  return found
}

describe('members of a named set an article spells out', () => {
  const samples = useSampleIndex()
  const REQUIREMENTS = story(
    ['坚持结果导向，确保各项举措落到实处。', '示范区要求，一是领导要靠前抓落实。', '各级各单位要把优化营商环境纳入重要议事日程。', '二是作风要持续转变。', '三是机制要顺畅高效。', '四是考评要切实可行。'],
  )

  it('finds the one sentence that lists as many words sharing the marker as the slogan counts', () => {
    const units = story(['营商环境是一个地区综合竞争力的集中体现。', '示范区坚持问题导向、目标导向、结果导向，以改革创新不断优化营商环境。'])
    expect(spelledOut(set('“三个导向”是哪三个？'), units)).toEqual({ units: [1], oneUnit: true })
    expect(spelledOut(set('“四个导向”是哪四个？'), units)).toBeUndefined()
  })

  it('finds the sentence that names the set and lists as many right after it, remarks in brackets aside', () => {
    const units = story(['开展三项活动，即自查整改活动（5月至6月）、百分考核活动（7月至8月）、精品选树活动（9月）；', '抓牢两个重点，即乡镇（街道）及周边、农贸市场及周边；'])
    expect(spelledOut(set('“三项活动”分别是哪三项？'), units)).toEqual({ units: [0], oneUnit: true })
    expect(spelledOut(set('“两个重点”是哪两个？'), units)).toEqual({ units: [1], oneUnit: true })
    expect(spelledOut(set('“四项活动”是哪四项？'), units)).toBeUndefined()
  })

  it('finds members listed right before the count, or a few then 等, and one fewer in the clause after', () => {
    const units = story([
      '日前，森防办围绕灭火基础理论、灭火机具操作使用、灭火战术运用、火场紧急避险、现场急救等五项内容进行培训。',
      '对服务意识、工作纪律、是否存在“吃拿卡要”廉洁问题等11个方面进行深度体验。',
      '集中开展“四害”孳生地治理，全面开展灭鼠、灭蟑、灭蚊蝇活动；',
      '坚持把科技综合体建设作为培育“三新”经济、吸引创新人才的主抓手，加快科技园、产业园、创业中心、创基智谷、总部新城五个综合体建设。',
    ])
    expect(spelledOut(set('“五项内容”都有啥？'), units)?.units).toEqual([0])
    expect(spelledOut(set('那11个方面都包括哪些'), units)?.units).toEqual([1])
    expect(spelledOut(set('这“四害”指哪些？'), units)?.units).toEqual([2])
    // A list in the clause that names the set, one much longer than it counts, or one after a clause that goes on
    // to other things, is something else.
    expect(spelledOut(set('“三新”是哪三新'), units)).toBeUndefined()
    const further = story(['围绕服务保障“三项工程一项管理”“三个清单”推进区域化党建等方面总结了成效亮点，以供大家相互学习、相互借鉴。'])
    expect(spelledOut(set('那三项工程是哪三项'), further)).toBeUndefined()
  })

  it('does not take a sentence that only names the slogan as spelling it out', () => {
    const units = story(['针对安置房建设，采取“一改、两为、三做到”，开展征收安置问题项目整改。'])
    expect(spelledOut(set('“一改、两为、三做到”具体是哪几条？'), units)).toBeUndefined()
  })

  it('takes the member asked by its place from a run of 一是, 二是', () => {
    const asked = set('坚持结果导向那四条要求，第三条是什么')
    const found = spelledOut(asked, REQUIREMENTS)!
    expect(found.units).toEqual([1, 3, 4, 5])
    expect(membersAsked(asked, found)).toEqual([4])
    expect(membersAsked(set('那四条要求最后一条是啥'), found)).toEqual([5])
    // A run shorter than the count does not spell the set out.
    expect(spelledOut(set('那五条要求第三条是什么'), REQUIREMENTS)).toBeUndefined()
  })

  it('takes the short leads of as many paragraphs as counted', () => {
    const units = story(
      ['9月份以来，经开区建设局以巡察整改为契机，将巡察整改融入日常工作，扎实推进整改落实。'],
      ['提高政治站位，全盘认领问题。', '区党工委开展巡察工作。'],
      ['聚焦问题短板，全力破解难题。', '在整改过程中，列出问题整改清单。'],
      ['坚持党建引领，深化整改成果。', '巡察发现问题是手段。'],
    )
    const asked = set('那篇分了三部分，头一部分讲的是什么')
    expect(membersAsked(asked, spelledOut(asked, units)!)).toEqual([1])
    expect(spelledOut(set('那篇分了四部分，头一部分讲的是什么'), units)).toBeUndefined()
  })

  it('answers a slogan spelt out in one sentence of the samples with that sentence', async () => {
    const { db, index } = samples()
    const a = await answerQuestion(index, '示范区的“三个导向”是哪三个', { mode: 'extractive' })
    expect(a.abstained).toBe(false)
    for (const m of ['问题导向', '目标导向', '结果导向']) expect(a.answer).toContain(m)
    for (const c of a.citations) expect(getArticle(db, c.id)!.text).toContain(c.quote)
  })

  it('answers the member asked by its place with that member first', async () => {
    const { index } = samples()
    const second = await answerQuestion(index, '五项督查机制的第二项是啥', { mode: 'extractive' })
    expect(second.answer.startsWith('健全完善督办推进机制')).toBe(true)
    const last = await answerQuestion(index, '财政局那四项重点，最后一条说的是什么', { mode: 'extractive' })
    expect(last.answer.startsWith('坚持履职担当，着力提升采购监管规范水平')).toBe(true)
  })

  it('refuses a slogan the samples name and never spell out, saying so', async () => {
    const { index } = samples()
    const a = await answerQuestion(index, '武斌调研里提到的“三送一强”，送的是哪三样', { mode: 'extractive' })
    expect(a.abstained).toBe(true)
    expect(a.answer).toContain('报道提到了“三送一强”，但没有列出具体是哪些')
    const never = await answerQuestion(index, '啥叫“四不两直”', { mode: 'extractive' })
    expect(never.abstained).toBe(true)
  })
})
