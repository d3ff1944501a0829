import type { IndexEntry } from './article-write.js'
import { getArticle, type Article } from './articles.js'
import { statementCache, type Db } from './db.js'
import { forgetArticleNames, learnArticleNames, type ExtractNames } from './learned-names.js'

/** What the operator may correct by hand; a field left out keeps its stored value, null clears it. */
export interface ArticleCorrection {
  title?: string
  issueDate?: string | null
  byline?: string | null
}

const statements = statementCache((db) => ({
  correct: db.prepare<{ pk: number; title: string; date: string | null; dateChanged: number; byline: string | null; now: string }>(
    `UPDATE articles SET title = @title, issue_date = @date, byline = @byline, updated_at = @now,
       date_inferred = CASE WHEN @dateChanged = 1 THEN 0 ELSE date_inferred END
     WHERE pk = @pk`,
  ),
  deleteFts: db.prepare<[number]>('DELETE FROM articles_fts WHERE rowid = ?'),
  insertFts: db.prepare<[number, string, string]>('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)'),
  deletePassages: db.prepare<[number]>('DELETE FROM passages WHERE article_pk = ?'),
  deleteArticle: db.prepare<[number]>('DELETE FROM articles WHERE pk = ?'),
}))

/**
 * Corrects an article's headline, issue date or byline and re-indexes it (the headline is searched),
 * in one transaction; undefined when no such article. Its content hash is kept, so a later ingest of
 * the same unchanged text leaves the correction in place.
 */
export function correctArticle(
  db: Db,
  id: string,
  change: ArticleCorrection,
  reindex: (a: Article) => IndexEntry,
  namesOf: ExtractNames,
): Article | undefined {
  return db.transaction(() => {
    const old = getArticle(db, id)
    if (!old) return undefined
    const s = statements(db)
    forgetArticleNames(db, old.pk, namesOf)
    s.correct.run({
      pk: old.pk,
      title: change.title ?? old.title,
      date: change.issueDate === undefined ? old.date : change.issueDate,
      dateChanged: change.issueDate !== undefined && change.issueDate !== old.date ? 1 : 0,
      byline: change.byline === undefined ? old.byline : change.byline,
      now: new Date().toISOString(),
    })
    const updated = getArticle(db, id)!
    const entry = reindex(updated)
    s.deleteFts.run(old.pk)
    s.insertFts.run(old.pk, entry.titleTokens, entry.bodyTokens)
    learnArticleNames(db, entry.names)
    return updated
  }).immediate()
}

/** Deletes an article (a wrongly segmented one) with its passages, vectors and index entry; false when no such article. */
export function deleteArticle(db: Db, id: string, namesOf: ExtractNames): boolean {
  return db.transaction(() => {
    const old = getArticle(db, id)
    if (!old) return false
    const s = statements(db)
    forgetArticleNames(db, old.pk, namesOf)
    s.deleteFts.run(old.pk)
    s.deletePassages.run(old.pk)
    s.deleteArticle.run(old.pk)
    return true
  }).immediate()
}
