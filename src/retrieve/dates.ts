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
  /(?:(\d{4})年|(今年|本年|去年|上年|前年))?(?:(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?)|(\d{4})年|(今年|本年|去年|上年|前年)|(上周|上星期|上个?礼拜|本周|这周|这个?星期|上个?月|本月|这个?月|最近|近期|近日)/g

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
