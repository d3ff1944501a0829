import type pg from 'pg'
import type { IndexEntry } from '../article-write.js'
import type { ArticleCorrection } from '../article-edit.js'
import { toArticle, type Article, type ArticleRow } from '../articles.js'
import type { ExtractNames } from '../learned-names.js'
import { countNames, flushIndexWrites, newIndexWrites } from './article-write.js'
import { buildTsvector } from './lexemes.js'
import { inTransaction, type Pool } from './pool.js'
import { mergeSegments } from './segments.js'

// SQLite's article-edit.ts and setArticleOrigin. The index entry goes through article_index, whose
// triggers keep the term statistics, and the name counts through the same batch writer ingest uses.

type Client = pg.PoolClient

async function lockArticle(c: Client, id: string): Promise<Article | undefined> {
  const { rows } = await c.query<ArticleRow>('SELECT * FROM articles WHERE id = $1 FOR UPDATE', [id])
  return rows[0] && toArticle(rows[0])
}

/** Corrects an article's headline, issue date or byline and re-indexes it, in one transaction; undefined when no such article. */
export async function correctArticle(
  pool: Pool, id: string, change: ArticleCorrection, reindex: (a: Article) => IndexEntry, namesOf: ExtractNames,
): Promise<Article | undefined> {
  const corrected = await inTransaction(pool, async (c) => {
    const old = await lockArticle(c, id)
    if (!old) return undefined
    const date = change.issueDate === undefined ? old.date : change.issueDate
    await c.query(
      `UPDATE articles SET title = $2, issue_date = $3, byline = $4, updated_at = $5,
         date_inferred = CASE WHEN $6 THEN 0 ELSE date_inferred END
       WHERE pk = $1`,
      [old.pk, change.title ?? old.title, date, change.byline === undefined ? old.byline : change.byline,
        new Date().toISOString(), change.issueDate !== undefined && change.issueDate !== old.date],
    )
    const updated = (await lockArticle(c, id))!
    const entry = reindex(updated)
    const writes = newIndexWrites()
    countNames(writes, namesOf(old), -1)
    countNames(writes, entry.names, 1)
    writes.dropped.push(old.pk)
    writes.added.push({ pk: old.pk, ...buildTsvector(entry.titleTokens, entry.bodyTokens) })
    await flushIndexWrites(c, writes)
    return updated
  })
  // Each correction is a segment of one entry: merged as ingest's are, when sixteen have gathered.
  await mergeSegments(pool)
  return corrected
}

/** Deletes an article with its passages and index entry (cascaded, so the term statistics follow); false when no such article. */
export async function deleteArticle(pool: Pool, id: string, namesOf: ExtractNames): Promise<boolean> {
  return inTransaction(pool, async (c) => {
    const old = await lockArticle(c, id)
    if (!old) return false
    const writes = newIndexWrites()
    countNames(writes, namesOf(old), -1)
    await c.query('DELETE FROM articles WHERE pk = $1', [old.pk])
    await flushIndexWrites(c, writes)
    return true
  })
}

/** Sets the paper and/or issue date of articles by hand (by id, or every article of a source file); returns how many changed. */
export async function setArticleOrigin(pool: Pool, which: { ids?: string[]; source?: string }, to: { paper?: string; issueDate?: string }): Promise<number> {
  return inTransaction(pool, async (c) => {
    const set = (where: string, value: string) =>
      c.query(
        `UPDATE articles SET
           paper = coalesce($2, paper), paper_inferred = CASE WHEN $2::text IS NULL THEN paper_inferred ELSE 0 END,
           issue_date = coalesce($3, issue_date), date_inferred = CASE WHEN $3::text IS NULL THEN date_inferred ELSE 0 END,
           updated_at = $4
         WHERE ${where} = $1`,
        [value, to.paper ?? null, to.issueDate ?? null, new Date().toISOString()],
      )
    let n = 0
    for (const id of which.ids ?? []) n += (await set('id', id)).rowCount ?? 0
    if (which.source) n += (await set('source_path', which.source)).rowCount ?? 0
    return n
  })
}
