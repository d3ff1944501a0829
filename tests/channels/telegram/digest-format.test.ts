import { describe, expect, it } from 'vitest'
import { renderDigestMessages } from '../../../src/channels/telegram/digest-format.js'
import { decodeCallbackData } from '../../../src/channels/telegram/callback-data.js'
import type { Digest, DigestItem } from '../../../src/digest/index.js'
import { parseTelegramHtml } from '../../helpers/fake-bot-api.js'

const item = (n: number, area: string, extra: Partial<DigestItem> = {}): DigestItem => ({
  id: `t-${String(n).padStart(12, '0')}`, title: `标题${n} <经开区> & “新闻”`, summary: `第${n}篇的导语，说明发生了什么。`,
  paper: '经开时报', date: '2023-11-15', area, ...extra,
})
const digest = (sections: [string, number][]): Digest => {
  let n = 0
  return { date: '2023-11-15', dates: ['2023-11-15'], sections: sections.map(([heading, k]) => ({ heading, items: Array.from({ length: k }, () => item(++n, heading)) })) }
}
const plain = (html: string) => {
  const parsed = parseTelegramHtml(html)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.text
}

describe('renderDigestMessages', () => {
  it('fits a normal day in one message: header, areas, numbered items, one button per item', () => {
    const [m, ...rest] = renderDigestMessages(digest([['经开区', 3], ['二七区', 2]]))
    expect(rest).toEqual([])
    const text = plain(m!.text)
    expect(text).toMatch(/^📰 每日简报 · 2023-11-15\n经开时报 · 5 篇/)
    expect(text).toContain('【经开区】\n1. 标题1 <经开区> & “新闻”\n第1篇的导语')
    expect(text.indexOf('【二七区】')).toBeGreaterThan(text.indexOf('3. 标题3'))
    const buttons = m!.keyboard!.inline_keyboard.flat()
    expect(buttons.map((b) => b.text)).toEqual(['1', '2', '3', '4', '5'])
    expect(buttons.map((b) => 'callback_data' in b && decodeCallbackData(b.callback_data))).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ kind: 'src', articleId: item(n, '').id, page: 0 })),
    )
  })

  it('splits a long digest between items, heads a continued section again, and keeps every message valid', () => {
    const messages = renderDigestMessages(digest([['经开区', 70], ['二七区', 30]]))
    expect(messages.length).toBeGreaterThan(1)
    const texts = messages.map((m) => plain(m.text))
    for (const [i, m] of messages.entries()) {
      expect(texts[i]!.length).toBeLessThanOrEqual(4096)
      expect(m.keyboard!.inline_keyboard.flat().length).toBeLessThanOrEqual(100)
      expect(texts[i]).toMatch(i === 0 ? /^📰/ : /^【(经开区（续）|二七区)】/)
    }
    const numbers = texts.join('\n').match(/^\d+(?=\. )/gm)!.map(Number)
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    const buttons = messages.flatMap((m) => m.keyboard!.inline_keyboard.flat().map((b) => Number(b.text)))
    expect(buttons).toEqual(numbers)
  })

  it('honours a smaller limit the same way', () => {
    const messages = renderDigestMessages(digest([['经开区', 6]]), { limit: 300 })
    expect(messages.length).toBeGreaterThan(1)
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(300)
  })

  it('leaves out the button of an article it cannot reference, and says so plainly when empty', () => {
    const [m] = renderDigestMessages(digest([['经开区', 2]]), { refFor: (id) => (id.endsWith('1') ? undefined : id) })
    expect(m!.keyboard!.inline_keyboard.flat().map((b) => b.text)).toEqual(['2'])
    expect(plain(renderDigestMessages({ date: '2023-11-15', dates: ['2023-11-15'], sections: [] })[0]!.text)).toContain('没有符合你订阅条件的报道')
    expect(renderDigestMessages({ date: null, dates: [], sections: [] })[0]!.keyboard).toBeUndefined()
  })
})
