import { formatDate } from './dates.js'

/**
 * Reads the many shapes a record's date comes in (2023-07-28 16:40:00, [2023/07/20 16:52],
 * 2023年07月20日 18:14:59, 20230720) as YYYY-MM-DD; undefined when there is no full date.
 */
export function parseLooseDate(value: string | undefined): string | undefined {
  const m = matchDate(value)
  if (!m) return undefined
  const y = Number(m[1])
  return y < 1900 || y > 2100 ? undefined : formatDate(y, Number(m[2]), Number(m[3]))
}

/** True when a value is shaped like a full date but names no real day (2024-02-30, 2023年13月1日). */
export function isImpossibleDate(value: string | undefined): boolean {
  return matchDate(value) !== null && parseLooseDate(value) === undefined
}

function matchDate(value: string | undefined): RegExpExecArray | null {
  if (!value) return null
  return /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value) ?? /^\s*(\d{4})(\d{2})(\d{2})\b/.exec(value)
}
