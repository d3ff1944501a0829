import { getArticleByPk, type Article } from './articles.js'
import { statementCache, type Db } from './db.js'

const statements = statementCache((db) => ({
  dates: db.prepare<{ after: string | null; limit: number }, string>(
    `SELECT DISTINCT issue_date FROM articles
     WHERE issue_date IS NOT NULL AND (@after IS NULL OR issue_date > @after)
     ORDER BY issue_date DESC LIMIT @limit`,
  ).pluck(),
  pks: db.prepare<[string], number>(
    'SELECT pk FROM articles WHERE issue_date = ? ORDER BY paper, source_path, source_order',
  ).pluck(),
}))

/** Issue dates newest first, only those after `after` when given (read at call time, so new issues show at once). */
export function listIssueDates(db: Db, opts: { after?: string | null; limit?: number } = {}): string[] {
  return statements(db).dates.all({ after: opts.after ?? null, limit: opts.limit ?? 1 })
}

/** Every article of one issue date, in page order. */
export function listIssueArticles(db: Db, date: string): Article[] {
  return statements(db).pks.all(date).map((pk) => getArticleByPk(db, pk)!)
}
