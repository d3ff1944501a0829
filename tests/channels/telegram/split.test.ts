import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../src/channels/telegram/format.js'
import { splitMessage } from '../../../src/channels/telegram/split.js'
import { parseTelegramHtml } from '../../helpers/fake-bot-api.js'

/** The text Telegram would show for `html`; fails the test when Telegram would refuse it. */
function visible(html: string): string {
  const parsed = parseTelegramHtml(html)
  if (!parsed.ok) throw new Error(`${parsed.error} in ${JSON.stringify(html.slice(0, 80))}`)
  return parsed.text
}

/** Every part is valid Telegram HTML within the limit both ways, and together they show the whole text. */
function expectValidSplit(html: string, limit = 4096): string[] {
  const parts = splitMessage(html, limit)
  for (const part of parts) {
    expect(part.length).toBeLessThanOrEqual(limit)
    expect(visible(part).length).toBeLessThanOrEqual(limit)
    expect(visible(part).trim()).not.toBe('')
    expect(part).not.toMatch(/\p{Cs}/u) // no half of a surrogate pair
  }
  expect(parts.map(visible).join('')).toBe(visible(html))
  return parts
}

function article(chars: number): string {
  const paragraphs: string[] = []
  for (let p = 1, total = 0; total < chars; p++) {
    const sentences = Array.from({ length: 8 }, (_, s) => `第${p}段第${s + 1}句讲述经开区安置房建设的最新进展。`)
    paragraphs.push(sentences.join(''))
    total += paragraphs.at(-1)!.length + 2
  }
  return paragraphs.join('\n\n').slice(0, chars)
}

describe('splitMessage', () => {
  it('gives nothing for empty or blank text', () => {
    expect(splitMessage('')).toEqual([])
    expect(splitMessage(' \n\n ')).toEqual([])
  })

  it('keeps a message of exactly 4096 characters whole', () => {
    const text = '经'.repeat(4096)
    expect(expectValidSplit(text)).toEqual([text])
  })

  it('cuts 4097 characters into 4096 and 1', () => {
    const parts = expectValidSplit('经'.repeat(4097))
    expect(parts.map((p) => p.length)).toEqual([4096, 1])
  })

  it('hard-cuts a 5000-character sentence without punctuation', () => {
    expect(expectValidSplit('开'.repeat(5000)).map((p) => p.length)).toEqual([4096, 904])
  })

  it('never splits an emoji into its surrogate halves', () => {
    const parts = expectValidSplit(`a${'😀'.repeat(2100)}`)
    expect(parts[0]).toHaveLength(4095)
    expectValidSplit('👩‍👩‍👧‍👦🇨🇳经'.repeat(700))
  })

  it('never cuts inside an entity, even in text made only of < > &', () => {
    const parts = expectValidSplit(escapeHtml('<>&'.repeat(3000)))
    expect(parts.length).toBeGreaterThan(3)
    expectValidSplit('&#128512;'.repeat(1000))
  })

  it('cuts a 20,000-character article at paragraph ends', () => {
    const text = article(20_000)
    const parts = expectValidSplit(escapeHtml(text))
    expect(parts.length).toBeGreaterThanOrEqual(5)
    for (const part of parts.slice(0, -1)) expect(part.endsWith('\n\n')).toBe(true)
  })

  it('falls back to sentence ends within one long paragraph', () => {
    const text = '王庄村改造进入第二阶段，村民陆续回迁。'.repeat(300)
    const parts = expectValidSplit(text)
    for (const part of parts.slice(0, -1)) expect(part.endsWith('。')).toBe(true)
  })

  it('keeps a closing quote with its sentence', () => {
    const parts = expectValidSplit('他说：“安置房已经分配完毕。”'.repeat(400))
    for (const part of parts.slice(0, -1)) expect(part.endsWith('。”')).toBe(true)
  })

  it('closes tags open at a cut and re-opens them in the next part', () => {
    const html = `<b>来源</b>\n<a href="https://example.com/?a=1&amp;b=2"><i>${'经'.repeat(5000)}</i></a>尾`
    const parts = expectValidSplit(html)
    expect(parts).toHaveLength(2)
    expect(parts[0]).toMatch(/<\/i><\/a>$/)
    expect(parts[1]).toMatch(/^<a href="https:\/\/example.com\/\?a=1&amp;b=2"><i>经/)
    const second = parseTelegramHtml(parts[1]!)
    expect(second.ok && second.entities.map((e) => e.type).sort()).toEqual(['italic', 'text_link'])
  })

  it('does not leave an empty element at the start of the next part', () => {
    const parts = expectValidSplit(`<b>${'经'.repeat(4000)}。</b>${'开'.repeat(500)}`)
    expect(parts[0]).toMatch(/。<\/b>$/)
    expect(parts[1]).toBe('开'.repeat(500))
  })

  it('counts tags towards the raw length', () => {
    const parts = expectValidSplit(`<b>${'经'.repeat(4096)}</b>`)
    expect(parts).toHaveLength(2)
    expect(parts.every((p) => p.startsWith('<b>') && p.endsWith('</b>'))).toBe(true)
  })

  it('honours a smaller limit', () => {
    const parts = expectValidSplit(escapeHtml(article(3000)), 500)
    expect(parts.length).toBeGreaterThanOrEqual(6)
  })

  it('splits random mixes of nested tags, entities and emoji validly', () => {
    let seed = 7
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n)
    const pieces = ['经', '。', '”', '\n', '\n\n', ' ', '😀', '&amp;', '&lt;', '&#128512;', 'a']
    for (let round = 0; round < 200; round++) {
      let html = ''
      const open: string[] = []
      for (let k = random(3000); k > 0; k--) {
        const tag = ['b', 'i', 'u', 'tg-spoiler'][random(4)]!
        const r = random(100)
        if (r < 3 && !open.includes(tag)) {
          open.push(tag)
          html += `<${tag}>`
        } else if (r < 6 && open.length > 0) html += `</${open.pop()}>`
        else html += pieces[random(pieces.length)]
      }
      html += open.reverse().map((t) => `</${t}>`).join('')
      const limit = 100 + random(600)
      const parts = splitMessage(html, limit)
      expect(parts.every((p) => p.length <= limit)).toBe(true)
      // Parts that would show only whitespace are dropped, so compare the rest.
      expect(parts.map(visible).join('').replace(/\s/g, '')).toBe(visible(html).replace(/\s/g, ''))
    }
  })
})
