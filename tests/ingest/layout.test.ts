import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { layoutPageText, parseLaidOutPage, type TextBox } from '../../src/ingest/layout/index.js'
import { openPdf } from '../../src/ingest/pdf.js'
import { checkTextLayer } from '../../src/ingest/text-layer.js'

const PAGES = join(import.meta.dirname, '../fixtures/pages')

const BODY = 10
const PITCH = 15
const PAGE = { width: 600, height: 800 }

/** A column of body lines from (x, y): each string one printed line, '　' at the start an indent. */
function column(x: number, y: number, lines: string[], width = 8): TextBox[] {
  return lines.map((text, i) => {
    const indent = text.startsWith('　') ? 2 * BODY : 0
    const full = text.endsWith('|')
    const t = text.replace(/^　/, '').replace(/\|$/, '')
    // A line marked | fills the column; others end where their characters do.
    return { text: t, x: x + indent, y: y + i * PITCH, width: full ? width * BODY - indent : [...t].length * BODY, height: BODY }
  })
}

/** A headline line centred over [x, x + width). */
function headline(text: string, x: number, y: number, width: number, size = 2 * BODY): TextBox {
  const w = [...text].length * size
  return { text, x: x + (width - w) / 2, y, width: w, height: size }
}

describe('layoutPageText', () => {
  it('reads a headline, then the columns it spans, then the article below', () => {
    const boxes = [
      headline('全区推进安置房建设', 0, 0, 170),
      ...column(0, 30, ['　本报讯 截至目前，全区|', '已分配安置房3636套，|', '另有一批正在建设之中|']),
      ...column(90, 30, ['预计年底前全部交付使|', '用。', '记者 鲁慧']),
      headline('道路建成通车', 0, 110, 170),
      ...column(0, 140, ['　本报讯 6月3日，周边|', '道路全部建成通车。'], 17),
    ]
    const articles = parseLaidOutPage(boxes, PAGE, {})
    expect(articles.map((a) => [a.title, a.text, a.byline])).toEqual([
      ['全区推进安置房建设', '截至目前，全区已分配安置房3636套，另有一批正在建设之中预计年底前全部交付使用。', '记者 鲁慧'],
      ['道路建成通车', '6月3日，周边道路全部建成通车。', undefined],
    ])
  })

  it('reads an article beside another whose headline stands at the same height, one after the other', () => {
    const wide = [
      headline('经开区召开优化营商环境会议', 0, 0, 260),
      ...column(0, 30, ['　本报讯 4月29日，经开|', '区召开会议。会议强调|']),
      ...column(90, 30, ['要持续优化营商环境，|', '推动高质量发展。|']),
      ...column(180, 30, ['会议还部署了下一步工|', '作。']),
    ]
    const side = [headline('扬尘督导', 280, 0, 80), ...column(280, 30, ['　本报讯 近日，开展|', '扬尘防治督导活动。'])]
    const text = layoutPageText([...side, ...wide], PAGE)
    const order = ['经开区召开', '4月29日', '要持续', '会议还部署', '扬尘督导', '近日']
    const at = order.map((s) => text.indexOf(s))
    expect(at.every((p) => p >= 0)).toBe(true)
    expect(at).toEqual([...at].sort((a, b) => a - b))
  })

  it('keeps a section label above its headline, apart from the text before it', () => {
    const boxes = [
      headline('区统计局签订目标责任书', 0, 0, 170),
      ...column(0, 30, ['　本报讯 5月28日，经开|', '区统计局签订责任书。|'], 17),
      ...column(0, 80, ['记者 柴琳琳'], 17).map((b) => ({ ...b, x: 100 })),
      { text: '党建连连看', x: 0, y: 130, width: 50, height: BODY },
      headline('前程办事处深化以案促改', 0, 148, 170),
      ...column(0, 178, ['　本报讯 6月1日上午，前|', '程办事处召开会议。'], 17),
    ]
    const articles = parseLaidOutPage(boxes, PAGE, {})
    expect(articles.map((a) => [a.section, a.title, a.byline])).toEqual([
      [undefined, '区统计局签订目标责任书', '记者 柴琳琳'],
      ['党建连连看', '前程办事处深化以案促改', undefined],
    ])
  })

  it('joins a headline the typesetter wrapped and keeps a break made on purpose as a space', () => {
    const wrapped = [
      { text: '郑大二附院周边道', x: 0, y: 0, width: 160, height: 20 },
      { text: '路9月底建成通车', x: 0, y: 24, width: 150, height: 20 },
      ...column(0, 60, ['　本报讯 6月3日，郑州国|', '际物流园区召开会议。'], 17),
    ]
    expect(parseLaidOutPage(wrapped, PAGE, {})[0]!.title).toBe('郑大二附院周边道路9月底建成通车')
    const broken = [headline('培训实操齐上阵', 0, 0, 170), headline('提高应急业务技能', 0, 24, 170), ...column(0, 60, ['　本报讯 日前，经开区森|', '防办开展培训。'], 17)]
    expect(parseLaidOutPage(broken, PAGE, {})[0]!.title).toBe('培训实操齐上阵 提高应急业务技能')
  })

  it('starts a paragraph at an indent and carries one on across a column break', () => {
    const boxes = [
      headline('标题', 0, 0, 170),
      ...column(0, 30, ['　本报讯 第一段开头，|', '第一段结尾。', '　第二段从这里开始，|']),
      ...column(90, 30, ['在下一栏接着写完。', '　第三段。']),
    ]
    expect(parseLaidOutPage(boxes, PAGE, {})[0]!.text).toBe('第一段开头，第一段结尾。\n第二段从这里开始，在下一栏接着写完。\n第三段。')
  })

  it('gives an empty text for a page without boxes', () => {
    expect(layoutPageText([], PAGE).trim()).toBe('')
  })
})

describe('layoutPageText on a fixture page given other ways', () => {
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '')
  let seed = 7
  // A fixed sequence in [-0.5, 0.5): the same "noise" on every run.
  const noise = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5
  it.each([
    ['one box per character, spaces dropped (PDFs that place each glyph)', (b: TextBox) =>
      [...b.text].map((c, i, all) => ({ ...b, text: c, x: b.x + (i * b.width) / all.length, width: b.width / all.length })).filter((c) => c.text.trim())],
    ['boxes off by up to a point and a tenth of their height (OCR)', (b: TextBox) =>
      [{ ...b, x: b.x + 2 * noise(), y: b.y + 2 * noise(), height: b.height * (1 + 0.1 * noise()) }]],
  ])('reads the same articles from %s', async (_, reshape) => {
    const name = 'p2-four-columns'
    const expected = JSON.parse(readFileSync(join(PAGES, 'expected.json'), 'utf8'))[name].articles as { title: string; text: string; byline: string | null }[]
    const pdf = await openPdf(readFileSync(join(PAGES, `${name}.pdf`)), name)
    const page = await pdf.readPage(1)
    await pdf.close()
    const articles = parseLaidOutPage(page.boxes.flatMap(reshape), page.size, {})
    expect(articles.map((a) => [squash(a.title), squash(a.text), squash(a.byline)]).sort()).toEqual(
      expected.map((e) => [squash(e.title), squash(e.text), squash(e.byline)]).sort(),
    )
  })
})

describe('checkTextLayer', () => {
  const page = (text: string): TextBox[] => text.split('\n').map((t, i) => ({ text: t, x: 0, y: i * 12, width: 400, height: 10 }))
  const SIZE = { width: 400, height: 300 }
  it.each([
    ['Chinese text', '本报讯 截至目前，全区已分配安置房3636套，另有一批正在建设之中。', undefined],
    ['a scan (no text)', '  ', 'none'],
    ['replacement characters', '本报讯\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd 截至目前\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd', 'unusable'],
    ['private-use code points', '\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b\ue00c\ue00d\ue00e\ue00f\ue010\ue011\ue012\ue013\ue014\ue015', 'unusable'],
    ['glyph ids read as Latin', '!"#$%&\'()*+,-./0123 4567 89:;<=>?@ABCD EFGH !"#$%&', 'unusable'],
    ['consonant garbage', 'bcdfg hjklm npqrst vwxz bcdf ghjk lmnp qrst vwxz bcd fgh jkl', 'unusable'],
    ['glyph ids read as accented letters', 'ÀÁÂÃ ÄÅÆÇ ÈÉÊË ÌÍÎÏ ÐÑÒÓ ÔÕÖØ ÙÚÛÜ ÝÞßà', 'unusable'],
    ['an English page', 'The council met on Monday to discuss the new road.\nIt will open in September.', 'not-chinese'],
  ])('%s', (_, text, problem) => {
    expect(checkTextLayer(page(text), SIZE)).toBe(problem)
  })

  it('takes a scan with a line of typed text on it for a page without a text layer', () => {
    const header = [{ text: '经开时报 2023年11月15日 星期三 第2版 本期责任编辑 王某', x: 20, y: 10, width: 300, height: 8 }]
    expect(checkTextLayer(header, { width: 842, height: 1191 })).toBe('none')
    expect(checkTextLayer(header, { width: 320, height: 30 })).toBeUndefined()
  })
})
