/** Dates printed on a page: the issue date inferred from the text, and body dates (6月1日上午) resolved against it. */

const FULL_DATE = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/g
const MONTH_DAY = /(?<![\d年])(\d{1,2})月(\d{1,2})日/
const YEAR = /((?:19|20)\d{2})年/g
// How far into a lead a date still counts as the story's own date (本报讯 6月1日上午，…).
const LEAD_WINDOW = 16

/** YYYY-MM-DD, or undefined for an impossible date. */
export function formatDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined
  return d.toISOString().slice(0, 10)
}

/** A YYYY-MM-DD string that names a real calendar day, as given; undefined otherwise (2023-02-30). */
export function parseIsoDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return m ? formatDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined
}

/**
 * Resolves a month and day printed without a year against the issue date: same year,
 * except that a month after the issue's month means the year before (a December story in a January issue).
 */
export function resolveMonthDay(month: number, day: number, issueDate: string): string | undefined {
  const [year, issueMonth] = issueDate.split('-').map(Number) as [number, number]
  return formatDate(month > issueMonth ? year - 1 : year, month, day)
}

/** The date a story's lead gives for its event (6月1日上午, 2020年5月28日, 昨日), resolved to YYYY-MM-DD. */
export function findEventDate(lead: string, issueDate: string | undefined): string | undefined {
  const head = lead.slice(0, LEAD_WINDOW)
  const full = new RegExp(FULL_DATE.source).exec(head)
  if (full) return formatDate(Number(full[1]), Number(full[2]), Number(full[3]))
  if (!issueDate) return undefined
  const md = MONTH_DAY.exec(head)
  if (md) return resolveMonthDay(Number(md[1]), Number(md[2]), issueDate)
  const shift = /^(?:昨日|昨天)/.test(head) ? -1 : /^(?:今日|今天)/.test(head) ? 0 : null
  if (shift === null) return undefined
  const d = new Date(`${issueDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + shift)
  return d.toISOString().slice(0, 10)
}

/**
 * Estimates an issue date from a page: the latest full date a lead gives; else the latest
 * month and day in the leads, in the year the page mentions most (ties: the later year).
 */
export function inferIssueDate(text: string, leads: string[]): string | undefined {
  const fromLeads = leads.flatMap((l) => [...l.slice(0, LEAD_WINDOW).matchAll(FULL_DATE)])
  const full = latest(fromLeads.map((m) => formatDate(Number(m[1]), Number(m[2]), Number(m[3]))))
  if (full) return full
  const year = commonestYear(text)
  if (year === undefined) return undefined
  const days = leads.map((l) => MONTH_DAY.exec(l.slice(0, LEAD_WINDOW))).filter((m) => m !== null)
  return latest(days.map((m) => formatDate(year, Number(m[1]), Number(m[2])))) ?? latestPeriodEnd(text)
}

/**
 * The end of the latest period a page reports on, when its leads give no day: 2022年上半年 → 2022-06-30,
 * 2022年7月 → 2022-07-31, 2022年1~7月 → 2022-07-31. A page is printed after what it reports.
 */
function latestPeriodEnd(text: string): string | undefined {
  const ends: (string | undefined)[] = []
  for (const m of text.matchAll(/((?:19|20)\d{2})年(?:(上|下)半年|(?:\d{1,2}\s*[~～\-至到]\s*)?(\d{1,2})月(?!\d{1,2}日))/g)) {
    const year = Number(m[1])
    const month = m[2] === '上' ? 6 : m[2] === '下' ? 12 : Number(m[3])
    if (month >= 1 && month <= 12) ends.push(lastDay(year, month))
  }
  return latest(ends)
}

function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}

function commonestYear(text: string): number | undefined {
  const counts = new Map<number, number>()
  for (const m of text.matchAll(YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1)
  let best: [number, number] | undefined
  for (const [y, n] of counts) if (!best || n > best[1] || (n === best[1] && y > best[0])) best = [y, n]
  return best?.[0]
}

function latest(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort().at(-1)
}
