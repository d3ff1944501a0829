import { describe, expect, it } from 'vitest'
import { withCorrectionsRead } from '../../src/retrieve/corrections.js'

describe('withCorrectionsRead', () => {
  it('drops a clause that was only the wrong name', () => {
    expect(withCorrectionsRead('大学路街道,不对,蜜蜂张街道那个党建知识竞赛是在哪里办的?')).toBe('蜜蜂张街道那个党建知识竞赛是在哪里办的?')
    expect(withCorrectionsRead('河南财经政法大学......打错了,是河南财政金融学院,来经开区对接完之后去了哪几家企业?')).toBe('河南财政金融学院,来经开区对接完之后去了哪几家企业?')
  })

  it('puts the right name where the wrong one of its kind was', () => {
    expect(withCorrectionsRead('经南二路那个小区给执法局送锦旗,打错了,是经北二路,小区叫什么名字?')).toBe('经北二路那个小区给执法局送锦旗,小区叫什么名字?')
    expect(withCorrectionsRead('五里堡街道配的巡逻车——打错了,是福华街街道,巡逻车交给哪个中队用?')).toBe('福华街街道配的巡逻车,巡逻车交给哪个中队用?')
  })

  it('drops a version the reader checked and took back', () => {
    expect(withCorrectionsRead('武斌去看的是地铁5号线工地?我记错了,应该是几号线施工现场?')).toBe('武斌去看的,几号线施工现场?')
  })

  it('leaves a question that corrects nothing', () => {
    expect(withCorrectionsRead('这个说法对不对?')).toBe('这个说法对不对?')
    expect(withCorrectionsRead('督导组看的是3号线吧?不对吧')).toBe('督导组看的是3号线吧?不对吧')
    expect(withCorrectionsRead('感觉哪里不对劲,王庄村改造到哪一步了?')).toBe('感觉哪里不对劲,王庄村改造到哪一步了?')
  })
})
