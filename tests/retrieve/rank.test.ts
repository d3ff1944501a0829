import { describe, expect, it } from 'vitest'
import type { QueryTerm } from '../../src/retrieve/index.js'
import { dropCoveredBigrams, idf, scoreBestPassages, scoreCommonTerms, splitCommonTerms, termDocCount, weighTerms } from '../../src/retrieve/rank.js'

const term = (text: string, tokens: string, kind: QueryTerm['kind'] = 'bigram'): QueryTerm => ({ text, tokens, kind })

describe('termDocCount', () => {
  it('uses a phrase’s own count when known, else its rarest token’s', () => {
    const docs = new Map([['中国', 900], ['国电', 40], ['电信', 60], ['中国 国电 电信', 12]])
    expect(termDocCount(term('中国电信', '中国 国电 电信', 'word'), docs)).toBe(12)
    expect(termDocCount(term('中国电', '中国 国电', 'word'), docs)).toBe(40)
    expect(termDocCount(term('无', '无'), docs)).toBe(0)
  })
})

describe('splitCommonTerms', () => {
  const docs = new Map([['安置', 30], ['置房', 20], ['经开', 700], ['工作', 9000], ['发展', 8000], ['回迁 迁房', 5]])
  const terms = [term('安置', '安置'), term('置房', '置房'), term('经开', '经开'), term('工作', '工作'), term('发展', '发展'),
    term('安置房', '安置 置房', 'word'), term('回迁房', '回迁 迁房', 'synonym')]

  it('asks the index for rare bigrams and synonyms, and scores common bigrams and whole words afterwards', () => {
    const { match, common } = splitCommonTerms(terms, docs, 10_000)
    expect(match.map((t) => t.text)).toEqual(['回迁房', '置房', '安置'])
    expect(common.map((t) => t.text).sort()).toEqual(['发展', '安置房', '工作', '经开'].sort())
  })

  it('asks the index for the three rarest terms even when every term is common', () => {
    const { match } = splitCommonTerms([terms[2]!, terms[3]!, terms[4]!, terms[5]!], docs, 10_000)
    expect(match.map((t) => t.text)).toEqual(['经开', '发展', '工作'])
  })

  it('calls nothing common in a small store', () => {
    const small = new Map([['安置', 3], ['置房', 2], ['经开', 200], ['工作', 290], ['发展', 280], ['回迁 迁房', 1]])
    expect(splitCommonTerms(terms, small, 300).common.map((t) => t.kind)).toEqual(['word'])
  })
})

describe('idf', () => {
  it('falls with the document count and never reaches zero', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(100, 1000))
    expect(idf(900, 1000)).toBeGreaterThan(0)
  })
})

describe('scoreCommonTerms', () => {
  it('scores more occurrences higher, and a headline occurrence above a body one', () => {
    const t = [term('发展', '发展')]
    const docs = new Map([['发展', 50]])
    const s = scoreCommonTerms(t, [
      { pk: 1, title: '', text: '发展很好。发展很快。发展。' },
      { pk: 2, title: '', text: '发展很好。这是别的事情。' },
      { pk: 3, title: '发展', text: '这是别的事情。这是别的。' },
      { pk: 4, title: '', text: '与此无关的一段文字。' },
    ], docs, 1000)
    expect(s.get(1)!).toBeGreaterThan(s.get(2)!)
    expect(s.get(3)!).toBeGreaterThan(s.get(2)!)
    expect(s.get(4)).toBe(0)
  })
})

describe('scoreBestPassages', () => {
  it('rewards terms found together in one passage over the same terms spread apart', () => {
    const t = [term('安置房', '安置 置房', 'word'), term('3636', '3636')]
    const docs = new Map([['安置 置房', 10], ['3636', 2]])
    const together = '全区已分配安置房3636套。其他内容。'
    const apart = '安置房建设提速。中间隔着很多句子。共3636人参加。'
    const spans = (text: string) => text.split('。').filter(Boolean).map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length }))
    const s = scoreBestPassages(weighTerms(t, docs, 1000), [{ pk: 1, text: together, spans: spans(together) }, { pk: 2, text: apart, spans: spans(apart) }])
    expect(s.get(1)!).toBeGreaterThan(s.get(2)!)
  })
})

describe('dropCoveredBigrams', () => {
  it('keeps words, synonyms and the bigrams no word covers', () => {
    const terms = [term('二七', '二七'), term('七区', '七区'), term('区老', '区老'), term('二七区', '二七 七区', 'word'), term('高龄津贴', '高龄 龄津 津贴', 'synonym')]
    expect(dropCoveredBigrams(terms).map((t) => t.text)).toEqual(['区老', '二七区', '高龄津贴'])
  })
})
