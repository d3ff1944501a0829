/** Prints rows as an aligned plain-text table (benchmarks print tables, never assert). */
export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return
  const cols = Object.keys(rows[0]!)
  const cell = (v: string | number | undefined) => (typeof v === 'number' ? formatNumber(v) : (v ?? ''))
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ')
  console.log(line(cols))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))))
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n)
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3)
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024
}
