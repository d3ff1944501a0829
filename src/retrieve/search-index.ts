import { listSources, mapArticles, SAMPLES_DIR, type ArticleInput, type PageMeta, type PoliteFetcher, type SourceList } from '../ingest/index.js'
import {
  countArticles, createSqliteStore, writeSources,
  type Db, type IndexedArticle, type IndexEntry, type IngestSummary, type Store, type WriteSourcesOptions,
} from '../store/index.js'
import { extractNameCandidates } from './names.js'
import type { Embedder } from '../llm/index.js'
import { searchWithEmbedder, type VectorReader } from './dense.js'
import { readQuestion, searchQuestion, type AnalyzedQuery, type SearchOptions, type SearchReader, type SearchResult } from './search.js'
import { tokenizeForIndex } from './tokenize.js'

export interface WriteOptions extends Omit<WriteSourcesOptions, 'namesOf'> {
  /** Overrides what a manifest says for every file (CLI flags). */
  meta?: PageMeta
  onBytes?: (read: number, total: number) => void
}

/**
 * Questions against a store of either kind: how a question is read (learned names, term statistics)
 * and ranked. What answers and the channels' question paths need.
 */
export interface QuestionIndex {
  /** The question as this store reads it (its learned names and term statistics), without searching. */
  analyze(question: string): Promise<AnalyzedQuery>
  /** Ranks articles for a question; `query` is the question as analysed, for the answerer to reuse. */
  search(question: string, opts?: SearchOptions): Promise<SearchResult>
  /**
   * The hybrid ranking when an embedder is given, else `search`; a failing embeddings endpoint costs
   * only the dense half (the lexical hits come back with a one-line notice).
   */
  searchWithEmbedder(question: string, opts: SearchOptions & { embedder?: Embedder | null }): Promise<SearchResult & { notice: string[] }>
}

/**
 * A SQLite database's search index: the one place that decides how articles are tokenised and which
 * local names they teach, both when they are written and when a question is read against them. Its
 * `write` waits for another writer of the file and says so; fetches, corrections and deletions on
 * either store go through createStoreWriter.
 */
export interface SearchIndex extends QuestionIndex {
  /** Reads files and folders (ingest) and writes their articles with their index tokens and names. */
  write(paths: string[], opts?: WriteOptions): Promise<IngestSummary>
  /** Loads the bundled samples into an empty database, so a fresh checkout answers at once. */
  loadSamplesIfEmpty(): Promise<IngestSummary | undefined>
}

export interface FetchOptions extends WriteOptions {
  fetcher: PoliteFetcher
}

export function createIndex(db: Db): SearchIndex {
  const write = (paths: string[], opts: WriteOptions = {}) => writeIndexed(db, indexSources(listSources(paths, opts)), opts)
  return {
    write,
    loadSamplesIfEmpty: async () => (countArticles(db) > 0 ? undefined : write([SAMPLES_DIR])),
    ...createQuestionIndex(createSqliteStore(db)),
  }
}

/**
 * Questions over a store: a SQLite database's (through createSqliteStore) or PostgreSQL's; dense
 * retrieval reads the store's passage vectors.
 */
export function createQuestionIndex(store: SearchReader & VectorReader): QuestionIndex {
  return {
    analyze: async (question) => (await readQuestion(store, question)).query,
    search: (question, opts) => searchQuestion(store, question, opts),
    searchWithEmbedder: (question, opts) => searchWithEmbedder(store, question, opts),
  }
}

/**
 * Reads files and folders into any store, PostgreSQL's included: each article with its index tokens and
 * names, as `SearchIndex.write` does for a SQLite database.
 */
export function writeToStore(store: Store, paths: string[], opts: WriteOptions = {}): Promise<IngestSummary> {
  return store.writeSources(indexSources(listSources(paths, opts)), { namesOf: articleNames, ...(opts.onFile && { onFile: opts.onFile }), ...(opts.signal && { signal: opts.signal }) })
}

/** The source list with every article given its index tokens and names: what the store writes. */
export function indexSources(list: SourceList<ArticleInput>): SourceList<IndexedArticle> {
  return mapArticles(list, indexArticle)
}

/**
 * Writes sources that are already indexed (see indexSources), forgetting the names of replaced
 * articles the way the index learned them.
 */
export function writeIndexed(db: Db, list: SourceList<IndexedArticle>, opts: Omit<WriteSourcesOptions, 'namesOf'> = {}): Promise<IngestSummary> {
  return writeSources(db, list, { ...opts, namesOf: articleNames })
}

function indexArticle(a: ArticleInput): IndexedArticle {
  return { ...a, index: () => indexEntry(a) }
}

/** What the index holds for an article: the tokens of headline with subtitle and of the body, and its names. */
export function indexEntry(a: { title: string; subtitle?: string | null; text: string }): IndexEntry {
  return {
    titleTokens: tokenizeForIndex([a.title, a.subtitle ?? ''].join(' ').trim()),
    bodyTokens: tokenizeForIndex(a.text),
    names: articleNames(a),
  }
}

/** The local names an article counts towards: those in its headline, subtitle and body. */
export function articleNames(a: { title: string; subtitle?: string | null; text: string }): string[] {
  return extractNameCandidates(`${a.title}\n${a.subtitle ?? ''}\n${a.text}`)
}
