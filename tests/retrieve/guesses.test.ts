import { describe, expect, it } from 'vitest'
import { guessesAsked, versionsOffered } from '../../src/retrieve/guesses.js'

const word = (text: string, docs: number, kind: { person?: boolean; place?: boolean; name?: boolean } = {}) => ({
  text,
  docs,
  person: kind.person ?? false,
  place: kind.place ?? false,
  name: kind.name ?? false,
})

describe('guessesAsked', () => {
  it('asks the body, person or figure the reader offers as their version', () => {
    expect(guessesAsked('经开区那个对接会,是跟郑州大学对接的吧?', [word('郑州大学', 0), word('对接', 6)])).toBe('经开区那个对接会,是跟什么对接的吧?')
    expect(guessesAsked('座谈会上发言的主任,叫王刚对吧?', [word('王刚', 0)])).toBe('座谈会上发言的主任,叫谁对吧?')
    // A firm offered by its brand (宇通客车) is a name offered, with the word no article holds after it.
    expect(guessesAsked('学院的人会后去的是宇通客车吗?', [word('宇通', 0, { name: true }), word('客车', 0)])).toBe('学院的人会后去的是什么吗?')
    expect(guessesAsked('会后还去了一家,是宇通客车对吧?', [word('宇通', 0, { name: true }), word('客车', 0)])).toBe('会后还去了一家,是什么对吧?')
    // 有个 offers one of several; a surname jieba glues to 姓 (姓李) is the name offered.
    expect(guessesAsked('发言的单位里有个文化路街道,是吧?', [word('文化路', 0, { place: true }), word('街道', 9)])).toBe('发言的单位里有个什么街道,是吧?')
    expect(guessesAsked('建设局的局长是姓李吧?', [word('姓李', 0)])).toBe('建设局的局长是谁吧?')
    expect(guessesAsked('高龄津贴每月是100块钱吧?', [])).toBe('高龄津贴每月是多少块钱吧?')
    // A surname offered after 不是 is a name offered too.
    expect(guessesAsked('座谈会上发言的主任,不是姓张吗?', [word('姓张', 0)])).toBe('座谈会上发言的主任,不是谁吗?')
    expect(guessesAsked('竞赛那次,20个党员分成4组比的吧?', [])).toBe('竞赛那次,多少个党员分成多少组比的吧?')
    expect(guessesAsked('督导组去看地铁,是5号线的工地吧?', [])).toBe('督导组去看地铁,是几号线的工地吧?')
    expect(guessesAsked('督导组看的是几号线?是不是2号线?', [])).toBe('督导组看的是几号线??')
    expect(guessesAsked('巡察整改不是10月份才动起来的吗?', [])).toBe('巡察整改不是什么时候才动起来的吗?')
    // The word that offers the version goes where no article holds it, and stays where one does.
    expect(guessesAsked('培训不是区应急管理局自己搞的吗?', [word('不是', 0), word('区应急管理局', 0)])).toBe('培训什么自己搞的吗?')
    expect(guessesAsked('培训不是区应急管理局自己搞的吗?', [word('不是', 9), word('区应急管理局', 0)])).toBe('培训不是什么自己搞的吗?')
    // A clause that only asks for agreement (判断：…，对吗？) makes the clause before it the version checked.
    expect(guessesAsked('判断:督导组当天实地查看的是地铁5号线施工现场,对吗?', [])).toBe('判断:督导组当天实地查看的是地铁几号线施工现场,对吗?')
    expect(guessesAsked('判断:财富天阶小区附近共设置了3个便民疏导点,对吗?', [])).toBe('判断:财富天阶小区附近共设置了多少个便民疏导点,对吗?')
    // A wording quoted as the reader remembers it, which no article prints, is asked as the wording.
    expect(guessesAsked('施肥部分的俗语是“春肥是金”,对吗?', [word('施肥', 1), word('春肥', 0), word('金', 15)])).toBe('施肥部分的俗语是什么,对吗?')
    expect(guessesAsked('施肥部分的俗语是“秋肥是金”,对吗?', [word('施肥', 1), word('秋肥', 1), word('金', 15)])).toBe('施肥部分的俗语是“秋肥是金”,对吗?')
    // The reader's own answer after their question asks nothing more; a statement of counts put as a question checks them.
    expect(guessesAsked('武斌那次督导去看的地铁工地是几号线?5号线?', [])).toBe('武斌那次督导去看的地铁工地是几号线??')
    expect(guessesAsked('督导去看的是几号线来着,5号线吗?', [])).toBe('督导去看的是几号线来着,?')
    expect(guessesAsked('一共给商户换了多少个灭火器,一百多个?', [])).toBe('一共给商户换了多少个灭火器,?')
    // Not a question of its own after it (年底结束吗).
    expect(guessesAsked('集中行动要搞到啥时候,年底结束吗?', [])).toBe('集中行动要搞到啥时候,年底结束吗?')
    expect(guessesAsked('蜜蜂张那次竞赛15个人分成了3个组?', [])).toBe('蜜蜂张那次竞赛多少个人分成了多少个组?')
    // Not a statement before a question of its own (…发了1000多篇稿子?具体多少篇): that question asks it.
    expect(guessesAsked('宣传部疫情期间发了1000多篇稿子?具体多少篇', [])).toBe('宣传部疫情期间发了1000多篇稿子?具体多少篇')
    // A quoted name whose head an article prints (卫生日) asks only the words no article holds.
    expect(guessesAsked('示范区搞的是“周六卫生日”吗?', [word('示范区', 6, { name: true }), word('周六', 0), word('卫生日', 1, { name: true })])).toBe('示范区搞的是什么卫生日吗?')
    // Retold hearsay checks its figures although it asks nothing.
    expect(guessesAsked('知识竞赛,听说有20支队伍,每队5个人?', [])).toBe('知识竞赛,听说有多少支队伍,每队多少个人?')
    expect(guessesAsked('开会之前,我听说征集了1000条意见,真有这么多?', [])).toBe('开会之前,我听说征集了多少条意见,真有这么多?')
    // 是真的吗 only asks for agreement, as 对吗 does: the clause before it is the version checked.
    expect(guessesAsked('竞赛的决赛听说定在7月1日,是真的吗?', [])).toBe('竞赛的决赛听说定在什么时候,是真的吗?')
  })

  it('leaves what the question is about', () => {
    // The subject before 是不是 is asked about, not offered: a place no article names still refuses.
    expect(guessesAsked('樱桃沟的采摘节是不是6月办的?', [word('樱桃沟', 0, { place: true })])).toBe('樱桃沟的采摘节是不是什么时候办的?')
    // A plain yes/no question about a numbered thing offers no version of it, nor does a phase name one.
    expect(guessesAsked('地铁5号线今年能通车吗?', [])).toBe('地铁5号线今年能通车吗?')
    // A year says when the thing asked about was, not a count guessed (2019年 is no 多少年).
    expect(guessesAsked('前程办事处2019年也通报过扶贫领域案例吧?', [])).toBe('前程办事处2019年也通报过扶贫领域案例吧?')
    expect(guessesAsked('是不是说园区二期6月开工?', [])).toBe('是不是说园区二期什么时候开工?')
    // Nor does hearsay beside a question of its own, or a clause that asks in its own words.
    expect(guessesAsked('听说要建地铁5号线,什么时候开工?', [])).toBe('听说要建地铁5号线,什么时候开工?')
    // Hearsay said as a fact with 是 is the reader's version even beside a question, which stays as asked.
    expect(versionsOffered('周边的路，我们听说是年底才能通车，原稿写的是什么时候？')).toEqual(['年底才能通车'])
    expect(versionsOffered('我们稿子里写的是5号线')).toEqual(['5号线'])
    // So is what a summary of the story says, beside a clause asking what the article says.
    expect(versionsOffered('来的学校摘要写的是河南财经政法大学，原文是这所吗？')).toEqual(['河南财经政法大学'])
    expect(guessesAsked('督导组看的地铁工地,摘要写的是4号线,原文是几号线?', [])).toBe('督导组看的地铁工地,摘要写的是几号线,原文是几号线?')
    expect(versionsOffered('规上工业增加值增长多少，好像是三个导向那篇')).toEqual([])
    expect(guessesAsked('作典型发言的是哪五家单位 有税务局吗', [])).toBe('作典型发言的是哪五家单位 有税务局吗')
    // A word the articles hold is kept: the reader may be right (是不是前程办事处).
    expect(guessesAsked('最后一站不是前程办事处吗?', [word('前程办事处', 1)])).toBe('最后一站不是前程办事处吗?')
    // A holiday's break is a thing named (the article may say 五一假期), not a date guessed.
    expect(guessesAsked('干部是放弃了国庆假期去搞清洁家园的,对吧?', [])).toBe('干部是放弃了国庆假期去搞清洁家园的,对吧?')
    // 一家 is "a", not a count; a whole statement checked keeps its subject.
    expect(guessesAsked('是不是说新院区建好后是唯一一家三甲?', [word('新院区', 0, { place: true })])).toBe('是不是说新院区建好后是唯一一家三甲?')
  })

  it('drops a version the reader rules out beside a question of its own', () => {
    // The post ruled out is another person's in another story: it is neither searched nor looked for.
    expect(guessesAsked('武斌是啥职务?不是工会主席吧', [word('武斌', 1, { person: true }), word('工会主席', 1)])).toBe('武斌是啥职务?')
    expect(guessesAsked('督导组去看的地铁工地不是1号线,是几号线?', [])).toBe('督导组去看的地铁工地,是几号线?')
    expect(guessesAsked('办件量是多少?不是问安置房', [word('安置房', 1)])).toBe('办件量是多少?')
    // Alone, 不是…吧 is what is asked (whether it is free); 不是…吗 says the reader believes it.
    expect(guessesAsked('这次培训不是免费的吧?', [])).toBe('这次培训不是免费的吧?')
    expect(guessesAsked('最后一站是哪?不是前程办事处吗?', [word('前程办事处', 1)])).toBe('最后一站是哪?不是前程办事处吗?')
  })
})
