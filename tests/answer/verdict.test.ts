import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/index.js'
import { verdictOn } from '../../src/answer/verdict.js'
import { useSampleIndex } from '../helpers/sample-db.js'

describe('verdictOn', () => {
  const quote = '截至目前，全区已分配安置房3636套[1]。今年以来，报审总金额1831.6万元，审减率为14.1%[1]。'

  it('says back the figure the quote prints in place of the reader’s', () => {
    expect(verdictOn('全区已分配安置房3663套，是吗？', quote)).toBe('报道写的是3636套，不是3663套。')
    expect(verdictOn('审减率是15.1%，对吧？', quote)).toBe('报道写的是14.1%，不是15.1%。')
  })

  it('says so when the quote prints the reader’s own figure', () => {
    expect(verdictOn('全区已分配安置房3636套，没错吧？', quote)).toBe('报道写的正是3636套。')
  })

  it('compares a day within its sentence and people counted in 人 or 名', () => {
    const meeting = '6月3日上午，郑州国际物流园区召开郑大二附院（新院区）周边基础设施项目建设现场会[1]。'
    expect(verdictOn('二附院周边基础设施现场会是6月5号开的吧？', meeting)).toBe('报道写的是6月3日，不是6月5日。')
    expect(verdictOn('纪工委选派了18个人到企业实地察看，对吗？', '选派16名科级以上纪检监察干部到企业实地察看[1]。')).toBe('报道写的是16名，不是18个人。')
  })

  it('says nothing of a figure the question asks, not checks, nor of one the quotes print beside other words', () => {
    expect(verdictOn('全区已分配安置房多少套？', quote)).toBe('')
    expect(verdictOn('安置房分了3663套，后来又新建了几栋？', quote)).toBe('')
    expect(verdictOn('森林防火培训来了50人，是吗？', quote)).toBe('')
  })

  it('says nothing where the quotes print two figures of the kind beside the same words', () => {
    expect(verdictOn('参会企业近120家，是吗？', '参会企业近150家，参会企业代表近180家[1]。')).toBe('')
  })
})

describe('a figure the reader asks to have confirmed', () => {
  const samples = useSampleIndex()
  const ask = (q: string) => answerQuestion(samples().index, q, { mode: 'extractive' })

  it('is said back, right or wrong, before the quote that prints it', async () => {
    const wrong = await ask('核实一下，经开区建设局稿件里说全区已分配安置房3663套，是吗？')
    expect(wrong.abstained).toBe(false)
    expect(wrong.answer.startsWith('报道写的是3636套，不是3663套。')).toBe(true)
    expect(wrong.answer).toContain('全区已分配安置房3636套[1]')
    const right = await ask('大学路街道初心杯知识竞赛参赛队伍一共13支，对吗？')
    expect(right.answer.startsWith('报道写的正是13支。')).toBe(true)
  })

  it('leaves an answer to a question that checks nothing as it was', async () => {
    const plain = await ask('全区已分配安置房多少套？')
    expect(plain.answer.startsWith('截至目前')).toBe(true)
  })
})

describe('verdictOn a name', () => {
  const quote = '示范区（高新区）党工委、管委会主任王家鹏出席会议并讲话[1]。'

  it('says back the name the quote prints after the same post, keeping the surname', () => {
    expect(verdictOn('营商环境会议上讲话的管委会主任是王嘉鹏，对吗？', quote)).toBe('报道写的是王家鹏，不是王嘉鹏。')
    expect(verdictOn('管委会主任是王家鹏吧？', quote)).toBe('报道写的正是王家鹏。')
  })

  it('says nothing of another surname, or of a post asked, not offered', () => {
    expect(verdictOn('管委会主任是李嘉鹏，对吗？', quote)).toBe('')
    expect(verdictOn('管委会主任是谁吧？', quote)).toBe('')
  })
})
