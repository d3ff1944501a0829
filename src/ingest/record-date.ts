import { formatDate } from './dates.js'

/**
 * Reads the many shapes a record's date comes in (2023-07-28 16:40:00, [2023/07/20 16:52],
 * 2023年07月20日 18:14:59, 20230720) as YYYY-MM-DD; undefined when there is no full date.
 */
export function parseLooseDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const m =
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value) ?? /^\s*(\d{4})(\d{2})(\d{2})\b/.exec(value)
  if (!m) return undefined
  const y = Number(m[1])
  return y < 1900 || y > 2100 ? undefined : formatDate(y, Number(m[2]), Number(m[3]))
}
