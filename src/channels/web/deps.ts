import { dirname, join, resolve } from 'node:path'
import { answerQuestion, CONVERSATION, type AnswerResult, type Turn } from '../../answer/index.js'
import type { Config } from '../../config.js'
import { buildDigest, createDigestCache, createDigestSummarizer, localDay, type Digest } from '../../digest/index.js'
import type { Embedder, LlmClient } from '../../llm/index.js'
import { createIndex, createQuestionIndex, createStoreWriter, type QuestionIndex, type SearchHit, type StoreWriter } from '../../retrieve/index.js'
import { createSqliteStore, writeWhenFree, type Db, type Store } from '../../store/index.js'
import type { AnswerPool } from '../answer-pool.js'

/** What the operator console needs; absent when NEWSBOT_ADMIN_PASSWORD is unset (the console is off). */
export interface AdminSettings {
  password: string
  /** Questions against the store: the nearest headlines of unanswered questions. */
  index: QuestionIndex
  /** Uploads, corrections and deletions, written through the store (the SQLite file or PostgreSQL). */
  writer: StoreWriter
  /**
   * Where uploaded files are kept, so a file uploaded again under its name replaces its articles: beside
   * the SQLite file, or on PostgreSQL in NEWSBOT_DB's folder (give every replica the same path).
   */
  uploadDir: string
  /** Days the question log is kept (NEWSBOT_RETENTION_DAYS). */
  retentionDays: number
  timezone: string
  now?: () => number
}

/** What the web channel needs from the stages before it; built once by `newsbot serve` and by tests alike. */
export interface WebDeps {
  /** Where readers' pages, the health check and the console read: the SQLite file or PostgreSQL. */
  store: Store
  ask: (question: string, history: Turn[], onToken?: (token: string) => void) => Promise<AnswerResult>
  search: (query: string, k: number) => Promise<SearchHit[]>
  digest: (date?: string) => Promise<Digest>
  /** Questions plus searches one client address may make a minute (Infinity: no limit). */
  perMinute: number
  /**
   * Where each address's requests are counted, so that every replica shares one limit: the PostgreSQL
   * store. Absent, this process counts them (SQLite: one `serve` per file, whose connection is read-only
   * without the console and, with it, may be inside an upload's write transaction).
   */
  rates?: Pick<Store, 'takeAddressRate'>
  /** The origins that may frame /embed ('*': any); every other page refuses to be framed. */
  embedOrigins: string[]
  /** Where unexpected errors go (the page shows one Chinese sentence, never the detail). */
  onError?: (err: unknown) => void
  admin?: AdminSettings
}

/**
 * The production wiring: the configured answerer, retriever and digest, over one database (a SQLite
 * file, or a PostgreSQL store). With the console on (a SQLite database is then opened for writing)
 * the questions are logged for it, as the bot does.
 */
export function createWebDeps(
  source: Db | Store,
  config: Config,
  models: { llm: LlmClient | null; embedder: Embedder | null; pool?: AnswerPool | null },
  onError?: (err: unknown) => void,
): WebDeps {
  // One summarizer for every digest request, so its per-article cache is shared.
  const summarize = createDigestSummarizer(config.llm, onError)
  const db = 'backend' in source ? null : source
  const store = db ? createSqliteStore(db) : (source as Store)
  const newestDigest = createDigestCache(store, summarize)
  const index = db ? createIndex(db) : createQuestionIndex(store)
  const logs = db ? !db.readonly : Boolean(config.web.adminPassword)
  const log = (question: string, r: AnswerResult, started: number) =>
    writeWhenFree(() => store.logQuestion({
      askedAt: new Date(started).toISOString(), askedDay: localDay(started, config.timezone), chatType: 'web', question,
      mode: r.mode, abstained: r.abstained, citations: r.citations.length, ms: Date.now() - started,
    }), (err) => onError?.(err))
  return {
    store,
    ask: async (question, history, onToken) => {
      const started = Date.now()
      const turns = history.slice(-CONVERSATION.turns)
      const r = models.pool
        ? await models.pool.answer(question, turns)
        : await answerQuestion(index, question, { llm: models.llm, embedder: models.embedder, history: turns, onToken })
      // Awaited (one write, not its retries) so the console shows a question once its answer is back.
      if (logs) await log(question, r, started)
      return r
    },
    search: async (query, k) => (await index.searchWithEmbedder(query, { k, embedder: models.embedder })).hits,
    // The newest digest is on every reader's home page: built once per state of the store.
    digest: (date) => (date ? buildDigest(store, { date, summarize }) : newestDigest()),
    perMinute: config.web.perMinute,
    ...(!db && { rates: store }),
    embedOrigins: config.web.embedOrigins,
    onError,
    ...(config.web.adminPassword && {
      admin: {
        password: config.web.adminPassword,
        index,
        writer: createStoreWriter(store),
        uploadDir: join(dirname(db ? db.name : resolve(config.db)), 'uploads'),
        retentionDays: config.telegram.retentionDays,
        timezone: config.timezone,
      },
    }),
  }
}
