import { statementCache, type Db } from './db.js'

const statements = statementCache((db) => ({
  dates: db.prepare<{ after: string | null; limit: number }, string>(
    `SELECT DISTINCT issue_date FROM articles
     WHERE issue_date IS NOT NULL AND (@after IS NULL OR issue_date > @after)
     ORDER BY issue_date DESC LIMIT @limit`,
  ).pluck(),
}))

/** Issue dates newest first, only those after `after` when given (read at call time, so new issues show at once). */
export function listIssueDates(db: Db, opts: { after?: string | null; limit?: number } = {}): string[] {
  return statements(db).dates.all({ after: opts.after ?? null, limit: opts.limit ?? 1 })
}
