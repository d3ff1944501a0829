import { describe, expect, it } from 'vitest'
import type { Answer } from '../../../src/answer/index.js'
import { escapeHtml, renderAnswer, renderAnswerParts, renderArticlePages } from '../../../src/channels/telegram/format.js'
import { parseTelegramHtml } from '../../helpers/fake-bot-api.js'

function shown(html: string): string {
  const parsed = parseTelegramHtml(html)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.text
}

const answer: Answer = {
  answer: '经开区已分配安置房 1200 套[1]，王庄村改造进入第二阶段[2]。',
  mode: 'extractive',
  abstained: false,
  citations: [
    { n: 1, id: 'a-0123456789ab', title: '安置房分配工作全面完成', paper: '经开时报', date: '2023-07-28', quote: '1200 套' },
    { n: 2, id: 'a-ba9876543210', title: '王庄村改造', paper: '经开时报', date: null, quote: '第二阶段' },
  ],
  warnings: [],
  suggestions: [],
}

describe('escapeHtml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ['&amp;', '&amp;amp;'],
    ['经开区', '经开区'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected)
  })
})

describe('renderAnswer', () => {
  it('shows the answer, then numbered sources under a bold heading', () => {
    const html = renderAnswer(answer)
    expect(html).toBe(
      '经开区已分配安置房 1200 套[1]，王庄村改造进入第二阶段[2]。\n\n<b>来源</b>\n' +
        '[1] 安置房分配工作全面完成 · 经开时报 · 2023-07-28\n[2] 王庄村改造 · 经开时报',
    )
    expect(parseTelegramHtml(html).ok).toBe(true)
  })

  it('escapes markup in the answer, titles, papers and warnings', () => {
    const hostile: Answer = {
      ...answer,
      answer: '<b>不是粗体</b> & <script>alert("x")</script>[1]',
      citations: [{ n: 1, id: 'x', title: '<i>标题</i> & 1<2', paper: 'A&B 报', date: '2023-07-28', quote: '' }],
      warnings: ['删除了引用 [3] <a href="x">'],
    }
    const html = renderAnswer(hostile)
    expect(html).not.toContain('<script>')
    const text = shown(html)
    expect(text).toContain('<b>不是粗体</b> & <script>alert("x")</script>[1]')
    expect(text).toContain('[1] <i>标题</i> & 1<2 · A&B 报 · 2023-07-28')
    expect(html).toMatch(/<i>注：删除了引用 \[3\] &lt;a href=&quot;x&quot;&gt;<\/i>$/)
  })

  it('lists related reports when it abstains', () => {
    const abstained: Answer = {
      answer: '公报中没有找到相关内容。',
      mode: 'extractive',
      abstained: true,
      citations: [],
      warnings: [],
      suggestions: [{ id: 'd-1', title: '小微企业<融资>', paper: '经开时报', date: '2023-07-20' }],
    }
    const html = renderAnswer(abstained)
    expect(html).not.toContain('来源')
    expect(shown(html)).toBe('公报中没有找到相关内容。\n\n相关报道：\n· 小微企业<融资> · 经开时报 · 2023-07-20')
  })

  it('leaves suggestions out of an answer that did not abstain', () => {
    const withSuggestions = { ...answer, suggestions: [{ id: 'd-1', title: '别的', paper: 'p', date: null }] }
    expect(renderAnswer(withSuggestions)).not.toContain('相关报道')
  })
})

describe('renderAnswerParts', () => {
  it('keeps a short answer in one message', () => {
    expect(renderAnswerParts(answer)).toEqual([renderAnswer(answer)])
  })

  it('names a suggestion the answer text already names only once', () => {
    const abstained: Answer = {
      answer: '资料中未找到相关信息。相关报道：《小微企业融资》。', mode: 'extractive', abstained: true, citations: [], warnings: [],
      suggestions: [
        { id: 'd-1', title: '小微企业融资', paper: '经开时报', date: '2023-07-20' },
        { id: 'd-2', title: '营商环境', paper: '经开时报', date: null },
      ],
    }
    expect(shown(renderAnswerParts(abstained)[0]!)).toBe('资料中未找到相关信息。相关报道：《小微企业融资》。\n\n相关报道：\n· 营商环境 · 经开时报')
  })

  it('splits a long answer with the sources whole in the last part', () => {
    const long: Answer = { ...answer, answer: `${'经开区安置房建设稳步推进，群众满意度持续提升。'.repeat(400)}[1]` }
    const parts = renderAnswerParts(long)
    expect(parts.length).toBeGreaterThan(2)
    for (const part of parts) {
      expect(parseTelegramHtml(part).ok).toBe(true)
      expect(shown(part).length).toBeLessThanOrEqual(4096)
    }
    expect(parts.slice(0, -1).some((p) => p.includes('来源'))).toBe(false)
    expect(parts.at(-1)).toContain('<b>来源</b>\n[1] 安置房分配工作全面完成 · 经开时报 · 2023-07-28\n[2] 王庄村改造 · 经开时报')
    expect(parts.map((p) => shown(p).split('\n\n')[0]).join('')).toBe(long.answer)
  })
})

describe('renderArticlePages', () => {
  const base = { title: '经开区<安置房>分配', paper: '经开时报', date: '2023-07-28', byline: '记者 王某' }

  it('puts the escaped headline and meta line above the text', () => {
    const pages = renderArticlePages({ ...base, text: '本报讯 1<2 & 3>2。' })
    expect(pages).toEqual(['<b>经开区&lt;安置房&gt;分配</b>\n<i>经开时报 · 2023-07-28 · 记者 王某</i>\n\n本报讯 1&lt;2 &amp; 3&gt;2。'])
  })

  it('pages a long article, each page valid, headed and under the limit', () => {
    const text = Array.from({ length: 60 }, (_, i) => `第${i + 1}段<script>alert(1)</script>安置房建设进展顺利。`.repeat(12)).join('\n')
    const pages = renderArticlePages({ ...base, text })
    expect(pages.length).toBeGreaterThan(3)
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(4096)
      expect(shown(page).startsWith('经开区<安置房>分配\n经开时报')).toBe(true)
    }
    const bodies = pages.map((p) => shown(p).split('\n\n').slice(1).join('\n\n'))
    expect(bodies.join('')).toBe(text)
  })

  it('copes with a missing headline, meta and text', () => {
    expect(renderArticlePages({ title: '', paper: '', date: null, byline: null, text: '' })).toEqual(['<b>（无标题）</b>'])
  })

  it('clips an absurdly long headline so the body keeps its room', () => {
    const pages = renderArticlePages({ ...base, title: '长'.repeat(5000), text: '正文。' })
    expect(pages).toHaveLength(1)
    expect(shown(pages[0]!).split('\n')[0]).toHaveLength(200)
  })
})
