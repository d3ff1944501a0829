import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { besideByline, bylineTopic } from '../../src/answer/byline.js'
import { getArticle } from '../../src/store/index.js'
import { useSampleIndex } from '../helpers/sample-db.js'

describe('bylineTopic', () => {
  it.each([
    ['王庄村改造那篇报道的记者是谁？', '王庄村改造'],
    ['安置房分配的稿子是谁写的？', '安置房分配'],
    ['谁写的森林防火那篇文章', '森林防火'],
    ['应急培训这条新闻的作者是哪位', '应急培训'],
    ['这篇报道是谁写的？', ''],
    ['建设局巡察整改那篇稿子，除了记者以外署名的通讯员是谁？', '建设局巡察整改'],
    // The reporter the reader names (除了记者谢鹏飞) points at the byline, which the story's text does not hold.
    ['建设局巡察整改那篇，除了记者谢鹏飞，通讯员是谁？', '建设局巡察整改'],
    ['记者节活动那篇报道是谁写的？', '记者节活动'],
    ['建设局巡察整改那篇稿子是哪个记者写的？', '建设局巡察整改'],
    ['通讯员又是谁', ''],
    ['巡察整改那篇稿子署名的记者和通讯员分别是谁？', '巡察整改'],
    ['送锦旗那篇报道，通讯员是哪两位？', '送锦旗'],
    // 那 typed for 哪, and 报 for 写.
    ['森林防火培训这篇是那位记者报的', '森林防火培训'],
    ['建设局抓巡察整改那篇稿子 记者和通讯员署名分别是谁', '建设局抓巡察整改'],
    ['培训那篇是哪个写的呀？', '培训'],
    // Who took or sent the pictures is in the byline too (通讯员 李磊 文/图).
    ['雨后绿化养护那篇稿子，图片是哪位通讯员提供的', '雨后绿化养护'],
    ['送锦旗那条新闻，文字和图片是哪几个通讯员弄的？', '送锦旗'],
    ['建设局巡察整改那篇报道是哪个记者和通讯员写的', '建设局巡察整改'],
    // Written Chinese with no 的 (由哪位记者采写？).
    ['建设局巡察整改的报道由哪位记者采写？', '建设局巡察整改'],
    // Asked in Cantonese and traditional characters (相 a photo, 影 to take one), read as Mandarin.
    ['雨後綠化養護嗰篇報導嘅相係邊位通訊員影嘅？', '雨后绿化养护'],
    // A name offered to be confirmed (通讯员是李磊吗) is checked against the byline.
    ['绿化养护稿子的通讯员是李磊吗？', '绿化养护'],
  ])('reads %s as asked of %j', (q, topic) => {
    expect(bylineTopic(q)).toBe(topic)
  })

  it.each(['通讯员是李磊，他还写过哪些稿子？', '两篇的记者是一个人吗？', '王庄村改造到哪一步了？', '记者节是哪一天？', '有多少名记者参加了发布会？', '谁主持了推进会？', '区里发了哪些署名文章？', '工作周报和工作周总结，哪个报的期数多？'])('leaves %s to the other answers', (q) => {
    expect(bylineTopic(q)).toBeNull()
  })
})

describe('besideByline', () => {
  it('keeps the other questions of a message that also asks who wrote the article', () => {
    expect(besideByline('森防办的防灭火培训一共讲了几项内容？这篇是哪个记者写的？')).toBe('森防办的防灭火培训一共讲了几项内容？')
    expect(besideByline('建设局巡察整改那篇稿子是哪个记者写的？通讯员又是谁')).toBeNull()
    expect(besideByline('培训一共讲了几项内容？')).toBeNull()
    expect(besideByline('建设局巡察整改那篇，署名记者和通讯员分别是谁？转载要标出处。')).toBeNull()
  })
})

describe('questions about who wrote an article', () => {
  const samples = useSampleIndex()

  it('answers with the byline of the article the question is about, citing it', async () => {
    const a = await answerQuestion(samples().index, '安置房分配的稿子是谁写的？', { mode: 'extractive' })
    expect(a.abstained).toBe(false)
    const cited = getArticle(samples().db, a.citations[0]!.id)!
    expect(cited.text).toContain('3636套')
    expect(cited.byline).toBeTruthy()
    expect(a.answer).toContain(`《${cited.title}》的署名是“${cited.byline}”[1]。`)
    expect([...a.answer].length).toBeLessThanOrEqual(300)
    for (const c of a.citations) expect(getArticle(samples().db, c.id)!.text).toContain(c.quote)
  })

  it('reads a question put as an exam puts it (根据报道，…) as the question itself', async () => {
    const a = await answerQuestion(samples().index, '根据报道，撰写经开区建设局巡察整改一文的记者是谁？', { mode: 'extractive' })
    expect(a.answer).toContain('谢鹏飞')
    expect(getArticle(samples().db, a.citations[0]!.id)!.title).toContain('巡察整改')
  })

  it('gives the reporter a dateline credits (本报讯（记者付凯明）) as the byline of a story with no byline line', async () => {
    const a = await answerQuestion(samples().index, '示范区基层干部大比武那条消息是哪位记者采写的？', { mode: 'extractive' })
    expect(a.answer).toContain('付凯明')
    expect(a.answer).not.toContain('没有署名')
    expect(getArticle(samples().db, a.citations[0]!.id)!.title).toContain('大比武')
  })

  it('answers the other question of the message and adds the byline of the article it cites', async () => {
    const a = await answerQuestion(samples().index, '森防办的防灭火培训一共讲了几项内容？这篇是哪个记者写的？', { mode: 'extractive' })
    expect(a.answer).toContain('五项')
    const cited = getArticle(samples().db, a.citations[0]!.id)!
    expect(cited.byline).toBeTruthy()
    // The question asked first is answered first; the byline closes the answer.
    expect(a.answer.startsWith('《')).toBe(false)
    expect(a.answer.endsWith(`的署名是“${cited.byline}”[${a.citations[0]!.n}]。`)).toBe(true)
    expect([...a.answer].length).toBeLessThanOrEqual(300)
    for (const c of a.citations) expect(a.answer).toContain(`[${c.n}]`)
  })

  it('asks a follow-up of the article just discussed, and refuses what no article covers', async () => {
    const history = [{ question: '王庄村改造到哪一步了？', searched: '王庄村改造到哪一步了？', answer: '王庄村综合改造提升推进会[1]。' }]
    const a = await answerQuestion(samples().index, '这篇报道是谁写的？', { mode: 'extractive', history })
    const cited = getArticle(samples().db, a.citations[0]!.id)!
    expect(cited.text).toContain('王庄村')
    expect(a.answer).toContain(`“${cited.byline}”`)
    const none = await answerQuestion(samples().index, '火星基地那篇报道是谁写的？', { mode: 'extractive' })
    expect(none.abstained).toBe(true)
    expect(none.answer).not.toContain('署名')
  })
})

describe('a story found by its reporter, on the sample pages', () => {
  const samples = useSampleIndex()

  it.each([
    ['柴琳琳报道的统计局签责任书是哪天', '5月28日'],
    ['鲁记者报道的那个防火培训是哪个单位搞的？', '森防办'],
    ['王天朗那篇督查的稿子里，区社保局上半年新增就业多少人', '11598人'],
  ])('reads the reporter named in %s as the byline, not as a person the text must name', async (question, fact) => {
    const { db, index } = samples()
    const a = await answerQuestion(index, question, { mode: 'extractive' })
    expect(a.abstained).toBe(false)
    expect(a.answer).toContain(fact)
    for (const c of a.citations) expect(getArticle(db, c.id)!.text).toContain(c.quote)
  })
})
