import { answerQuestion, CONVERSATION, type AnswerResult, type Turn } from '../../answer/index.js'
import type { Config } from '../../config.js'
import { buildDigest, createDigestSummarizer, type Digest } from '../../digest/index.js'
import type { Embedder, LlmClient } from '../../llm/index.js'
import { createIndex, type SearchHit } from '../../retrieve/index.js'
import type { Db } from '../../store/index.js'

/** What the web channel needs from the stages before it; built once by `newsbot serve` and by tests alike. */
export interface WebDeps {
  db: Db
  ask: (question: string, history: Turn[], onToken?: (token: string) => void) => Promise<AnswerResult>
  search: (query: string, k: number) => Promise<SearchHit[]>
  digest: (date?: string) => Promise<Digest>
  /** Questions plus searches one client address may make a minute (Infinity: no limit). */
  perMinute: number
  /** The origins that may frame /embed ('*': any); every other page refuses to be framed. */
  embedOrigins: string[]
  /** Where unexpected errors go (the page shows one Chinese sentence, never the detail). */
  onError?: (err: unknown) => void
}

/** The production wiring: the configured answerer, retriever and digest, over one database. */
export function createWebDeps(
  db: Db,
  config: Config,
  models: { llm: LlmClient | null; embedder: Embedder | null },
  onError?: (err: unknown) => void,
): WebDeps {
  // One summarizer for every digest request, so its per-article cache is shared.
  const summarize = createDigestSummarizer(config.llm, onError)
  const index = createIndex(db)
  return {
    db,
    ask: (question, history, onToken) =>
      answerQuestion(index, question, { llm: models.llm, embedder: models.embedder, history: history.slice(-CONVERSATION.turns), onToken }),
    search: async (query, k) => (await index.searchWithEmbedder(query, { k, embedder: models.embedder })).hits,
    digest: (date) => buildDigest(db, { date, summarize }),
    perMinute: config.web.perMinute,
    embedOrigins: config.web.embedOrigins,
    onError,
  }
}
