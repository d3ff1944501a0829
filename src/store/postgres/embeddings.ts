import { normalise, readMatrix, type EmbeddingMatrix, type HitArticle, type PassageVector, type PendingPassage } from '../embeddings.js'
import { creditColumn } from '../credit.js'
import type { Pool } from './pool.js'

// A passage deleted by a concurrent re-ingest between the EXISTS check and the insert fails the foreign key.
const FOREIGN_KEY_VIOLATION = '23503'

/** The next passages (after passage pk `after`) that have no vector for `model`, in pk order (SQLite's keyset paging). */
export async function listPendingPassages(pool: Pool, model: string, after: number, limit: number): Promise<PendingPassage[]> {
  const { rows } = await pool.query<{ pk: number; start: number; end: number; title: string; text: string }>(
    `SELECT p.pk, p.start, p."end" AS "end", a.title, a.text FROM passages p JOIN articles a ON a.pk = p.article_pk
     WHERE p.pk > $2
       AND NOT EXISTS (SELECT 1 FROM passage_embeddings e WHERE e.passage_pk = p.pk AND e.model = $1)
     ORDER BY p.pk LIMIT $3`,
    [model, after, limit],
  )
  // Spans are JavaScript string offsets, so the passage is cut here, as on SQLite.
  return rows.map((r) => ({ passagePk: r.pk, title: r.title, text: r.text.slice(r.start, r.end) }))
}

/** How many passages have no vector for `model` yet. */
export async function countPendingPassages(pool: Pool, model: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*) AS n FROM passages p
     WHERE NOT EXISTS (SELECT 1 FROM passage_embeddings e WHERE e.passage_pk = p.pk AND e.model = $1)`,
    [model],
  )
  return rows[0]?.n ?? 0
}

/**
 * Saves a batch of vectors in one statement, each normalised to unit length as Float32 (so both stores
 * hold the same numbers); a passage deleted meanwhile is skipped. Returns how many were saved.
 */
export async function saveEmbeddings(pool: Pool, model: string, batch: PassageVector[]): Promise<number> {
  const rows = batch.map(({ passagePk, vector }) => {
    const unit = normalise(vector)
    return { passage_pk: passagePk, model, dims: unit.length, vector: [...unit] }
  })
  const save = () =>
    pool.query(
      `INSERT INTO passage_embeddings (passage_pk, model, dims, vector)
       SELECT r.passage_pk, r.model, r.dims, r.vector FROM json_populate_recordset(NULL::passage_embeddings, $1::json) r
       WHERE EXISTS (SELECT 1 FROM passages p WHERE p.pk = r.passage_pk)
       ON CONFLICT (passage_pk, model) DO UPDATE SET dims = excluded.dims, vector = excluded.vector`,
      [JSON.stringify(rows)],
    )
  try {
    return (await save()).rowCount ?? 0
  } catch (err) {
    // The retry's EXISTS sees the deletion that has committed since.
    if ((err as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw err
    return (await save()).rowCount ?? 0
  }
}

interface CachedMatrix {
  version: number
  value: Promise<EmbeddingMatrix>
}

const matrices = new WeakMap<Pool, Map<string, CachedMatrix>>()

/**
 * All vectors of a model as one matrix, kept per pool and read again only when the model's version
 * (bumped by migration 009's triggers on every change, from any replica) has moved. Questions asked
 * while it loads share the one read.
 */
export async function loadEmbeddingMatrix(pool: Pool, model: string): Promise<EmbeddingMatrix> {
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM embedding_versions WHERE model = $1', [model])
  const version = rows[0]?.version ?? 0
  const byModel = matrices.get(pool) ?? new Map<string, CachedMatrix>()
  matrices.set(pool, byModel)
  const cached = byModel.get(model)
  if (cached && cached.version === version) return cached.value
  // The version is read before the vectors: a change committed in between only makes the next question read again.
  const value = readVectors(pool, model)
  byModel.set(model, { version, value })
  // A failed read is not kept: the next question tries again.
  value.catch(() => {
    if (byModel.get(model)?.value === value) byModel.delete(model)
  })
  return value
}

async function readVectors(pool: Pool, model: string): Promise<EmbeddingMatrix> {
  // array_send: the array's binary form, read below; parsing real[] as text took 4.7 s for 8,000 × 512 (bench:dense).
  const { rows } = await pool.query<{ articlePk: number; start: number; end: number; dims: number; vector: Buffer }>(
    `SELECT p.article_pk AS "articlePk", p.start, p."end" AS "end", e.dims, array_send(e.vector) AS vector
     FROM passage_embeddings e JOIN passages p ON p.pk = e.passage_pk WHERE e.model = $1 ORDER BY e.passage_pk`,
    [model],
  )
  // real[] holds exactly the Float32 values saved, so the matrix is the one SQLite builds from its BLOBs.
  return readMatrix(rows.map((r) => ({ ...r, vector: toFloat32Le(r.vector) })))
}

/**
 * A one-dimensional real[] in PostgreSQL's binary array format (ndim, null flag, element type, then
 * size and lower bound per dimension, then each element as its length and a big-endian float) as
 * little-endian Float32 bytes, SQLite's BLOB layout.
 */
function toFloat32Le(sent: Buffer): Buffer {
  const ndim = sent.readInt32BE(0)
  if (ndim === 0) return Buffer.alloc(0)
  const n = sent.readInt32BE(12)
  const first = 12 + 8 * ndim
  const out = Buffer.alloc(n * 4)
  for (let i = 0; i < n; i++) out.writeFloatLE(sent.readFloatBE(first + i * 8 + 4), i * 4)
  return out
}

/** The articles behind hits, by pk. */
export async function getHitArticles(pool: Pool, pks: number[]): Promise<Map<number, HitArticle>> {
  if (pks.length === 0) return new Map()
  const { rows } = await pool.query<HitArticle>(
    `SELECT pk, id, title, paper, issue_date AS date, text, ${creditColumn('articles')} FROM articles WHERE pk = ANY($1::int[])`,
    [pks],
  )
  return new Map(rows.map((a) => [a.pk, a]))
}
