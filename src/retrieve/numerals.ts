import Nzh from 'nzh'

// Numbers as voice input writes them (二零二三年, 五月二十五号, 四百零九亿, 百分之六十): the bulletins print
// digits, and the date and amount checks read digits, so the question's spoken numerals are written as
// digits first. Only numerals that can be nothing else are converted: a year, a month and its day, a
// share, and a count with a unit of ten or more before its counter; 二七区, 五里堡 and 一个 stay as said.
const DIGIT = '零〇一二两三四五六七八九'
const DIGIT_VALUE: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
// The unit a last digit said right after a unit counts in (一万二: 二千).
const UNIT_BELOW: Record<string, string> = { 万: '千', 千: '百', 百: '十' }
const YEAR = new RegExp(`(?<![${DIGIT}十百千万])([${DIGIT}]{4})(?=年)`, 'g')
const MONTH = /(?<![\d零〇一二两三四五六七八九十第])(十[一二]|[一二三四五六七八九十])(?=月)/g
const DAY = /(?<=\d月初?)(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?=[日号])/g
// Two months said together (七八月份): the bulletins print the range (7月至8月份).
const MONTH_PAIR = /(?<![\d零〇一二两三四五六七八九十第])(十[一二]|[一二三四五六七八九十])(十[一二]|[一二三四五六七八九十])(?=月)/g
// The first month of a range said before the month (一到七月份).
const RANGE_START = /(?<![\d零〇一二两三四五六七八九十])(十[一二]|[一二三四五六七八九十])(?=[到至~-]\d{1,2}月)/g
const SHARE = /百分之([零一二两三四五六七八九十百点]+)/g
// A count: a numeral holding 十, 百 or 千 (and a 万 within: 一万二千), then 多 or 余 if said, then its
// counter, unit or magnitude (四百零九亿, 三千六百多套); 几十年, 几百人, 上千条 are no number.
const COUNTERS = '个|套|人|名|位|家|项|元|块|条|所|座|户|亩|吨|斤|次|期|批|场|篇|天|年|岁|辆|台|公里|米|平方米|平米|万|亿'
const COUNT = new RegExp(`(?<![${DIGIT}十百千万亿第几上])((?:[${DIGIT}十百千]+万)?[${DIGIT}]*[十百千][${DIGIT}十百千]*)(?=[多余]?(?:${COUNTERS}))`, 'g')

/** The question with its spoken numerals of years, dates, shares and counts written as digits. */
export function withDigits(text: string): string {
  return text
    .replace(YEAR, (year) => [...year].map((d) => DIGIT_VALUE[d]).join(''))
    .replace(MONTH_PAIR, (pair, first: string, next: string) => (Number(decode(next)) === Number(decode(first)) + 1 ? `${decode(first)}月至${decode(next)}` : pair))
    .replace(MONTH, (n) => decode(n))
    .replace(DAY, (n) => decode(n))
    .replace(RANGE_START, (n) => decode(n))
    .replace(SHARE, (_, n: string) => `${decode(n)}%`)
    // 六七十岁, 三四百人 are rough guesses, not one number: left as said.
    .replace(COUNT, (n) => (/[一二两三四五六七八九]{2}/.test(n) ? n : decode(n)))
}

/** A count in digits or in words (5, 五, 两, 十二) as a number. */
export function countValue(count: string): number {
  return /^\d+$/.test(count) ? Number(count) : Number(decode(count))
}

const SMALL_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** A count up to ten as articles write it in words: 3 → 三; 2 → 二 and 两. None past ten. */
export function numeralsOf(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > SMALL_NUMERALS.length) return []
  return n === 2 ? ['二', '两'] : [SMALL_NUMERALS[n - 1]!]
}

/** The ways an article may write a count said with its counter: 五项 → 五项, 5项; 5项 → 5项, 五项. */
export function countForms(said: string, counter: string): string[] {
  const n = countValue(said)
  const digits = Number.isInteger(n) && n > 0 ? [String(n)] : []
  return [...new Set([said, ...digits, ...numeralsOf(n)].map((c) => c + counter))]
}

/**
 * The value of a numeral, as said: 两 is 二, and a last digit right after a unit counts in the unit below
 * it (一万二 is 12000, 三千六 3600, 一百五 150; 一百零五 is 105).
 */
function decode(numeral: string): string {
  const said = numeral.replace(/两/g, '二').replace(/〇/g, '零')
  const full = said.replace(/(?<!零)([万千百])([一二三四五六七八九])$/, (_, unit: string, d: string) => `${unit}${d}${UNIT_BELOW[unit]}`)
  return Nzh.cn.decodeS(full)
}
