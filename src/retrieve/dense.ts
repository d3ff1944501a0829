import type { Embed, Embedder } from '../llm/index.js'
import { NewsbotError, UpstreamError } from '../errors.js'
import type { EmbeddingMatrix, HitArticle, PendingPassage, Store } from '../store/index.js'
import { demoteCopies } from './copies.js'
import { simplify } from './query.js'
import { clampK, searchQuestion, type SearchHit, type SearchOptions, type SearchReader, type SearchResult } from './search.js'


/** What embedding passages writes to a store (SQLite or PostgreSQL). */
export type VectorWriter = Pick<Store, 'countPendingPassages' | 'listPendingPassages' | 'saveEmbeddings'>

/** What dense retrieval reads from a store: the model's vectors and the articles they lead to. */
export type VectorReader = Pick<Store, 'loadEmbeddingMatrix' | 'getHitArticles'>

export interface EmbedPendingOptions {
  model: string
  /** Passages per request (default 32; some providers accept no more than 10). */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

/** An article found by its passages' vectors: the best passage's cosine and span. */
export interface DenseMatch {
  articlePk: number
  score: number
  passage: { start: number; end: number }
}

// Reciprocal rank fusion constant (Cormack et al. 2009): damps the difference between the very top ranks.
export const RRF_K = 60
// How deep each ranking is read before fusing.
const FUSION_POOL = 50
// Embedding models read a few hundred tokens well; a passage's head carries its topic.
const MAX_EMBED_CHARS = 1000

/**
 * Embeds every passage that has no vector for the model yet, batch by batch, each batch committed
 * on its own: after a crash or an endpoint failure a rerun sends only the passages still missing.
 */
export async function embedPending(store: VectorWriter, embed: Embed, opts: EmbedPendingOptions): Promise<{ embedded: number; total: number }> {
  const batchSize = Math.max(1, opts.batchSize ?? 32)
  const total = await store.countPendingPassages(opts.model)
  let embedded = 0
  let after = 0
  for (;;) {
    const batch = await store.listPendingPassages(opts.model, after, batchSize)
    if (batch.length === 0) break
    const vectors = await embed(batch.map(embedText))
    if (vectors.length !== batch.length) {
      throw new UpstreamError(`向量服务返回了 ${vectors.length} 个向量，应为 ${batch.length} 个`)
    }
    embedded += await store.saveEmbeddings(opts.model, batch.map((p, i) => ({ passagePk: p.passagePk, vector: vectors[i]! })))
    after = batch.at(-1)!.passagePk
    opts.onProgress?.(embedded, total)
  }
  return { embedded, total }
}

/** The text a passage is embedded as: its headline for context, then the passage. */
export function embedText(p: Pick<PendingPassage, 'title' | 'text'>): string {
  // Endpoints refuse empty input; a passage with no text at all is still marked done.
  return `${p.title}\n${p.text}`.trim().slice(0, MAX_EMBED_CHARS) || '-'
}

/** Articles whose passages lie nearest (cosine) to the query vector, best first, each with its best passage. */
export async function denseSearch(store: VectorReader, queryVector: number[], opts: { model: string; k: number }): Promise<DenseMatch[]> {
  return nearestArticles(await store.loadEmbeddingMatrix(opts.model), queryVector, opts)
}

// Every stored passage is scored (the same full scan on both stores, so both give the same hits).
function nearestArticles(m: EmbeddingMatrix, queryVector: number[], opts: { model: string; k: number }): DenseMatch[] {
  if (m.rows === 0) return []
  if (queryVector.length !== m.dims) {
    throw new UpstreamError(`查询向量为 ${queryVector.length} 维，库中 ${opts.model} 的向量为 ${m.dims} 维；更换了嵌入模型时请重新运行 ingest`)
  }
  const q = Float64Array.from(queryVector)
  let norm = 0
  for (const x of q) norm += x * x
  norm = Math.sqrt(norm) || 1
  const best = new Map<number, { row: number; score: number }>()
  for (let row = 0; row < m.rows; row++) {
    const score = dot(m.matrix, row * m.dims, q) / norm
    const article = m.articlePks[row]!
    const prev = best.get(article)
    if (!prev || score > prev.score) best.set(article, { row, score })
  }
  return [...best]
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, opts.k)
    .map(([articlePk, { row, score }]) => ({ articlePk, score, passage: { start: m.starts[row]!, end: m.ends[row]! } }))
}

// Four running sums let the engine overlap the multiplies (bench:dense, 20k × 1024: p50 51 → 29 ms).
function dot(matrix: Float32Array, base: number, q: Float64Array): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  const n = q.length
  let j = 0
  for (; j + 3 < n; j += 4) {
    s0 += matrix[base + j]! * q[j]!
    s1 += matrix[base + j + 1]! * q[j + 1]!
    s2 += matrix[base + j + 2]! * q[j + 2]!
    s3 += matrix[base + j + 3]! * q[j + 3]!
  }
  for (; j < n; j++) s0 += matrix[base + j]! * q[j]!
  return s0 + s1 + s2 + s3
}

/**
 * Lexical and dense rankings fused by reciprocal rank fusion, as SearchHit. An article the dense
 * side ranks higher leads with its nearest passage. Fails (UpstreamError) when the endpoint does;
 * the caller decides how to fall back. With no vectors stored yet, it is the lexical search.
 */
async function searchHybrid(store: SearchReader & VectorReader, query: string, opts: SearchOptions & Embedder): Promise<SearchResult> {
  const { embed, model, ...search } = opts
  const k = clampK(search.k)
  // The vectors' version check (a round trip on PostgreSQL) overlaps the lexical search.
  const [{ hits: lexical, query: analyzed }, matrix] = await Promise.all([
    searchQuestion(store, query, { ...search, k: Math.max(k, FUSION_POOL) }),
    store.loadEmbeddingMatrix(model),
  ])
  if (matrix.rows === 0 || !/[\p{L}\p{N}]/u.test(query)) return { hits: lexical.slice(0, k), query: analyzed }
  const [vector] = await embed([simplify(query).slice(0, MAX_EMBED_CHARS)])
  if (!vector) throw new UpstreamError('向量服务没有返回查询向量')
  const dense = nearestArticles(matrix, vector, { model, k: FUSION_POOL })
  const articles = await store.getHitArticles(dense.map((d) => d.articlePk))
  const denseHits = dense.flatMap((d) => {
    const a = articles.get(d.articlePk)
    return a && passesFilters(a, search) ? [{ article: a, match: d }] : []
  })
  return { hits: demoteCopies(fuse(lexical, denseHits), k, (h) => h.text), query: analyzed }
}

/**
 * The hybrid ranking when an embedder is configured, else the lexical one. A failing embeddings
 * endpoint costs only the dense half: the lexical hits come back with a one-line notice. The
 * vectors are the store's (SQLite or PostgreSQL); with none stored yet the ranking is lexical.
 */
export async function searchWithEmbedder(
  store: SearchReader & VectorReader,
  query: string,
  opts: SearchOptions & { embedder?: Embedder | null },
): Promise<SearchResult & { notice: string[] }> {
  const { embedder, ...search } = opts
  if (!embedder) return { ...(await searchQuestion(store, query, search)), notice: [] }
  try {
    return { ...(await searchHybrid(store, query, { ...search, ...embedder })), notice: [] }
  } catch (err) {
    if (!(err instanceof NewsbotError)) throw err
    return { ...(await searchQuestion(store, query, search)), notice: [`向量检索暂不可用（${err.message}），已改用关键词检索。`] }
  }
}

function fuse(lexical: SearchHit[], dense: { article: HitArticle; match: DenseMatch }[]): SearchHit[] {
  const ranks = new Map<string, { lex?: number; dense?: number; score: number }>()
  const add = (id: string, side: 'lex' | 'dense', rank: number) => {
    const r = ranks.get(id) ?? { score: 0 }
    r[side] = rank
    r.score += 1 / (RRF_K + rank + 1)
    ranks.set(id, r)
  }
  lexical.forEach((h, i) => add(h.id, 'lex', i))
  dense.forEach((d, i) => add(d.article.id, 'dense', i))
  const lexById = new Map(lexical.map((h) => [h.id, h]))
  const denseById = new Map(dense.map((d) => [d.article.id, d]))
  // Stable sort: on a tie the lexical order (inserted first) stands.
  return [...ranks]
    .sort((a, b) => b[1].score - a[1].score)
    .map(([id, r]) => {
      const lex = lexById.get(id)
      const d = denseById.get(id)
      if (lex && (!d || r.lex! <= r.dense!)) return { ...lex, score: r.score }
      return denseLed(d!, lex, r.score)
    })
}

function denseLed(d: { article: HitArticle; match: DenseMatch }, lex: SearchHit | undefined, score: number): SearchHit {
  const { article: a, match } = d
  const first = match.passage
  const rest = (lex?.passages ?? []).filter((p) => p.start !== first.start || p.end !== first.end)
  const snippet = a.text.slice(first.start, first.end)
  return { id: a.id, title: a.title, paper: a.paper, date: a.date, score, snippet, text: a.text, byline: a.byline, passages: [first, ...rest] }
}

function passesFilters(a: HitArticle, f: SearchOptions): boolean {
  if (f.exclude?.includes(a.id)) return false
  if (f.paper && a.paper !== f.paper) return false
  if (f.dateFrom && (!a.date || a.date < f.dateFrom)) return false
  if (f.dateTo && (!a.date || a.date > f.dateTo)) return false
  return true
}
