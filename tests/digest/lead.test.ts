import { describe, expect, it } from 'vitest'
import { clipSentence, displayTitle, leadSentence, normalizeText, normalizeTitle, SUMMARY_MAX_CHARS } from '../../src/digest/index.js'

const article = (text: string, title = '', dateline: string | null = null) => ({ title, text, dateline })

describe('leadSentence', () => {
  it.each([
    ['本报讯 日前，经开区森防办开展培训。记者 鲁慧', '日前，经开区森防办开展培训。'],
    ['本 报 讯 为 落 实 国\n家政策，搭建对接通道。后文。', '为落实国家政策，搭建对接通道。'],
    ['本报讯（记者 王赛华 通讯员 李洪永）近日，经开区召开会议。', '近日，经开区召开会议。'],
    ['本报郑州6月1日讯 6月1日上午，督导组开展调研。', '6月1日上午，督导组开展调研。'],
    ['新华社北京6月1日电（记者 张三）国务院发布通知。', '国务院发布通知。'],
    ['据了解，经开区已分配安置房3636套。', '经开区已分配安置房3636套。'],
  ])('cleans the dateline off %j', (text, lead) => {
    expect(leadSentence(article(text))).toBe(lead)
  })

  it('skips an opening quotation for the sentence that reports what happened', () => {
    const text = '本报讯“感谢你们为\n我们解决了一大难题。”近日，小区群众代表将一面锦旗送至执法局。'
    expect(leadSentence(article(text))).toBe('近日，小区群众代表将一面锦旗送至执法局。')
  })

  it('drops a headline that the body repeats and a stored dateline', () => {
    const a = article('科技赋能 助力发展\n本报讯 近日，经开区举办对接会。', '科技赋能 助力发展', '本报讯')
    expect(leadSentence(a)).toBe('近日，经开区举办对接会。')
  })

  it('cuts a long lead at a comma and marks the cut', () => {
    const long = `${'经开区开展专项整治行动，'.repeat(12)}成效明显。`
    const lead = leadSentence(article(long))
    expect(Array.from(lead).length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS)
    expect(lead).toMatch(/行动…$/)
  })

  it('keeps text that has no sentence end', () => {
    expect(leadSentence(article('经开区党政办公室'))).toBe('经开区党政办公室')
  })
})

describe('displayTitle and helpers', () => {
  it('uses the headline, else a headline-like first line, else the start of the lead', () => {
    expect(displayTitle(article('正文。', '  金融机构进园区 惠企助企零距离 '))).toBe('金融机构进园区 惠企助企零距离')
    expect(displayTitle(article('实事办到群众心坎上\n本报讯 近日，居民送来锦旗。'))).toBe('实事办到群众心坎上')
    expect(displayTitle(article('本报讯 近日，经开区经北二路财富天阶小区群众代表将一面锦旗送至执法局。'))).toBe('近日，经开区经北二路财富天阶小区群众代表将一面…')
  })

  it('closes OCR gaps between CJK characters but keeps spaces between words of other scripts', () => {
    expect(normalizeText('协 调 工 作 机 制 ，解 决\n小微 企业 GDP growth')).toBe('协调工作机制，解决小微企业 GDP growth')
    expect(clipSentence('短句。')).toBe('短句。')
  })
})

describe('normalizeTitle', () => {
  it.each([
    ['科技赋能\n助力企业创新发展', '科技赋能 助力企业创新发展'],
    ['金 融 机 构 进 园 区', '金融机构进园区'],
    ['实事办到群众心坎上 赠送锦旗以致谢', '实事办到群众心坎上 赠送锦旗以致谢'],
  ])('reads %j as %j', (raw, title) => {
    expect(normalizeTitle(raw)).toBe(title)
  })
})
