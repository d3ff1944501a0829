/**
 * The credit a hit carries as its byline, the same SQL on SQLite and PostgreSQL: the byline line as
 * printed, else the dateline when it names the reporter (本报讯（记者付凯明）), so an answer never says
 * a credited story has none. `table` is the articles table's name or alias in the query.
 */
export function creditColumn(table: string): string {
  return `COALESCE(${table}.byline, CASE WHEN ${table}.reporters <> '[]' OR ${table}.correspondents <> '[]' THEN ${table}.dateline END) AS byline`
}
