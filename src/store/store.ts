import type { CachedPage, SourceList } from '../ingest/index.js'
import type { ArticleCorrection } from './article-edit.js'
import type { IndexedArticle, IndexEntry } from './article-write.js'
import type { Article, ArticleSummary } from './articles.js'
import type { ChatTurn } from './chats.js'
import type { EmbeddingMatrix, HitArticle, PassageVector, PendingPassage } from './embeddings.js'
import type { Forgotten } from './privacy.js'
import type { LoggedQuestion, QuestionCounts } from './questions.js'
import type { AddressRateRequest, AddressRateTake, QuotaRequest, QuotaTake } from './quotas.js'
import type { StoreStats } from './stats.js'
import type { ExtractNames } from './learned-names.js'
import type { ArticleMatch, ArticleMatchText, ArticleText, PassageSpan, SearchFilters } from './search.js'
import type { OrphanedUpdate, UpdateClaim, UpdateClaimRequest } from './seen-updates.js'
import type { SendRecord, SendState } from './send-log.js'
import type { IngestSummary } from './source-write.js'
import type { Subscription, SubscriptionChange } from './subscriptions.js'

/** What a caller of `claimSend` passes: the chat, its local day, the issue covered, and the retry budget. */
export interface SendClaim {
  chatId: number
  day: string
  issueDate: string | null
  now: number
  maxAttempts: number
  /** The round that holds the send while it is 'sending' (see `beatDigestSender`). */
  owner?: string
}

/** How a claimed send ended (see `settleSend`). */
export interface SendOutcome {
  state: 'sent' | 'failed' | 'blocked' | 'unknown'
  messageIds?: number[]
  error?: string
}

/**
 * The store as replicas need it, the same on SQLite and PostgreSQL: plain async functions over one
 * connection (SQLite) or pool (PostgreSQL), named as the synchronous SQLite functions they mirror.
 * Search takes phrases of index tokens (space-joined), never an engine's query syntax.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres'
  // === articles
  writeSources(list: SourceList<IndexedArticle>, opts: { namesOf: ExtractNames; onFile?: (path: string, index: number, total: number) => void; signal?: AbortSignal }): Promise<IngestSummary>
  getArticle(id: string): Promise<Article | undefined>
  listArticles(opts?: { date?: string; paper?: string; limit?: number; offset?: number }): Promise<ArticleSummary[]>
  countArticles(): Promise<number>
  getArticleByPk(pk: number): Promise<Article | undefined>
  getStoreStats(): Promise<StoreStats>
  // === the operator's edits (`articles --set`, the console)
  /** Sets the paper and/or issue date by hand (by id, or every article of a source file); returns how many changed. */
  setArticleOrigin(which: { ids?: string[]; source?: string }, to: { paper?: string; issueDate?: string }): Promise<number>
  /** Corrects headline, issue date or byline and re-indexes the article (`reindex`), in one transaction; undefined when no such article. */
  correctArticle(id: string, change: ArticleCorrection, reindex: (a: Article) => IndexEntry, namesOf: ExtractNames): Promise<Article | undefined>
  /** Deletes an article with its passages, index entry and the names it taught; false when no such article. */
  deleteArticle(id: string, namesOf: ExtractNames): Promise<boolean>
  /** The validators of a fetched e-paper page, so a re-fetch of an unchanged article is answered 304. */
  getFetchedPage(url: string): Promise<CachedPage | undefined>
  saveFetchedPage(url: string, page: CachedPage): Promise<void>
  // === issues, as the digest reads them
  /** Issue dates newest first (`limit`, default 1), only those after `after` when given. */
  listIssueDates(opts?: { after?: string | null; limit?: number }): Promise<string[]>
  /** Every article of one issue date, in page order. */
  listIssueArticles(date: string): Promise<Article[]>
  getNewestIssueDate(): Promise<string | null>
  // === lexical search candidates
  /** Articles matching any phrase, best first by BM25 (headline ×3); lower score is better. */
  matchArticles(phrases: string[], filters: SearchFilters, limit: number): Promise<ArticleMatch[]>
  getTermDocCounts(phrases: Iterable<string>): Promise<{ total: number; docs: Map<string, number> }>
  getArticleTexts(articlePks: number[]): Promise<Map<number, ArticleText>>
  // === what ranking reads beside the candidates
  /** matchArticles with each article's text: the pool search reranks. */
  matchArticleTexts(phrases: string[], filters: SearchFilters, limit: number): Promise<ArticleMatchText[]>
  /** The stored passages of the given articles, in text order. */
  getPassageSpans(articlePks: number[]): Promise<PassageSpan[]>
  /** How many articles each of the given names was learned from (names never seen are left out). */
  getLearnedNameCounts(names: string[]): Promise<Map<string, number>>
  // === passage vectors (dense retrieval), one set per embedding model
  /** How many passages have no vector for `model` yet. */
  countPendingPassages(model: string): Promise<number>
  /** The next passages after passage pk `after` without a vector for `model`, in pk order. */
  listPendingPassages(model: string, after: number, limit: number): Promise<PendingPassage[]>
  /** Saves vectors (normalised to unit length); a passage deleted meanwhile is skipped. Returns how many were saved. */
  saveEmbeddings(model: string, batch: PassageVector[]): Promise<number>
  /** Every vector of `model` as one matrix, cached until the model's vectors change (in any process). */
  loadEmbeddingMatrix(model: string): Promise<EmbeddingMatrix>
  /** The articles behind dense hits, by pk. */
  getHitArticles(pks: number[]): Promise<Map<number, HitArticle>>
  // === conversations and the question log (bot and web)
  /** The chat's newest turns since `since` (ISO instant), oldest first, at most `limit`. */
  listChatTurns(chatId: number, opts?: { since?: string; limit?: number }): Promise<ChatTurn[]>
  /** Keeps a chat's turn (forgetting all but its newest `keep`) and logs its question: both or neither. */
  recordAnswer(chatId: number, turn: ChatTurn, keep: number, question: LoggedQuestion): Promise<void>
  logQuestion(question: LoggedQuestion): Promise<void>
  countQuestionsOn(day: string): Promise<QuestionCounts>
  listUnansweredQuestions(limit?: number): Promise<{ question: string; askedDay: string }[]>
  /** The newest logged questions, newest first. */
  listQuestionLog(limit?: number): Promise<LoggedQuestion[]>
  /** Deletes a chat's turns and logged questions (/forget). */
  forgetChat(chatId: number): Promise<Forgotten>
  /** Deletes turns and logged questions from before `before` (ISO instant): the retention period. */
  pruneConversations(before: string): Promise<Forgotten>
  pruneSeenUpdates(before: number): Promise<number>
  // === per-user limits, shared by every process on the store
  /** Counts a user's costly request when it is within the minute's limit and the day's quota. */
  takeQuota(request: QuotaRequest): Promise<QuotaTake>
  /** Forgets requests counted before `before` (epoch ms): once a day has passed they limit no one. */
  pruneQuotaTakes(before: number): Promise<number>
  /** Counts a web request when its client address is within the minute's limit (kept apart from users' counts). */
  takeAddressRate(request: AddressRateRequest): Promise<AddressRateTake>
  // === digest subscriptions
  getSubscription(chatId: number): Promise<Subscription | undefined>
  listSubscriptions(): Promise<Subscription[]>
  listActiveSubscriptions(): Promise<Subscription[]>
  saveSubscription(chatId: number, change: SubscriptionChange, now: number): Promise<Subscription>
  pauseSubscription(chatId: number, reason: string, now: number): Promise<void>
  deleteSubscription(chatId: number): Promise<boolean>
  // === digest send log: each (chat, day) is claimed once, across processes
  claimSend(claim: SendClaim): Promise<boolean>
  recordSkipped(chatId: number, day: string, issueDate: string | null, now: number): Promise<boolean>
  settleSend(chatId: number, day: string, outcome: SendOutcome, now: number): Promise<void>
  releaseSend(chatId: number, day: string): Promise<void>
  /** Sends whose holder has not beaten for `leaseMs` (wall clock), or that have none, become 'unknown'; returns how many. */
  markInterruptedSends(now: number, leaseMs: number): Promise<number>
  getSendRecord(chatId: number, day: string): Promise<SendRecord | undefined>
  listSendRecords(fromDay: string): Promise<SendRecord[]>
  pruneSendLog(beforeDay: string): Promise<number>
  getLastDigestIssue(chatId: number): Promise<string | null>
  getLastDigestIssues(chatIds: readonly number[]): Promise<Map<number, string>>
  countSendStates(day: string): Promise<Partial<Record<SendState, number>>>
  // === holders: each process (one id per start) beats while it holds digest sends or webhook updates
  /** The process `holder` is alive at `now` (wall clock): its sends are not interrupted, its updates not taken over. */
  beatHolder(holder: string, now: number): Promise<void>
  endHolder(holder: string): Promise<void>
  // === webhook updates: each is handled by one process, and again only when its holder died
  /** 'claimed' when this process should handle the update (new, or its holder died unfinished); else 'done' or 'held'. */
  claimUpdate(request: UpdateClaimRequest): Promise<UpdateClaim>
  /** True when the chat has an earlier update claimed, unfinished and within `waitMs`: its answer is still to come. */
  hasEarlierUnfinished(chatId: number, updateId: number, now: number, waitMs: number): Promise<boolean>
  /** The update's reply is about to go out: it is never answered again, even if this process dies now. */
  markReplying(updateId: number, now: number): Promise<void>
  /** Marks a claimed update handled; it is never claimed again. */
  finishUpdate(updateId: number, now: number): Promise<void>
  /** Finishes the updates whose holder died after their reply had started going out; returns how many. */
  finishInterruptedReplies(now: number, leaseMs: number): Promise<number>
  /** Unfinished updates whose holder died before replying (no heartbeat within `leaseMs`), oldest first, with what Telegram sent. */
  listOrphanedUpdates(now: number, leaseMs: number, limit: number): Promise<OrphanedUpdate[]>
  close(): Promise<void>
}
