import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../../src/errors.js'
import { parseEpaperArticle, parsePageList } from '../../../src/ingest/index.js'
import { EPAPER_FIXTURES } from '../../helpers/epaper-server.js'

const CLASSIC = 'classic/html/2020-06/03/'
const LAYOUT = 'content/202005/01/'
const SITE = 'http://epaper.jksb.example.cn/html/2020-06/03/'

// Every field of every fixture article, as a reader of the page would write it down.
const EXPECTED = {
  [`${CLASSIC}content_101.htm`]: {
    title: '经开区领导带队开展综合调研', subtitle: '用细致服务助力企业发展', section: '要闻', page: '1',
    paper: '经开时报', issueDate: '2020-06-03', eventDate: '2020-06-01', dateline: '本报讯',
    byline: '记者 王赛华 通讯员 陈漫艺', reporters: ['王赛华'], correspondents: ['陈漫艺'], url: `${SITE}content_101.htm`,
    start: '6月1日上午,经开区党工委委员', end: '用细致的服务助力企业增强信心,实现逆势发展。', paragraphs: 3,
  },
  [`${CLASSIC}content_102.htm`]: {
    title: '郑大二附院周边道路 9月底建成通车', introTitle: '物流园区召开现场会', section: '要闻', page: '1',
    paper: '经开时报', issueDate: '2020-06-03', eventDate: '2020-06-03', dateline: '本报讯',
    reporters: [], correspondents: [], url: `${SITE}content_102.htm`,
    start: '6月3日上午,郑州国际物流园区', end: '确保9月底前郑大二附院周边道路全部建成通车。', paragraphs: 2,
  },
  [`${CLASSIC}content_103.htm`]: {
    title: '积极申报专项债券 助力经开快速发展', section: '要闻', page: '1', paper: '经开时报', issueDate: '2020-06-03',
    dateline: '本报讯', byline: '记者 王赛华', reporters: ['王赛华'], correspondents: [],
    start: '为支持全省经济和社会发展', end: '推动全区经济社会平稳健康发展。', paragraphs: 3,
  },
  [`${CLASSIC}content_104.htm`]: {
    title: '打造农业农村发展新优势', subtitle: '经开区建设智慧乡村', section: '综合', page: '2', paper: '经开时报',
    issueDate: '2020-06-03', eventDate: '2020-05-28', dateline: '本报讯', byline: '记者 王赛华 柴琳琳 通讯员 卢亚兰',
    reporters: ['王赛华', '柴琳琳'], correspondents: ['卢亚兰'],
    start: '5月28日下午,经开区党工委委员', end: '下好“先手棋”。', paragraphs: 3,
  },
  [`${CLASSIC}content_105.htm`]: {
    title: '前程办事处:深化以案促改 护航脱贫攻坚', introTitle: '党建连连看', section: '综合', page: '2', paper: '经开时报',
    issueDate: '2020-06-03', eventDate: '2020-06-01', dateline: '本报讯', byline: '记者 柴琳琳 通讯员 赵宁华',
    reporters: ['柴琳琳'], correspondents: ['赵宁华'],
    start: '6月1日上午,前程办事处召开', end: '确保行动取得扎实成效。', paragraphs: 2,
  },
  [`layout/${LAYOUT}content_201.html`]: {
    title: '示范区召开优化营商环境常态长效会议', subtitle: '打造一流营商环境',
    introTitle: '推进“转变作风抓落实、优化环境促发展”活动', section: '要闻', page: '1', issueDate: '2020-05-01',
    eventDate: '2020-04-29', dateline: '本报讯（记者付凯明）', byline: '本报记者 付凯明 通讯员 王磊', reporters: ['付凯明'], correspondents: ['王磊'],
    start: '4月29日下午,示范区召开', end: '国际化的一流营商环境。', paragraphs: 2,
  },
  [`layout/${LAYOUT}content_202.html`]: {
    title: '全民参与共建美好家园', subtitle: '示范区持续改善环境卫生面貌', section: '要闻', page: '1', issueDate: '2020-05-01',
    byline: '本报记者 郭树勋', reporters: ['郭树勋'], correspondents: [],
    start: '“脚板+手指 你我齐努力”', end: '助力“四城联创”的新高潮。', paragraphs: 2,
  },
}

describe('parseEpaperArticle', () => {
  it.each(Object.entries(EXPECTED))('reads every field of %s', (file, want) => {
    const a = parseEpaperArticle(readFileSync(EPAPER_FIXTURES + file), EPAPER_FIXTURES + file)
    const { start, end, paragraphs, ...fields } = want
    const unset = ['subtitle', 'introTitle', 'byline', 'dateline', 'url', 'eventDate', 'paper'].filter((k) => !(k in fields))
    expect(a).toMatchObject({ ...fields, dateInferred: false })
    for (const k of unset) expect(a, k).not.toHaveProperty(k)
    expect(a.text.startsWith(start)).toBe(true)
    expect(a.text.endsWith(end)).toBe(true)
    expect(a.text.split('\n')).toHaveLength(paragraphs)
    // Nothing of the headline, credits or captions leaks into the body.
    expect(a.text).not.toMatch(/本报讯|记者|通讯员|现场会照片/)
  })

  it('takes the paper from the page list when the newer template titles articles by headline only', () => {
    const file = `${EPAPER_FIXTURES}layout/${LAYOUT}content_201.html`
    expect(parseEpaperArticle(readFileSync(file), file, { paper: '示范区时报' }).paper).toBe('示范区时报')
  })

  it('lets the ingest flags override what the page says', () => {
    const file = `${EPAPER_FIXTURES}${CLASSIC}content_101.htm`
    const a = parseEpaperArticle(readFileSync(file), file, { meta: { paper: '郑州经开时报', issueDate: '2020-06-04', page: 'A1' } })
    expect(a).toMatchObject({ paper: '郑州经开时报', issueDate: '2020-06-04', page: 'A1' })
  })

  it('reads a GBK page by its meta tag, by the HTTP header, and when it declares no charset at all', () => {
    const file = `${EPAPER_FIXTURES}${CLASSIC}content_105.htm`
    const bytes = readFileSync(file)
    const undeclared = Buffer.from(bytes.toString('latin1').replace(/; charset=gb2312/, ''), 'latin1')
    expect(undeclared.toString('latin1')).not.toMatch(/charset/)
    for (const [page, charset] of [[bytes, undefined], [undeclared, 'GBK'], [undeclared, undefined]] as const) {
      expect(parseEpaperArticle(page, file, charset ? { charset } : {})).toMatchObject({ title: '前程办事处:深化以案促改 护航脱贫攻坚', introTitle: '党建连连看' })
    }
  })

  it('refuses a page that is not an e-paper article with one Chinese sentence', () => {
    const file = `${EPAPER_FIXTURES}not-epaper.html`
    expect(() => parseEpaperArticle(readFileSync(file), file)).toThrow(InputError)
    expect(() => parseEpaperArticle(readFileSync(file), file)).toThrow(/不是电子报文章页面/)
  })
})

describe('parsePageList', () => {
  it('lists a classic page: its label, paper, articles in order (each once) and the edition pages', () => {
    const file = `${EPAPER_FIXTURES}${CLASSIC}node_1.htm`
    const list = parsePageList(readFileSync(file), pathToFileURL(file).href)
    const base = pathToFileURL(EPAPER_FIXTURES + CLASSIC).href
    expect(list).toEqual({
      label: { page: '1', name: '要闻' },
      paper: '经开时报',
      articles: [101, 102, 103].map((n) => `${base}content_${n}.htm`),
      pages: [`${base}node_1.htm`, `${base}node_2.htm`],
    })
  })

  it('lists a newer-layout page whose articles live in another folder', () => {
    const file = `${EPAPER_FIXTURES}layout/layout/202005/01/node_01.html`
    const list = parsePageList(readFileSync(file), 'http://example.cn/layout/202005/01/node_01.html')
    expect(list).toMatchObject({
      label: { page: '1', name: '要闻' },
      paper: '示范区时报',
      articles: ['http://example.cn/content/202005/01/content_201.html', 'http://example.cn/content/202005/01/content_202.html'],
    })
  })

  it('finds where an entry page refreshes to, and no articles on a page that is not an e-paper', () => {
    const entry = Buffer.from('<html><head><meta http-equiv="REFRESH" content="0; URL=html/2020-06/03/node_1.htm"></head></html>')
    expect(parsePageList(entry, 'http://x.cn/index.htm').refresh).toBe('http://x.cn/html/2020-06/03/node_1.htm')
    const other = parsePageList(readFileSync(`${EPAPER_FIXTURES}not-epaper.html`), 'http://x.cn/')
    expect(other).toMatchObject({ articles: [], pages: [] })
  })
})
