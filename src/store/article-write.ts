import type { ArticleInput } from '../ingest/index.js'
import { statementCache, type Db } from './db.js'
import { forgetArticleNames, learnArticleNames, type ExtractNames } from './learned-names.js'

/** What retrieve's index holds for an article; the store only writes it. */
export interface IndexEntry {
  /** Space-joined index tokens of headline and subtitle, and of the body: what the FTS columns hold. */
  titleTokens: string
  bodyTokens: string
  /** The candidate local names the article counts towards. */
  names: string[]
}

/** An article with its index entry, computed only when it is written: an unchanged article costs no tokenising. */
export interface IndexedArticle extends ArticleInput {
  index: () => IndexEntry
}

export type WriteOutcome = 'added' | 'updated' | 'unchanged'

/**
 * Writes one source file's articles inside the caller's write transaction (BEGIN IMMEDIATE). A large
 * file may be committed in batches: the file is recorded as done only by the last commit, so a file
 * interrupted between batches is read again on the next run, and its written articles come out unchanged.
 */
export interface SourceWrite {
  put(article: IndexedArticle): WriteOutcome
  /** Commits what was put so far without recording the file; the caller begins the next transaction. */
  commitBatch(): void
  /** Removes the file's articles that were not put again, records the file, commits. */
  commit(fileHash: string): { removed: number }
  rollback(): void
}

const statements = statementCache((db) => ({
  byId: db.prepare<[string], { pk: number; content_hash: string; source_path: string }>(
    'SELECT pk, content_hash, source_path FROM articles WHERE id = ?',
  ),
  insert: db.prepare(`INSERT INTO articles (id, paper, paper_inferred, issue_date, date_inferred, page, title, subtitle, intro_title, section,
      dateline, byline, reporters, correspondents, text, url, content_hash, source_path, source_order, added_at, updated_at,
      event_date, uncertain, region)
    VALUES (@id, @paper, @paperInferred, @issueDate, @dateInferred, @page, @title, @subtitle, @introTitle, @section, @dateline, @byline,
      @reporters, @correspondents, @text, @url, @contentHash, @sourcePath, @sourceOrder, @now, @now, @eventDate, @uncertain, @region)`),
  update: db.prepare(`UPDATE articles SET paper = @paper, paper_inferred = @paperInferred, issue_date = @issueDate, date_inferred = @dateInferred,
      page = @page, title = @title, subtitle = @subtitle, intro_title = @introTitle, section = @section, dateline = @dateline, byline = @byline,
      reporters = @reporters, correspondents = @correspondents, text = @text, url = @url,
      content_hash = @contentHash, source_path = @sourcePath, source_order = @sourceOrder, updated_at = @now,
      event_date = @eventDate, uncertain = @uncertain, region = @region
    WHERE pk = @pk`),
  move: db.prepare('UPDATE articles SET source_path = ?, source_order = ? WHERE pk = ?'),
  deletePassages: db.prepare('DELETE FROM passages WHERE article_pk = ?'),
  insertPassage: db.prepare('INSERT INTO passages (article_pk, seq, start, end) VALUES (?, ?, ?, ?)'),
  insertArticleFts: db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)'),
  deleteArticleFts: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
  sourceArticles: db.prepare<[string], { pk: number; id: string }>('SELECT pk, id FROM articles WHERE source_path = ?'),
  deleteArticle: db.prepare('DELETE FROM articles WHERE pk = ?'),
  upsertSource: db.prepare(`INSERT INTO sources (path, content_hash, articles, ingested_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, articles = excluded.articles,
      ingested_at = excluded.ingested_at`),
}))

type Statements = ReturnType<typeof statements>

/**
 * Starts writing a source file's articles in the transaction the caller has begun (see `lockForWrite`);
 * the caller must commit or roll back. `namesOf` gives the names a stored article was counted towards,
 * so that a rewritten or removed article is taken off the counts (the index's name extractor).
 */
export function beginSourceWrite(db: Db, sourcePath: string, namesOf: ExtractNames): SourceWrite {
  const s = statements(db)
  const seen = new Set<string>()
  const now = new Date().toISOString()
  if (!db.inTransaction) db.exec('BEGIN IMMEDIATE')
  return {
    put(article) {
      seen.add(article.id)
      const row = s.byId.get(article.id)
      if (row && row.content_hash === article.contentHash) {
        if (row.source_path !== sourcePath) s.move.run(sourcePath, seen.size, row.pk)
        return 'unchanged'
      }
      const params = toArticleParams(article, sourcePath, seen.size, now)
      const entry = article.index()
      if (row) {
        forgetArticleNames(db, row.pk, namesOf)
        unindexArticle(s, row.pk)
        s.update.run({ ...params, pk: row.pk })
        indexArticle(s, row.pk, article, entry)
        learnArticleNames(db, entry.names)
        return 'updated'
      }
      const pk = Number(s.insert.run(params).lastInsertRowid)
      indexArticle(s, pk, article, entry)
      learnArticleNames(db, entry.names)
      return 'added'
    },
    commitBatch() {
      db.exec('COMMIT')
    },
    commit(fileHash) {
      let removed = 0
      for (const old of s.sourceArticles.all(sourcePath)) {
        if (seen.has(old.id)) continue
        forgetArticleNames(db, old.pk, namesOf)
        unindexArticle(s, old.pk)
        s.deleteArticle.run(old.pk)
        removed++
      }
      s.upsertSource.run(sourcePath, fileHash, seen.size, now)
      db.exec('COMMIT')
      return { removed }
    },
    rollback() {
      if (db.inTransaction) db.exec('ROLLBACK')
    },
  }
}

/** An article's column values, named as the INSERT's parameters (both stores write the same row). */
export function toArticleParams(a: ArticleInput, sourcePath: string, order: number, now: string) {
  return {
    id: a.id,
    paper: a.paper ?? '',
    paperInferred: a.paperInferred ? 1 : 0,
    issueDate: a.issueDate ?? null,
    dateInferred: a.dateInferred ? 1 : 0,
    page: a.page ?? null,
    title: a.title,
    subtitle: a.subtitle ?? null,
    introTitle: a.introTitle ?? null,
    section: a.section ?? null,
    dateline: a.dateline ?? null,
    byline: a.byline ?? null,
    reporters: JSON.stringify(a.reporters),
    correspondents: JSON.stringify(a.correspondents),
    text: a.text,
    url: a.url ?? null,
    eventDate: a.eventDate ?? null,
    uncertain: JSON.stringify(a.uncertain ?? []),
    region: a.region ? JSON.stringify(a.region) : null,
    contentHash: a.contentHash,
    sourcePath,
    sourceOrder: order,
    now,
  }
}

// The body is tokenized and indexed once, at article level; passages are only stored as spans.
function indexArticle(s: Statements, pk: number, a: ArticleInput, entry: IndexEntry): void {
  a.passages.forEach((p, seq) => s.insertPassage.run(pk, seq, p.start, p.end))
  s.insertArticleFts.run(pk, entry.titleTokens, entry.bodyTokens)
}

function unindexArticle(s: Statements, pk: number): void {
  s.deletePassages.run(pk)
  s.deleteArticleFts.run(pk)
}
