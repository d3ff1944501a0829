import { describe, expect, it } from 'vitest'
import { foldText, indexTokens, newWords, tokenize, tokenizeForIndex } from '../../src/retrieve/index.js'
import { phraseTokens } from '../../src/retrieve/tokenize.js'
import { foldedSlices } from '../../src/retrieve/tokenize.js'

describe('indexTokens', () => {
  it.each([
    ['安置房', ['安置', '置房']],
    ['经开区，安置房', ['经开', '开区', '安置', '置房']],
    ['房', ['房']],
    ['6月1日', ['6月', '月1', '1日']],
    ['安置房3636套', ['3636', '安置', '置房', '房3636', '3636套']],
    ['发行9.97亿元', ['9.97', '发行', '行9.97', '9.97亿', '亿元']],
    ['GDP增速', ['gdp', 'gdp增', '增速']],
    ['ＡＢＣ１２３', ['abc123']],
    ['“”、。！？', []],
    ['', []],
  ])('%s → %j', (text, tokens) => {
    expect(indexTokens(text)).toEqual(tokens)
  })

  it('finds an unknown name as the phrase of its bigrams inside a longer text', () => {
    const body = tokenizeForIndex('本报讯 马寨产业集聚区召开座谈会')
    expect(body).toContain(tokenizeForIndex('马寨产业集聚区'))
  })
})

describe('tokenize', () => {
  it('keeps local names from the lexicon as one word', () => {
    expect(tokenize('郑大二附院周边道路通车')).toContain('郑大二附院')
    expect(tokenize('双十工程重点项目')).toContain('双十工程')
    expect(tokenize('马寨产业集聚区召开座谈会')).toContain('马寨产业集聚区')
  })

  it('drops punctuation and folds width and case', () => {
    expect(tokenize('“ＧＤＰ”增长！')).toEqual(['gdp', '增长'])
    expect(foldText('ＡＢＣ１２３％')).toBe('abc123%')
  })
})

describe('newWords', () => {
  it('finds the names the dictionary cut splits into single characters', () => {
    expect(newWords('赵荀的儿子被谁紧急送往医院？')).toEqual(['赵荀'])
    expect(newWords('台风“卡努”的最大风力有几级？')).toContain('卡努')
  })

  it('finds nothing in a question of dictionary words', () => {
    expect(newWords('中国电信的营业收入是多少？')).toEqual([])
  })

  it('finds no word in the unit of a date written in digits and the verb after it', () => {
    expect(newWords('督导组6月1日去看的是地铁几号线工地？')).not.toContain('日去')
  })
})

describe('foldedSlices', () => {
  const slices = (text: string) => Array.from({ length: text.length + 1 }, (_, start) => Array.from({ length: text.length + 1 - start }, (_, n) => [start, start + n] as const)).flat()

  it('folds every slice as foldText folds the slice on its own, for every UTF-16 unit between any neighbours', () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const c = String.fromCharCode(code)
      const text = `a${c}。${c}Ｂ${c}`
      const fold = foldedSlices(text)
      for (const [start, end] of slices(text)) if (fold(start, end) !== foldText(text.slice(start, end))) expect([code.toString(16), start, end, fold(start, end)]).toEqual([code.toString(16), start, end, foldText(text.slice(start, end))])
    }
  })

  it('keeps slices apart where folding changes a length or joins neighbours', () => {
    const text = '全区ＧＤＰ增长…其中Ⅳ类e\u0301水质'
    const fold = foldedSlices(text)
    expect(fold(0, 5)).toBe('全区gdp')
    for (const [start, end] of slices(text)) expect(fold(start, end)).toBe(foldText(text.slice(start, end)))
  })
})

describe('phraseTokens', () => {
  it('leaves out the number the index also holds alone, so the phrase is the one a longer run holds', () => {
    expect(indexTokens('80岁')).toEqual(['80', '80岁'])
    expect(phraseTokens('80岁')).toEqual(['80岁'])
    expect(phraseTokens('4月28日')).toEqual(['4月', '月28', '28日'])
    expect(phraseTokens('2021')).toEqual(['2021'])
    expect(phraseTokens('安置房')).toEqual(indexTokens('安置房'))
  })
})

describe('pointing back at an occasion or a batch', () => {
  it('keeps 那回 and 那批 whole, so their counter is not read into the next word', () => {
    expect(tokenize('督导组那回去看的地铁工地是几号线')).not.toContain('回去')
    expect(newWords('那批省专项债里经开区拿到了多少')).not.toContain('批省')
  })
})
