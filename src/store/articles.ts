import type { PageRegion } from '../ingest/index.js'
import { statementCache, type Db } from './db.js'

/** An article as stored, the shape `show` prints and answerers quote from. */
export interface Article {
  pk: number
  id: string
  title: string
  subtitle: string | null
  /** The kicker printed above the headline (引题), from e-paper editions. */
  introTitle: string | null
  section: string | null
  paper: string
  /** True when the paper was read from the page, not given (manifest, flags). */
  paperInferred: boolean
  date: string | null
  dateInferred: boolean
  /** The date the lead reports, resolved against the issue date. */
  eventDate: string | null
  page: string | null
  dateline: string | null
  byline: string | null
  reporters: string[]
  correspondents: string[]
  text: string
  url: string | null
  sourcePath: string
  /** Lines OCR read with low confidence, as the title, dateline, text or byline print them. */
  uncertain: string[]
  /** Where on its page a PDF or image article was read from, as shares of the page. */
  region: PageRegion | null
}

/** One line of an article listing; `inferred` is set when its paper or date was guessed from the page. */
export interface ArticleSummary {
  id: string
  title: string
  paper: string
  date: string | null
  byline: string | null
  chars: number
  inferred?: boolean
}

/** An articles row as both stores return it (`SELECT *`). */
export interface ArticleRow {
  pk: number
  id: string
  title: string
  subtitle: string | null
  intro_title: string | null
  section: string | null
  paper: string
  paper_inferred: number
  issue_date: string | null
  date_inferred: number
  event_date: string | null
  page: string | null
  dateline: string | null
  byline: string | null
  reporters: string
  correspondents: string
  text: string
  url: string | null
  source_path: string
  uncertain: string
  region: string | null
}

const statements = statementCache((db) => ({
  setOrigin: db.prepare<{ id: string | null; source: string | null; paper: string | null; date: string | null; now: string }>(
    `UPDATE articles SET
       paper = coalesce(@paper, paper), paper_inferred = CASE WHEN @paper IS NULL THEN paper_inferred ELSE 0 END,
       issue_date = coalesce(@date, issue_date), date_inferred = CASE WHEN @date IS NULL THEN date_inferred ELSE 0 END,
       updated_at = @now
     WHERE id = @id OR source_path = @source`,
  ),
  byId: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
  byPk: db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE pk = ?'),
  ofIssue: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE issue_date = ? ORDER BY paper, source_path, source_order'),
  count: db.prepare<[], number>('SELECT count(*) FROM articles').pluck(),
  list: db.prepare<{ date: string | null; paper: string | null; limit: number; offset: number }, ArticleSummary & { guessed: number }>(
    `SELECT id, title, paper, issue_date AS date, byline, length(text) AS chars,
       (paper_inferred OR date_inferred) AS guessed FROM articles
     WHERE (@date IS NULL OR issue_date = @date) AND (@paper IS NULL OR paper = @paper)
     ORDER BY issue_date DESC, source_path, source_order LIMIT @limit OFFSET @offset`,
  ),
}))

export function toArticle(r: ArticleRow): Article {
  return {
    pk: r.pk,
    id: r.id,
    title: r.title,
    subtitle: r.subtitle,
    introTitle: r.intro_title,
    section: r.section,
    paper: r.paper,
    paperInferred: r.paper_inferred === 1,
    date: r.issue_date,
    dateInferred: r.date_inferred === 1,
    eventDate: r.event_date,
    page: r.page,
    dateline: r.dateline,
    byline: r.byline,
    reporters: JSON.parse(r.reporters) as string[],
    correspondents: JSON.parse(r.correspondents) as string[],
    text: r.text,
    url: r.url,
    sourcePath: r.source_path,
    uncertain: JSON.parse(r.uncertain) as string[],
    region: r.region ? (JSON.parse(r.region) as PageRegion) : null,
  }
}

export function getArticle(db: Db, id: string): Article | undefined {
  const row = statements(db).byId.get(id)
  return row && toArticle(row)
}

/** Every article of one issue date, in page order. */
export function listIssueArticles(db: Db, date: string): Article[] {
  return statements(db).ofIssue.all(date).map(toArticle)
}

export function getArticleByPk(db: Db, pk: number): Article | undefined {
  const row = statements(db).byPk.get(pk)
  return row && toArticle(row)
}

export function countArticles(db: Db): number {
  return statements(db).count.get() ?? 0
}

/** Articles newest issue first, optionally of one day and/or one paper. */
export function listArticles(
  db: Db,
  opts: { date?: string; paper?: string; limit?: number; offset?: number } = {},
): ArticleSummary[] {
  const rows = statements(db).list.all({
    date: opts.date ?? null,
    paper: opts.paper ?? null,
    limit: opts.limit ?? 20,
    offset: opts.offset ?? 0,
  })
  return rows.map(({ guessed, ...r }) => (guessed ? { ...r, inferred: true } : r))
}

/**
 * Sets the paper and/or issue date of articles by hand (by id, or every article of a source file),
 * so they are no longer marked inferred; returns how many articles changed. A later ingest of the
 * same file without --paper/--date infers them again.
 */
export function setArticleOrigin(db: Db, which: { ids?: string[]; source?: string }, to: { paper?: string; issueDate?: string }): number {
  const s = statements(db).setOrigin
  const base = { paper: to.paper ?? null, date: to.issueDate ?? null, now: new Date().toISOString() }
  return db.transaction(() => {
    let n = 0
    for (const id of which.ids ?? []) n += s.run({ ...base, id, source: null }).changes
    if (which.source) n += s.run({ ...base, id: null, source: which.source }).changes
    return n
  })()
}
