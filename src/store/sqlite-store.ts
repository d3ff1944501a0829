import type { Db } from './db.js'
import { correctArticle, deleteArticle } from './article-edit.js'
import { countArticles, getArticle, getArticleByPk, listArticles, listIssueArticles, setArticleOrigin } from './articles.js'
import { createFetchedPages } from './fetched-pages.js'
import { listChatTurns, saveChatTurn } from './chats.js'
import { forgetChat, pruneConversations } from './privacy.js'
import { countQuestionsOn, listQuestionLog, listUnansweredQuestions, logQuestion } from './questions.js'
import { pruneQuotaTakes, takeAddressRate, takeQuota } from './quotas.js'
import { countPendingPassages, getHitArticles, listPendingPassages, loadEmbeddingMatrix, saveEmbeddings } from './embeddings.js'
import { getStoreStats } from './stats.js'
import { listIssueDates } from './issues.js'
import { getArticleTexts, getNewestIssueDate, getPassageSpans, matchArticles, matchArticleTexts } from './search.js'
import { getLearnedNameCounts } from './learned-names.js'
import {
  claimSend, countSendStates, getLastDigestIssue, getLastDigestIssues, getSendRecord, listSendRecords,
  markInterruptedSends, pruneSendLog, recordSkipped, releaseSend, settleSend,
} from './send-log.js'
import { beatHolder, endHolder } from './holders.js'
import { claimUpdate, finishInterruptedReplies, finishUpdate, hasEarlierUnfinished, listOrphanedUpdates, markReplying, pruneSeenUpdates } from './seen-updates.js'
import { writeSources } from './source-write.js'
import type { Store } from './store.js'
import { deleteSubscription, getSubscription, listActiveSubscriptions, listSubscriptions, pauseSubscription, saveSubscription } from './subscriptions.js'
import { getTermDocCounts } from './term-stats.js'

/** The async store over an open SQLite database: each function is the synchronous one, unchanged. */
export function createSqliteStore(db: Db): Store {
  const fetchedPages = createFetchedPages(db)
  return {
    backend: 'sqlite',
    writeSources: async (list, opts) => writeSources(db, list, opts),
    getArticle: async (id) => getArticle(db, id),
    listArticles: async (opts) => listArticles(db, opts),
    countArticles: async () => countArticles(db),
    getArticleByPk: async (pk) => getArticleByPk(db, pk),
    getStoreStats: async () => getStoreStats(db),
    setArticleOrigin: async (which, to) => setArticleOrigin(db, which, to),
    correctArticle: async (id, change, reindex, namesOf) => correctArticle(db, id, change, reindex, namesOf),
    deleteArticle: async (id, namesOf) => deleteArticle(db, id, namesOf),
    getFetchedPage: async (url) => fetchedPages.get(url),
    saveFetchedPage: async (url, page) => fetchedPages.set(url, page),
    listChatTurns: async (chatId, opts) => listChatTurns(db, chatId, opts),
    recordAnswer: async (chatId, turn, keep, question) =>
      db.transaction(() => {
        saveChatTurn(db, chatId, turn, keep)
        logQuestion(db, question)
      }).immediate(),
    logQuestion: async (question) => logQuestion(db, question),
    countQuestionsOn: async (day) => countQuestionsOn(db, day),
    listUnansweredQuestions: async (limit) => listUnansweredQuestions(db, limit),
    listQuestionLog: async (limit) => listQuestionLog(db, limit),
    forgetChat: async (chatId) => forgetChat(db, chatId),
    pruneConversations: async (before) => pruneConversations(db, before),
    pruneSeenUpdates: async (before) => pruneSeenUpdates(db, before),
    takeQuota: async (request) => takeQuota(db, request),
    pruneQuotaTakes: async (before) => pruneQuotaTakes(db, before),
    takeAddressRate: async (request) => takeAddressRate(db, request),
    listIssueDates: async (opts) => listIssueDates(db, opts),
    listIssueArticles: async (date) => listIssueArticles(db, date),
    getNewestIssueDate: async () => getNewestIssueDate(db),
    matchArticles: async (phrases, filters, limit) => matchArticles(db, phrases, filters, limit),
    getTermDocCounts: async (phrases) => getTermDocCounts(db, phrases),
    getArticleTexts: async (pks) => getArticleTexts(db, pks),
    matchArticleTexts: async (phrases, filters, limit) => matchArticleTexts(db, phrases, filters, limit),
    getPassageSpans: async (pks) => getPassageSpans(db, pks),
    getLearnedNameCounts: async (names) => getLearnedNameCounts(db, names),
    countPendingPassages: async (model) => countPendingPassages(db, model),
    listPendingPassages: async (model, after, limit) => listPendingPassages(db, model, after, limit),
    saveEmbeddings: async (model, batch) => saveEmbeddings(db, model, batch),
    loadEmbeddingMatrix: async (model) => loadEmbeddingMatrix(db, model),
    getHitArticles: async (pks) => getHitArticles(db, pks),
    getSubscription: async (chatId) => getSubscription(db, chatId),
    listSubscriptions: async () => listSubscriptions(db),
    listActiveSubscriptions: async () => listActiveSubscriptions(db),
    saveSubscription: async (chatId, change, now) => saveSubscription(db, chatId, change, now),
    pauseSubscription: async (chatId, reason, now) => pauseSubscription(db, chatId, reason, now),
    deleteSubscription: async (chatId) => deleteSubscription(db, chatId),
    claimSend: async (claim) => claimSend(db, claim),
    recordSkipped: async (chatId, day, issueDate, now) => recordSkipped(db, chatId, day, issueDate, now),
    settleSend: async (chatId, day, outcome, now) => settleSend(db, chatId, day, outcome, now),
    releaseSend: async (chatId, day) => releaseSend(db, chatId, day),
    markInterruptedSends: async (now, leaseMs) => markInterruptedSends(db, now, leaseMs),
    beatHolder: async (holder, now) => beatHolder(db, holder, now),
    endHolder: async (holder) => endHolder(db, holder),
    getSendRecord: async (chatId, day) => getSendRecord(db, chatId, day),
    listSendRecords: async (fromDay) => listSendRecords(db, fromDay),
    pruneSendLog: async (beforeDay) => pruneSendLog(db, beforeDay),
    getLastDigestIssue: async (chatId) => getLastDigestIssue(db, chatId),
    getLastDigestIssues: async (chatIds) => getLastDigestIssues(db, chatIds),
    countSendStates: async (day) => countSendStates(db, day),
    claimUpdate: async (request) => claimUpdate(db, request),
    hasEarlierUnfinished: async (chatId, updateId, now, leaseMs) => hasEarlierUnfinished(db, chatId, updateId, now, leaseMs),
    markReplying: async (updateId, now) => markReplying(db, updateId, now),
    finishUpdate: async (updateId, now) => finishUpdate(db, updateId, now),
    finishInterruptedReplies: async (now, leaseMs) => finishInterruptedReplies(db, now, leaseMs),
    listOrphanedUpdates: async (now, leaseMs, limit) => listOrphanedUpdates(db, now, leaseMs, limit),
    close: async () => {
      db.close()
    },
  }
}
