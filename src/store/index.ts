export { openDb, type Db, type OpenDbOptions } from './db.js'
export { isBusy, toDbError } from './db-errors.js'
export { IngestInterrupted, lockForWrite, writeWhenFree } from './write-lock.js'
export { migrate, listMigrations } from './migrate.js'
export type { IndexedArticle, IndexEntry } from './article-write.js'
export { correctArticle, deleteArticle, type ArticleCorrection } from './article-edit.js'
export { countArticles, getArticle, setArticleOrigin, getArticleByPk, listArticles, listIssueArticles, type Article, type ArticleSummary } from './articles.js'
export { getStoreStats, getSourceRecord, type StoreStats } from './stats.js'
export { writeSources, type IngestSummary, type WriteSourcesOptions } from './source-write.js'
export { getTermDocCounts } from './term-stats.js'
export { getLearnedNameCounts, type ExtractNames } from './learned-names.js'
export {
  getArticleTexts,
  getNewestIssueDate,
  getPassageSpans,
  matchArticles,
  matchArticleTexts,
  toMatchExpression,
  type ArticleMatch,
  type ArticleMatchText,
  type ArticleText,
  type PassageSpan,
  type SearchFilters,
} from './search.js'
export { listChatTurns, saveChatTurn, type ChatTurn, type CitedSource } from './chats.js'
export { forgetChat, pruneConversations, type Forgotten } from './privacy.js'
export { countQuestionsOn, listQuestionLog, listUnansweredQuestions, logQuestion, type LoggedQuestion, type QuestionCounts } from './questions.js'
export { deleteSubscription, getSubscription, listActiveSubscriptions, listSubscriptions, pauseSubscription, saveSubscription, type Subscription, type SubscriptionChange } from './subscriptions.js'
export {
  claimSend, countSendStates, getLastDigestIssue, getLastDigestIssues, getSendRecord, listSendRecords,
  markInterruptedSends, pruneSendLog, recordSkipped, releaseSend, settleSend, type SendRecord, type SendState,
} from './send-log.js'
export { listIssueDates } from './issues.js'
export { countPendingPassages, getHitArticles, listPendingPassages, loadEmbeddingMatrix, saveEmbeddings, type EmbeddingMatrix, type HitArticle, type PassageVector, type PendingPassage } from './embeddings.js'
export { createFetchedPages } from './fetched-pages.js'
export { claimUpdate, finishInterruptedReplies, finishUpdate, hasEarlierUnfinished, listOrphanedUpdates, markReplying, pruneSeenUpdates, type OrphanedUpdate, type UpdateClaim, type UpdateClaimRequest } from './seen-updates.js'
export { beatHolder, endHolder } from './holders.js'
export type { SendClaim, SendOutcome, Store } from './store.js'
export type { AddressRateRequest, AddressRateTake, QuotaRequest, QuotaTake } from './quotas.js'
export { createSqliteStore } from './sqlite-store.js'
export { openStore } from './open-store.js'
export { isPostgresUrl, openPostgresStore } from './postgres/index.js'
export { CountMismatch, describeMismatch, migrateStore, type IndexTokensOf, type TableCount } from './migrate-store.js'
export { describeUrl } from './postgres/index.js'
