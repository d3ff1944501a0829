import { statementCache, type Db } from './db.js'

// Counting through MATCH reads only the term's posting list; an fts5vocab lookup was up to 10× slower
// for common tokens.
const statements = statementCache((db) => ({
  docs: db.prepare<[string], number>('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck(),
  total: db.prepare<[], number>('SELECT count(*) FROM articles').pluck(),
  // Changes when another connection commits / when this one writes: the cache below is then stale.
  dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  ownChanges: db.prepare<[], number>('SELECT total_changes()').pluck(),
}))

interface DocCountCache {
  dataVersion: number
  ownChanges: number
  countedAt: number
  total: number
  docs: Map<string, number>
}

// Counting a common token's documents walks its whole posting list, and questions reuse the same
// common tokens, so counts are kept per connection until the database changes. A change this
// connection made refreshes them at once; changes by another process (an ingest committing a batch
// every 100 ms while the bot answers) at most this often: recounting on every question stalled the
// bot's event loop, and an IDF a few seconds old ranks the same.
const OTHERS_CHANGES_REFRESH_MS = 10_000

const caches = new WeakMap<Db, DocCountCache>()

function cacheFor(db: Db): DocCountCache {
  const s = statements(db)
  const dataVersion = s.dataVersion.get() ?? 0
  const ownChanges = s.ownChanges.get() ?? 0
  const now = Date.now()
  const cache = caches.get(db)
  const fresh =
    cache !== undefined &&
    cache.ownChanges === ownChanges &&
    (cache.dataVersion === dataVersion || now - cache.countedAt < OTHERS_CHANGES_REFRESH_MS)
  if (fresh) return cache
  const next = { dataVersion, ownChanges, countedAt: now, total: s.total.get() ?? 0, docs: new Map<string, number>() }
  caches.set(db, next)
  return next
}

/**
 * How many articles contain each index token, or each phrase of tokens (space-joined), and how many
 * articles there are: the inputs of an IDF.
 */
export function getTermDocCounts(db: Db, tokens: Iterable<string>): { total: number; docs: Map<string, number> } {
  const s = statements(db)
  const cache = cacheFor(db)
  const docs = new Map<string, number>()
  for (const t of tokens) {
    let n = cache.docs.get(t)
    if (n === undefined) {
      n = s.docs.get(`"${t.replaceAll('"', '""')}"`) ?? 0
      cache.docs.set(t, n)
    }
    docs.set(t, n)
  }
  return { total: cache.total, docs }
}
