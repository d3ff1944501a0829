import { statementCache, type Db } from './db.js'

/** An article as stored, the shape `show` prints and answerers quote from. */
export interface Article {
  pk: number
  id: string
  title: string
  subtitle: string | null
  section: string | null
  paper: string
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
}

/** One line of an article listing. */
export interface ArticleSummary {
  id: string
  title: string
  paper: string
  date: string | null
  byline: string | null
  chars: number
}

interface ArticleRow {
  pk: number
  id: string
  title: string
  subtitle: string | null
  section: string | null
  paper: string
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
}

const statements = statementCache((db) => ({
  byId: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
  byPk: db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE pk = ?'),
  ofIssue: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE issue_date = ? ORDER BY paper, source_path, source_order'),
  count: db.prepare<[], number>('SELECT count(*) FROM articles').pluck(),
  list: db.prepare<{ date: string | null; paper: string | null; limit: number; offset: number }, ArticleSummary>(
    `SELECT id, title, paper, issue_date AS date, byline, length(text) AS chars FROM articles
     WHERE (@date IS NULL OR issue_date = @date) AND (@paper IS NULL OR paper = @paper)
     ORDER BY issue_date DESC, source_path, source_order LIMIT @limit OFFSET @offset`,
  ),
}))

function toArticle(r: ArticleRow): Article {
  return {
    pk: r.pk,
    id: r.id,
    title: r.title,
    subtitle: r.subtitle,
    section: r.section,
    paper: r.paper,
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
  return statements(db).list.all({
    date: opts.date ?? null,
    paper: opts.paper ?? null,
    limit: opts.limit ?? 20,
    offset: opts.offset ?? 0,
  })
}
