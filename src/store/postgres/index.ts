import type { Store } from '../store.js'
import { countArticles, getArticle, getArticleByPk, getNewestIssueDate, getStoreStats, listArticles, listIssueArticles, listIssueDates } from './articles.js'
import { correctArticle, deleteArticle, setArticleOrigin } from './article-edit.js'
import { countQuestionsOn, forgetChat, listChatTurns, listQuestionLog, listUnansweredQuestions, logQuestion, pruneConversations, recordAnswer } from './conversations.js'
import { getFetchedPage, saveFetchedPage } from './fetched-pages.js'
import { pruneQuotaTakes, takeAddressRate, takeQuota } from './quotas.js'
import { countPendingPassages, getHitArticles, listPendingPassages, loadEmbeddingMatrix, saveEmbeddings } from './embeddings.js'
import { migratePostgres } from './migrate.js'
import { createPool, toPgError, type Pool } from './pool.js'
import { getArticleTexts, getLearnedNameCounts, getPassageSpans, getTermDocCounts, matchArticles, matchArticleTexts } from './search.js'
import { beatHolder, endHolder } from './holders.js'
import { claimUpdate, finishInterruptedReplies, finishUpdate, hasEarlierUnfinished, listOrphanedUpdates, markReplying, pruneSeenUpdates } from './seen-updates.js'
import {
  claimSend, countSendStates, getLastDigestIssue, getLastDigestIssues, getSendRecord, listSendRecords,
  markInterruptedSends, pruneSendLog, recordSkipped, releaseSend, settleSend,
} from './send-log.js'
import { writeSources } from './source-write.js'
import { deleteSubscription, getSubscription, listActiveSubscriptions, listSubscriptions, pauseSubscription, saveSubscription } from './subscriptions.js'

export { createPool, describeUrl, inTransaction, toPgError, type Pool } from './pool.js'
export { migratePostgres } from './migrate.js'

/** Whether a --db value or NEWSBOT_DATABASE_URL names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/**
 * Opens the PostgreSQL store: a pool, the schema brought up to date. An unreachable server is an
 * UpstreamError naming it, at open and on any later query.
 */
export async function openPostgresStore(url: string, opts: { poolSize?: number } = {}): Promise<Store> {
  const pool = createPool(url, opts.poolSize)
  try {
    await migratePostgres(pool)
  } catch (err) {
    await pool.end()
    throw toPgError(err, url)
  }
  return withErrors(createPostgresStore(pool), url)
}

/** The store's functions over a pool whose schema is current. */
export function createPostgresStore(pool: Pool): Store {
  return {
    backend: 'postgres',
    writeSources: (list, opts) => writeSources(pool, list, opts),
    getArticle: (id) => getArticle(pool, id),
    listArticles: (opts) => listArticles(pool, opts),
    countArticles: () => countArticles(pool),
    getArticleByPk: (pk) => getArticleByPk(pool, pk),
    getStoreStats: () => getStoreStats(pool),
    setArticleOrigin: (which, to) => setArticleOrigin(pool, which, to),
    correctArticle: (id, change, reindex, namesOf) => correctArticle(pool, id, change, reindex, namesOf),
    deleteArticle: (id, namesOf) => deleteArticle(pool, id, namesOf),
    getFetchedPage: (url) => getFetchedPage(pool, url),
    saveFetchedPage: (url, page) => saveFetchedPage(pool, url, page),
    listChatTurns: (chatId, opts) => listChatTurns(pool, chatId, opts),
    recordAnswer: (chatId, turn, keep, question) => recordAnswer(pool, chatId, turn, keep, question),
    logQuestion: (question) => logQuestion(pool, question),
    countQuestionsOn: (day) => countQuestionsOn(pool, day),
    listUnansweredQuestions: (limit) => listUnansweredQuestions(pool, limit),
    listQuestionLog: (limit) => listQuestionLog(pool, limit),
    forgetChat: (chatId) => forgetChat(pool, chatId),
    pruneConversations: (before) => pruneConversations(pool, before),
    pruneSeenUpdates: (before) => pruneSeenUpdates(pool, before),
    takeQuota: (request) => takeQuota(pool, request),
    pruneQuotaTakes: (before) => pruneQuotaTakes(pool, before),
    takeAddressRate: (request) => takeAddressRate(pool, request),
    listIssueDates: (opts) => listIssueDates(pool, opts),
    listIssueArticles: (date) => listIssueArticles(pool, date),
    getNewestIssueDate: () => getNewestIssueDate(pool),
    matchArticles: (phrases, filters, limit) => matchArticles(pool, phrases, filters, limit),
    getTermDocCounts: async (phrases) => {
      const { total, docs } = await getTermDocCounts(pool, phrases)
      return { total, docs }
    },
    getArticleTexts: (pks) => getArticleTexts(pool, pks),
    matchArticleTexts: (phrases, filters, limit) => matchArticleTexts(pool, phrases, filters, limit),
    getPassageSpans: (pks) => getPassageSpans(pool, pks),
    getLearnedNameCounts: (names) => getLearnedNameCounts(pool, names),
    countPendingPassages: (model) => countPendingPassages(pool, model),
    listPendingPassages: (model, after, limit) => listPendingPassages(pool, model, after, limit),
    saveEmbeddings: (model, batch) => saveEmbeddings(pool, model, batch),
    loadEmbeddingMatrix: (model) => loadEmbeddingMatrix(pool, model),
    getHitArticles: (pks) => getHitArticles(pool, pks),
    getSubscription: (chatId) => getSubscription(pool, chatId),
    listSubscriptions: () => listSubscriptions(pool),
    listActiveSubscriptions: () => listActiveSubscriptions(pool),
    saveSubscription: (chatId, change, now) => saveSubscription(pool, chatId, change, now),
    pauseSubscription: (chatId, reason, now) => pauseSubscription(pool, chatId, reason, now),
    deleteSubscription: (chatId) => deleteSubscription(pool, chatId),
    claimSend: (claim) => claimSend(pool, claim),
    recordSkipped: (chatId, day, issueDate, now) => recordSkipped(pool, chatId, day, issueDate, now),
    settleSend: (chatId, day, outcome, now) => settleSend(pool, chatId, day, outcome, now),
    releaseSend: (chatId, day) => releaseSend(pool, chatId, day),
    markInterruptedSends: (now, leaseMs) => markInterruptedSends(pool, now, leaseMs),
    beatHolder: (holder, now) => beatHolder(pool, holder, now),
    endHolder: (holder) => endHolder(pool, holder),
    getSendRecord: (chatId, day) => getSendRecord(pool, chatId, day),
    listSendRecords: (fromDay) => listSendRecords(pool, fromDay),
    pruneSendLog: (beforeDay) => pruneSendLog(pool, beforeDay),
    getLastDigestIssue: (chatId) => getLastDigestIssue(pool, chatId),
    getLastDigestIssues: (chatIds) => getLastDigestIssues(pool, chatIds),
    countSendStates: (day) => countSendStates(pool, day),
    claimUpdate: (request) => claimUpdate(pool, request),
    hasEarlierUnfinished: (chatId, updateId, now, leaseMs) => hasEarlierUnfinished(pool, chatId, updateId, now, leaseMs),
    markReplying: (updateId, now) => markReplying(pool, updateId, now),
    finishUpdate: (updateId, now) => finishUpdate(pool, updateId, now),
    finishInterruptedReplies: (now, leaseMs) => finishInterruptedReplies(pool, now, leaseMs),
    listOrphanedUpdates: (now, leaseMs, limit) => listOrphanedUpdates(pool, now, leaseMs, limit),
    close: () => pool.end(),
  }
}

// Every function reports a lost server the same way as opening does.
function withErrors(store: Store, url: string): Store {
  const wrapped = Object.entries(store).map(([name, value]) => [
    name,
    typeof value === 'function'
      ? (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => Promise.reject(toPgError(err, url)))
      : value,
  ])
  return Object.fromEntries(wrapped) as Store
}
