import { describe, expect, it } from 'vitest'
import { askedSet } from '../../src/retrieve/index.js'

describe('a named set whose members are asked', () => {
  it('reads a slogan, in quotes or typed bare, into its counted parts and the word its members share', () => {
    expect(askedSet('示范区的“三个导向”是哪三个')).toEqual({ term: '三个导向', parts: [{ count: 3, marker: '导向' }], quoted: true, counts: [] })
    // 哪两件事 asks the slogan's members, not a counted kind of its own.
    expect(askedSet('全省“两个确保”是指确保哪两件事？')).toEqual({ term: '两个确保', parts: [{ count: 2, marker: '确保' }], quoted: true, counts: [] })
    expect(askedSet('党政办的“四抓”是抓哪四样？')?.parts).toEqual([{ count: 4, marker: '抓' }])
    expect(askedSet('党政办说的“四抓”到底要抓哪几样？')?.parts).toEqual([{ count: 4, marker: '抓' }])
    // Typed or spoken without quotes, the slogan is a count and the word said again before the asked count.
    expect(askedSet('党政办的四抓是抓哪四样？')).toMatchObject({ term: '四抓', parts: [{ count: 4, marker: '抓' }] })
    expect(askedSet('说整改时抓了四样东西 叫四抓 抓的是哪四样')?.term).toBe('四抓')
    expect(askedSet('抓了三天，抓哪三样')).toBeUndefined()
    expect(askedSet('党政办暴雨整改说是四抓，都抓的啥？')?.term).toBe('四抓')
    expect(askedSet('两会说了什么')).toBeUndefined()
    // 哪四个方面 asks the slogan's members as 哪四样 does.
    expect(askedSet('党政办讲的“四抓”，具体是抓哪四个方面？')).toMatchObject({ term: '四抓', quoted: true })
    expect(askedSet('“三学三省”学什么、省什么？')?.parts).toEqual([
      { count: 3, marker: '学' },
      { count: 3, marker: '省' },
    ])
    expect(askedSet('建设局说的“一改、两为、三做到”，具体是哪几条？')?.parts).toEqual([
      { count: 1, marker: '改' },
      { count: 2, marker: '为' },
      { count: 3, marker: '做到' },
    ])
  })

  it('takes the slogan word, or its last character, after the asking word', () => {
    expect(askedSet('“三个下沉”是哪三个下沉？')?.term).toBe('三个下沉')
    expect(askedSet('解决“三件心事”，是哪三件事啊')?.term).toBe('三件心事')
  })

  it('takes the meaning asked before the slogan, or after it is said again', () => {
    expect(askedSet('啥叫“四不两直”')?.term).toBe('四不两直')
    expect(askedSet('“十乱”整治，十乱指的是哪十乱')?.term).toBe('十乱')
    expect(askedSet('“三区一高地”是个啥提法，三区指哪三区')?.term).toBe('三区一高地')
    // A later clause that says the slogan's word again asks its members; one that asks what it brought does not.
    expect(askedSet('党政办“四抓”促问题整改，到底抓的是哪四样？')?.term).toBe('四抓')
    expect(askedSet('“四抓”搞得怎么样，抓出了哪些成效')).toBeUndefined()
  })

  it('reads past the kind of thing the slogan names, said right after it', () => {
    expect(askedSet('全市“四个高地”建设目标说的是哪四个高地啊')?.term).toBe('四个高地')
    expect(askedSet('“三学三省”教育活动是学哪三样、省哪三样')?.term).toBe('三学三省')
  })

  it('does not read a slogan as asked when the question asks what was done under it', () => {
    expect(askedSet('“三个导向”持续优化营商环境，具体做了啥')).toBeUndefined()
    expect(askedSet('“三个导向”是谁提出来的？')).toBeUndefined()
    // The name of the campaign is asked, not what its “三治” are.
    expect(askedSet('文明办搞的“三治”什么行动？')).toBeUndefined()
    expect(askedSet('整改用的那个“一改两为”啥的具体叫什么')).toBeUndefined()
  })

  it('does not read a figure in digits in quotes as a slogan', () => {
    expect(askedSet('“22类56个”说的是啥？')).toBeUndefined()
    expect(askedSet('报上说的“800余件”指的是啥的业务量？')).toBeUndefined()
  })

  it('ends a counted kind before the adverb that asks for its members', () => {
    expect(askedSet('二七区的五项督查机制分别是哪几项？')).toMatchObject({ term: '五项督查机制', parts: [{ count: 5, marker: '机制' }] })
    expect(askedSet('四条要求具体是哪四条')).toMatchObject({ term: '四条要求', parts: [{ count: 4, marker: '要求' }] })
  })

  it('does not read a slogan of one thing as a set', () => {
    expect(askedSet('“一网通办”是啥意思')).toBeUndefined()
  })

  it('reads one member asked by its place, of a counted kind the article may write either way', () => {
    expect(askedSet('五项督查机制的第二项是啥')).toEqual({ term: '五项督查机制', parts: [{ count: 5, marker: '机制' }], quoted: false, counts: ['五项', '5项'], ordinal: 2 })
    expect(askedSet('财政局那四项重点，最后一条说的是什么')).toMatchObject({ parts: [{ count: 4, marker: '重点' }], ordinal: -1 })
    expect(askedSet('建设局那篇分了三部分，头一部分讲的是什么')).toMatchObject({ parts: [{ count: 3, marker: '部分' }], ordinal: 1 })
    expect(askedSet('“五做”里最后一项做好啥？')).toMatchObject({ term: '五做', ordinal: -1 })
    // 排第二的 asks the second without a counter.
    expect(askedSet('党政办“四抓”排第二的是抓什么？')).toMatchObject({ term: '四抓', ordinal: 2 })
    expect(askedSet('那近150家企业里排第一的是哪家？')).toMatchObject({ parts: [{ count: 150, marker: '企业' }], ordinal: 1 })
  })

  it('reads the members of a counted kind asked right after it, not of a bare count', () => {
    expect(askedSet('体验式监督那11个方面，都包括哪些')).toEqual({ term: '11个方面', parts: [{ count: 11, marker: '方面' }], quoted: false, counts: ['11个'] })
    expect(askedSet('那两个是啥？')).toBeUndefined()
    // The rest of a slogan asked is the slogan's, not a set of two.
    expect(askedSet('“四抓”除了抓组织、抓信息，另外两个是啥？')?.parts).toEqual([{ count: 4, marker: '抓' }])
  })

  it('does not read an ordinal that asks no member as one', () => {
    expect(askedSet('五项督查机制是哪天制定的？')).toBeUndefined()
    expect(askedSet('第一时间赶到现场的是哪个部门？')).toBeUndefined()
    expect(askedSet('第二项是啥')).toBeUndefined()
  })
})
