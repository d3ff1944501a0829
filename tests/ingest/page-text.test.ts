import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText, parsePageText } from '../../src/ingest/index.js'
import type { ParsedArticle } from '../../src/ingest/index.js'
import { SEED_READINGS, scorePage } from '../fixtures/seed-readings.js'

const SAMPLES = join(import.meta.dirname, '../../data/samples')

function parseSeed(name: string, meta = {}): ParsedArticle[] {
  const path = join(SAMPLES, name)
  return parsePageText(decodeText(readFileSync(path), path), meta)
}

const pages = Object.entries(SEED_READINGS).map(([file, readings]) => scorePage(file, readings, parseSeed(file)))
const scores = pages.flatMap((p) => p.scores)
const extra = pages.flatMap((p) => p.extra)
const right = scores.filter((s) => s.misses.length === 0).length
const accuracy = right / (scores.length + extra.length)
const percent = (accuracy * 100).toFixed(1)

describe('parsePageText on the seed pages', () => {
  it(`segments ${right}/${scores.length + extra.length} = ${percent}% of the seed articles as read by hand (needs ≥ 90%)`, () => {
    for (const s of scores.filter((s) => s.misses.length)) {
      console.log(`miss ${s.file} 「${s.reading.title || s.reading.start}」: ${s.misses.join('; ')}`)
    }
    for (const a of extra) console.log(`extra article 「${a.title}」 ${a.text.slice(0, 20)}…`)
    console.log(`segmenter accuracy on the seeds: ${right}/${scores.length + extra.length} = ${percent}%`)
    expect(accuracy).toBeGreaterThanOrEqual(0.9)
  })

  it('finds the articles the e2e test and the sample questions rely on', () => {
    const all = Object.keys(SEED_READINGS).flatMap((f) => parseSeed(f))
    expect(all.length).toBeGreaterThanOrEqual(25)
    expect(all.find((a) => a.title.includes('巡察整改'))?.text).toContain('3636套')
  })

  it('reads section labels, kickers, subheadlines and dateline credits', () => {
    const p1 = parseSeed('001_c4740e32d0d06a7b.txt')
    expect(p1.filter((a) => a.section === '党建连连看').map((a) => a.title)).toEqual([
      '前程办事处：深化以案促改 护航脱贫攻坚',
      '明湖办事处：大力营造比学赶超工作氛围',
    ])
    const p3 = parseSeed('003_6e4b236814fb6be4.txt')
    expect(p3[4]).toMatchObject({
      title: '五项督查机制推进工作高质量落实',
      subtitle: '二七区规范督查工作，确保“五大行动年”目标任务落地见效',
    })
    const p4 = parseSeed('004_6062cc997fbd3bd9.txt')
    expect(p4[0]).toMatchObject({ dateline: '本报讯（记者付凯明）', reporters: ['付凯明'] })
    expect(p4[3]).toMatchObject({ dateline: '本报记者 郭树勋', reporters: ['郭树勋'] })
    expect(p4[4]).toMatchObject({ title: '', byline: '本报记者 翟鹏程 摄', reporters: ['翟鹏程'] })
  })

  it('splits bylines into reporters and correspondents', () => {
    const p0 = parseSeed('000_5adc3b2768a65fa1.txt')
    expect(p0[2]).toMatchObject({ reporters: ['鲁慧'], correspondents: ['黄帅', '郑茜茜'] })
    const p2 = parseSeed('002_6df37518f25c994b.txt')
    expect(p2[4]).toMatchObject({ reporters: ['王赛华', '李洪永'], correspondents: ['李磊'] })
  })

  it('rejoins lines broken at column width and across blank lines', () => {
    const p0 = parseSeed('000_5adc3b2768a65fa1.txt')
    expect(p0[1]!.text).toContain('9月份以来，经开区建设局以巡察整改为契机')
    expect(p0[1]!.text).toContain('坚持党建引领，深化整改成果。巡察发现问题是手段')
    expect(p0[3]!.text).toMatch(/^为落实国家、省、市小微企业融资协调工作机制，解决小微企业融资难/)
    const p1 = parseSeed('001_c4740e32d0d06a7b.txt')
    expect(p1[0]!.text).toContain('早日享受到便捷的交通设施，助力区域发展')
    for (const a of [...p0, ...p1]) expect(a.text).not.toMatch(/\n\n|^\s|\s$/)
  })

  it('takes paper, date and page from the manifest meta over anything inferred', () => {
    const meta = { paper: '经开时报', issueDate: '2020-06-05', dateInferred: false, page: '1' }
    const [a] = parseSeed('001_c4740e32d0d06a7b.txt', meta)
    expect(a).toMatchObject({ ...meta, eventDate: '2020-06-01' })
  })

  it('infers the issue date from the text when none is given, and says so', () => {
    const [a, b] = parseSeed('001_c4740e32d0d06a7b.txt')
    expect(a).toMatchObject({ issueDate: '2020-06-03', dateInferred: true, eventDate: '2020-06-01' })
    expect(b).toMatchObject({ eventDate: '2020-06-03' })
    expect(parseSeed('003_6e4b236814fb6be4.txt')[0]).toMatchObject({ dateInferred: false })
    expect(parseSeed('003_6e4b236814fb6be4.txt')[0]!.issueDate).toBeUndefined()
  })
})

describe('parsePageText on damaged copies of a seed', () => {
  const name = '001_c4740e32d0d06a7b.txt'
  const original = readFileSync(join(SAMPLES, name), 'utf8')
  const expected = parseSeed(name)

  it('reads a GBK copy with Windows line endings the same', () => {
    const bytes = iconv.encode(original.replace(/\n/g, '\r\n'), 'gbk')
    expect(parsePageText(decodeText(bytes, name), {})).toEqual(expected)
  })

  it('ignores page numbers, lone symbols and U+FFFD at line ends', () => {
    const damaged = original
      .split('\n')
      .map((l, k) => (k % 7 === 3 && l ? `${l}\ufffd` : l))
      .join('\n')
      .replace('\n\n记者 柴琳琳 通讯员 赵宁华', '\n\n- 2 -\n\n■\n\n记者 柴琳琳 通讯员 赵宁华')
    expect(parsePageText(damaged, {})).toEqual(expected)
  })
})

describe('parsePageText on small pages', () => {
  it.each([
    ['a lone dateline-less text', '一段没有标题的文字。', [{ title: '', text: '一段没有标题的文字。' }]],
    [
      'Windows line endings and a page number',
      '标题一\r\n\r\n本报讯 正文第一段。\r\n记者 张三\r\n\r\n- 2 -\r\n',
      [{ title: '标题一', text: '正文第一段。', byline: '记者 张三', reporters: ['张三'] }],
    ],
    [
      'a feature page without datelines',
      '春天的故事\n\n三月的经开区，处处是忙碌的身影。\n\n企业负责人说，订单多了三成。\n\n秋天的收获\n\n金秋时节，稻田一片金黄。\n记者 张三\n',
      [
        { title: '春天的故事', text: '三月的经开区，处处是忙碌的身影。\n企业负责人说，订单多了三成。' },
        { title: '秋天的收获', text: '金秋时节，稻田一片金黄。', byline: '记者 张三' },
      ],
    ],
    [
      'two dated stories, one credit in the dateline',
      '甲事\n\n本报讯（记者王五 通讯员 赵六）3月2日，甲事发生。\n\n乙事\n\n本报讯 乙事发生。记者 李四\n',
      [
        { title: '甲事', dateline: '本报讯（记者王五 通讯员 赵六）', reporters: ['王五'], correspondents: ['赵六'] },
        { title: '乙事', text: '乙事发生。', byline: '记者 李四' },
      ],
    ],
  ])('%s', (_, page, expected) => {
    const got = parsePageText(page, {})
    expect(got).toHaveLength(expected.length)
    expected.forEach((e, k) => expect(got[k]).toMatchObject(e))
  })
})
