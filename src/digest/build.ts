import { createSqliteStore, type Article, type Db, type Store } from '../store/index.js'
import { areaOf, OTHER_AREA } from './area.js'
import { displayTitle, normalizeText } from './lead.js'
import { mapPool } from './pool.js'
import { leadSummarizer, type Summarizer } from './summarize.js'
import type { Digest, DigestFilter, DigestItem, DigestSection } from './types.js'

/** Articles shorter than this (after cleaning) are stray headlines or bylines, not reports. */
const MIN_ARTICLE_CHARS = 30
// A subscriber who missed several issues gets the newest few, not an archive.
const MAX_DAYS = 3
const SUMMARY_CONCURRENCY = 4

/** What a digest reads: the store, or an open SQLite database (read through the same store functions). */
export type DigestSource = Store | Db

export function digestStore(source: DigestSource): Store {
  return 'backend' in source ? source : createSqliteStore(source)
}

export interface BuildOptions {
  /** One issue date; default: the newest, or every date after `after` (up to MAX_DAYS). */
  date?: string
  /** The newest issue date a subscriber already had; only later issues are included. */
  after?: string | null
  summarize?: Summarizer
}

/**
 * The digest of an issue date, or of the issues after `after`: every report, summarised, grouped by
 * area (biggest first, 其他 last). Reads the store at call time, so a newly ingested issue counts.
 */
export async function buildDigest(source: DigestSource, opts: BuildOptions = {}): Promise<Digest> {
  const store = digestStore(source)
  const dates = opts.date ? [opts.date] : await store.listIssueDates({ after: opts.after, limit: opts.after ? MAX_DAYS : 1 })
  const articles = (await Promise.all(dates.map((d) => store.listIssueArticles(d)))).flat().filter(isReport)
  const summarize = opts.summarize ?? leadSummarizer
  const items = await mapPool(articles, SUMMARY_CONCURRENCY, async (a): Promise<DigestItem> => ({
    id: a.id,
    title: displayTitle(a),
    summary: await summarize(a),
    paper: a.paper,
    date: a.date,
    area: areaOf({ paper: a.paper, title: normalizeText(a.title), text: normalizeText(a.text) }),
  }))
  return { date: dates[0] ?? null, dates, sections: groupByArea(items) }
}

/** Items grouped under their area, largest group first, 其他 last; items keep their page order. */
export function groupByArea(items: DigestItem[]): DigestSection[] {
  const groups = new Map<string, DigestItem[]>()
  for (const item of items) groups.set(item.area, [...(groups.get(item.area) ?? []), item])
  const rank = (s: DigestSection) => (s.heading === OTHER_AREA ? -1 : s.items.length)
  return [...groups].map(([heading, list]) => ({ heading, items: list })).sort((a, b) => rank(b) - rank(a))
}

/** The part of a digest a subscriber asked for: their areas, and items mentioning their topic. */
export function filterDigest(digest: Digest, filter: DigestFilter, textOf?: (id: string) => string): Digest {
  const areas = filter.areas ?? []
  const topic = filter.topic?.trim()
  const keep = (item: DigestItem) =>
    (areas.length === 0 || areas.includes(item.area)) &&
    (!topic || `${item.title}${item.summary}${textOf?.(item.id) ?? ''}`.includes(topic))
  const sections = digest.sections
    .map((s) => ({ heading: s.heading, items: s.items.filter(keep) }))
    .filter((s) => s.items.length > 0)
  return { ...digest, sections }
}

/** Number of items in a digest. */
export function countItems(digest: Digest): number {
  return digest.sections.reduce((n, s) => n + s.items.length, 0)
}

function isReport(a: Article): boolean {
  return Array.from(normalizeText(a.text)).length >= MIN_ARTICLE_CHARS
}
