import { creditColumn } from './credit.js'
import { statementCache, type Db } from './db.js'

/** A passage still without a vector for a model: its headline and its own text. */
export interface PendingPassage {
  passagePk: number
  title: string
  text: string
}

/** One passage's vector, ready to save. */
export interface PassageVector {
  passagePk: number
  vector: ArrayLike<number>
}

/**
 * Every stored vector of one model as one row-major matrix (unit-length rows), with the passage
 * each row belongs to: its article and its span in the article's text.
 */
export interface EmbeddingMatrix {
  dims: number
  rows: number
  matrix: Float32Array
  articlePks: Int32Array
  starts: Int32Array
  ends: Int32Array
}

/** What a hit is built from: an article's identity, its text and its passages' spans. */
export interface HitArticle {
  pk: number
  id: string
  title: string
  paper: string
  date: string | null
  text: string
  byline: string | null
}

const statements = statementCache((db) => ({
  // Keyset paging (pk > after) keeps each batch O(batch) however many passages are already done.
  pending: db.prepare<
    { model: string; after: number; limit: number },
    { pk: number; start: number; end: number; title: string; text: string }
  >(
    `SELECT p.pk, p.start, p.end, a.title, a.text FROM passages p JOIN articles a ON a.pk = p.article_pk
     WHERE p.pk > @after
       AND NOT EXISTS (SELECT 1 FROM passage_embeddings e WHERE e.passage_pk = p.pk AND e.model = @model)
     ORDER BY p.pk LIMIT @limit`,
  ),
  countPending: db
    .prepare<[string], number>(
      `SELECT count(*) FROM passages p
       WHERE NOT EXISTS (SELECT 1 FROM passage_embeddings e WHERE e.passage_pk = p.pk AND e.model = ?)`,
    )
    .pluck(),
  // A passage deleted by a concurrent re-ingest since it was listed is skipped, not an error.
  save: db.prepare<{ pk: number; model: string; dims: number; vector: Buffer }>(
    `INSERT OR REPLACE INTO passage_embeddings (passage_pk, model, dims, vector)
     SELECT @pk, @model, @dims, @vector WHERE EXISTS (SELECT 1 FROM passages WHERE pk = @pk)`,
  ),
  version: db.prepare<[string], number>('SELECT version FROM embedding_versions WHERE model = ?').pluck(),
  all: db.prepare<[string], { articlePk: number; start: number; end: number; dims: number; vector: Buffer }>(
    `SELECT p.article_pk AS articlePk, p.start, p.end, e.dims, e.vector
     FROM passage_embeddings e JOIN passages p ON p.pk = e.passage_pk WHERE e.model = ? ORDER BY e.passage_pk`,
  ),
  articles: db.prepare<[string], HitArticle>(
    `SELECT pk, id, title, paper, issue_date AS date, text, ${creditColumn('articles')} FROM articles
     WHERE pk IN (SELECT value FROM json_each(?))`,
  ),
}))

/** The next passages (after passage pk `after`) that have no vector for `model`, in pk order. */
export function listPendingPassages(db: Db, model: string, after: number, limit: number): PendingPassage[] {
  return statements(db)
    .pending.all({ model, after, limit })
    .map((r) => ({ passagePk: r.pk, title: r.title, text: r.text.slice(r.start, r.end) }))
}

/** How many passages have no vector for `model` yet. */
export function countPendingPassages(db: Db, model: string): number {
  return statements(db).countPending.get(model) ?? 0
}

/** Saves a batch of vectors in one transaction, each normalised to unit length; returns how many were saved. */
export function saveEmbeddings(db: Db, model: string, batch: PassageVector[]): number {
  const s = statements(db)
  return db.transaction(() => {
    let saved = 0
    for (const { passagePk, vector } of batch) {
      const unit = normalise(vector)
      saved += s.save.run({ pk: passagePk, model, dims: unit.length, vector: Buffer.from(unit.buffer) }).changes
    }
    return saved
  })()
}

const matrices = new WeakMap<Db, Map<string, { version: number; value: EmbeddingMatrix }>>()

/**
 * All vectors of a model as one matrix, kept per connection and reloaded only when the model's
 * version (bumped by triggers on every insert or delete, from any process) has moved.
 */
export function loadEmbeddingMatrix(db: Db, model: string): EmbeddingMatrix {
  const s = statements(db)
  const version = s.version.get(model) ?? 0
  const byModel = matrices.get(db) ?? new Map()
  matrices.set(db, byModel)
  const cached = byModel.get(model)
  if (cached && cached.version === version) return cached.value
  const value = readMatrix(s.all.all(model))
  byModel.set(model, { version, value })
  return value
}

/** The articles behind hits, by pk. */
export function getHitArticles(db: Db, pks: number[]): Map<number, HitArticle> {
  if (pks.length === 0) return new Map()
  return new Map(statements(db).articles.all(JSON.stringify(pks)).map((a) => [a.pk, a]))
}

/** Stored rows as one matrix (both stores): rows of another width than the first are left out. */
export function readMatrix(rows: { articlePk: number; start: number; end: number; dims: number; vector: Buffer }[]): EmbeddingMatrix {
  // Rows of another width (a model whose output size changed) cannot be compared; the first row's width wins.
  const dims = rows[0]?.dims ?? 0
  const kept = rows.filter((r) => r.dims === dims && r.vector.length === dims * 4)
  const matrix = new Float32Array(kept.length * dims)
  const bytes = new Uint8Array(matrix.buffer)
  const out = { dims, rows: kept.length, matrix, articlePks: new Int32Array(kept.length), starts: new Int32Array(kept.length), ends: new Int32Array(kept.length) }
  kept.forEach((r, i) => {
    bytes.set(r.vector, i * dims * 4)
    out.articlePks[i] = r.articlePk
    out.starts[i] = r.start
    out.ends[i] = r.end
  })
  return out
}

/** A vector scaled to unit length as Float32, the form both stores keep (a dot product is then the cosine). */
export function normalise(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector)
  let norm = 0
  for (const x of out) norm += x * x
  norm = Math.sqrt(norm)
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / norm
  return out
}
