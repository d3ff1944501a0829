/** An inclusive issue-date range, YYYY-MM-DD. */
export interface DateRange {
  from: string
  to: string
}

/** A time expression found in a question, and the range of issue dates it points to. */
export interface TimeExpression {
  /** The words as written, e.g. 今年6月, 上周. */
  text: string
  range: DateRange
  /** Relative words (今年, 上周) name no content; absolute dates (6月1日) also appear in article text. */
  relative: boolean
}

const DAY = 86_400_000

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10)
}

function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d)
}

function monthRange(y: number, m: number): DateRange {
  return { from: iso(utc(y, m, 1)), to: iso(utc(y, m + 1, 1) - DAY) }
}

const YEAR_WORDS: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 前年: -2 }

// One pattern per shape; the first that matches at a position wins, so 今年6月1日 beats 6月1日.
const PATTERN =
  /(?:(\d{4})年|(今年|本年|去年|上年|前年))?(?:(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?)|(\d{4})年|(今年|本年|去年|上年|前年)|(上周|上星期|上个?礼拜|本周|这周|这个?星期|上个?月|本月|这个?月|最近|近期|近日|前两天|前几天|这两天|这几天|前些天|前些日子|前阵子|前段时间|前一阵子?)/g

/**
 * Finds time expressions in a (folded) question and turns them into issue-date ranges, relative to
 * `today` (the newest issue date in the store, YYYY-MM-DD): 今年6月, 去年, 6月1日, 2023年7月, 上周.
 */
export function parseTimeExpressions(text: string, today: string): TimeExpression[] {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  const now = utc(ty, tm, td)
  const out: TimeExpression[] = []
  for (const m of text.matchAll(PATTERN)) {
    const [all, y4, yWord, mon, day, yOnly, yOnlyWord, rel] = m
    let range: DateRange | undefined
    let relative = false
    if (mon) {
      const month = Number(mon)
      const dayN = day ? Number(day) : undefined
      if (month < 1 || month > 12 || (dayN !== undefined && (dayN < 1 || dayN > 31))) continue
      let year = y4 ? Number(y4) : yWord ? ty + YEAR_WORDS[yWord]! : ty
      // A month with no year that lies after "today" means last year's.
      if (!y4 && !yWord && utc(year, month, dayN ?? 1) > now) year--
      range = dayN ? { from: iso(utc(year, month, dayN)), to: iso(utc(year, month, dayN)) } : monthRange(year, month)
      relative = Boolean(yWord)
    } else if (yOnly || yOnlyWord) {
      const year = yOnly ? Number(yOnly) : ty + YEAR_WORDS[yOnlyWord!]!
      range = { from: `${year}-01-01`, to: `${year}-12-31` }
      relative = Boolean(yOnlyWord)
    } else if (rel) {
      range = relativeRange(rel, now, ty, tm)
      relative = true
    }
    if (range) out.push({ text: all, range, relative })
  }
  return out
}

function relativeRange(word: string, now: number, y: number, m: number): DateRange {
  // Weeks start on Monday.
  const weekStart = now - ((new Date(now).getUTCDay() + 6) % 7) * DAY
  if (/^上/.test(word) && /周|星期|礼拜/.test(word)) return { from: iso(weekStart - 7 * DAY), to: iso(weekStart - DAY) }
  if (/周|星期/.test(word)) return { from: iso(weekStart), to: iso(now) }
  if (/^上/.test(word)) return m === 1 ? monthRange(y - 1, 12) : monthRange(y, m - 1)
  if (/月/.test(word)) return monthRange(y, m)
  return { from: iso(now - 30 * DAY), to: iso(now) }
}

/** The stretches of a year a text names: which year (去年, 2022年) and which part of it (上半年, 一季度, 全年). */
export interface PeriodsNamed {
  /** Years named relative to the text's own: -1 去年, 0 今年, 1 明年. */
  relative: Set<number>
  /** Years named by number: 2022年, and 22年 or 2022 right before a part of a year (2022下半年). */
  absolute: Set<number>
  /** Parts of a year: H1, H2, Q1…Q4, or the full year. */
  parts: Set<string>
}

// A text tells of next year too (明年计划再分…), which a question's date range never points to.
const RELATIVE_YEARS: Record<string, number> = { ...YEAR_WORDS, 明年: 1 }
const RELATIVE_YEAR = new RegExp(Object.keys(RELATIVE_YEARS).join('|'), 'g')
const PART_OF_YEAR = '上半年|下半年|全年|[一二三四1-4]季度|第[一二三四1-4]季度'
const ABSOLUTE_YEAR = new RegExp(`(?<!\\d)(\\d{4})\\s*(?:年|(?=${PART_OF_YEAR}))|(?<!\\d)(\\d{2})年(?=${PART_OF_YEAR}|底|初|\\d{1,2}月)`, 'g')
const QUARTERS: Record<string, string> = { 一: 'Q1', '1': 'Q1', 二: 'Q2', '2': 'Q2', 三: 'Q3', '3': 'Q3', 四: 'Q4', '4': 'Q4' }
// Months counted from January say a part of the year as well: 1~6月, 1至6月, 一至三月.
const MONTHS_FROM_JANUARY = /(?<!\d)(?:1|一)\s*(?:~|～|-|－|—|至|到)\s*(3|三|6|六)\s*月/g

/** The years and parts of a year a (folded) text names. */
export function periodsNamed(text: string): PeriodsNamed {
  const named: PeriodsNamed = { relative: new Set(), absolute: new Set(), parts: new Set() }
  for (const m of text.matchAll(RELATIVE_YEAR)) named.relative.add(RELATIVE_YEARS[m[0]]!)
  for (const m of text.matchAll(ABSOLUTE_YEAR)) named.absolute.add(m[1] ? Number(m[1]) : 2000 + Number(m[2]))
  // A text that counts in fiscal years (星巴克2023财年第三季度…中国市场第三季度) names no part of the calendar's.
  const fiscal = /财年|财季|会计年度/.test(text)
  for (const m of fiscal ? [] : text.matchAll(new RegExp(PART_OF_YEAR, 'g'))) {
    const part = m[0]
    named.parts.add(part === '上半年' ? 'H1' : part === '下半年' ? 'H2' : part === '全年' ? 'full' : QUARTERS[part.replace(/^第|季度$/g, '')]!)
  }
  for (const m of text.matchAll(MONTHS_FROM_JANUARY)) named.parts.add(/3|三/.test(m[1]!) ? 'Q1' : 'H1')
  return named
}

/**
 * True when a text tells of another stretch of time than the question asks: 去年 asked and 今年 told,
 * 下半年 asked and 上半年 told, 2022年 asked and only 2020年 told. Each kind is compared only when both name it,
 * so a text that names no year or part of one never clashes.
 */
export function periodsClash(asked: PeriodsNamed, told: PeriodsNamed): boolean {
  const disjoint = (a: Set<number | string>, b: Set<number | string>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x))
  return disjoint(asked.relative, told.relative) || disjoint(asked.absolute, told.absolute) || disjoint(asked.parts, told.parts)
}

/**
 * True when a question's relative years (去年, 前年, 今年) are not the years a story's sentence tells of, read against the
 * story's own year (its issue's): 前年 of a 2020 story is 2018, not the 2019年 and 2020年 its sentence names. A past year
 * asked (去年一年分了多少套) is not told by a sentence naming no year (截至目前…3636套) of a story that names that year
 * nowhere: the figure is of the story's own time.
 */
export function yearsClash(asked: PeriodsNamed, told: PeriodsNamed, story: PeriodsNamed, year: number | undefined): boolean {
  if (year === undefined || asked.relative.size === 0) return false
  const wanted = new Set([...asked.relative].map((r) => year + r))
  const names = (p: PeriodsNamed) => [...p.relative].some((r) => asked.relative.has(r)) || [...p.absolute].some((y) => wanted.has(y))
  if (told.absolute.size > 0 && !names(told)) return true
  const pastOnly = [...asked.relative].every((r) => r < 0)
  return pastOnly && told.relative.size === 0 && told.absolute.size === 0 && !names(story)
}
