import { statementCache, type Db } from './db.js'

/** A question the bot answered (or abstained on): the chat it came from, not the user. */
export interface LoggedQuestion {
  /** The chat that asked, so /forget can delete it; absent for channels without chats (web, CLI). */
  chatId?: number
  /** ISO 8601 instant. */
  askedAt: string
  /** The local calendar day, YYYY-MM-DD, in the operator's time zone. */
  askedDay: string
  chatType: string
  question: string
  mode: string
  abstained: boolean
  citations: number
  ms: number
}

export interface QuestionCounts {
  asked: number
  abstained: number
}

const statements = statementCache((db) => ({
  insert: db.prepare<[number | null, string, string, string, string, string, number, number, number]>(
    `INSERT INTO question_log (chat_id, asked_at, asked_day, chat_type, question, mode, abstained, citations, ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  countDay: db.prepare<[string], QuestionCounts>(
    'SELECT count(*) AS asked, coalesce(sum(abstained), 0) AS abstained FROM question_log WHERE asked_day = ?',
  ),
  recent: db.prepare<[number], Omit<LoggedQuestion, 'abstained'> & { abstained: number }>(
    `SELECT asked_at AS askedAt, asked_day AS askedDay, chat_type AS chatType, question, mode, abstained, citations, ms
     FROM question_log ORDER BY id DESC LIMIT ?`,
  ),
  unanswered: db.prepare<[number], { question: string; askedDay: string }>(
    'SELECT question, asked_day AS askedDay FROM question_log WHERE abstained = 1 ORDER BY id DESC LIMIT ?',
  ),
}))

export function logQuestion(db: Db, q: LoggedQuestion): void {
  statements(db).insert.run(q.chatId ?? null, q.askedAt, q.askedDay, q.chatType, q.question, q.mode, q.abstained ? 1 : 0, q.citations, q.ms)
}

/** How many questions were asked on a local day, and how many of them newsbot could not answer. */
export function countQuestionsOn(db: Db, day: string): QuestionCounts {
  return statements(db).countDay.get(day) ?? { asked: 0, abstained: 0 }
}

/** The newest questions newsbot abstained on, newest first: what readers want that the bulletins lack. */
export function listUnansweredQuestions(db: Db, limit = 20): { question: string; askedDay: string }[] {
  return statements(db).unanswered.all(limit)
}

/** The newest logged questions, newest first (the log keeps NEWSBOT_RETENTION_DAYS days). */
export function listQuestionLog(db: Db, limit = 100): LoggedQuestion[] {
  return statements(db).recent.all(limit).map((q) => ({ ...q, abstained: Boolean(q.abstained) }))
}
