import { toChatTurn, type ChatTurn, type TurnRow } from '../chats.js'
import type { Forgotten } from '../privacy.js'
import type { LoggedQuestion, QuestionCounts } from '../questions.js'
import { inTransaction, type Pool, type Queryable } from './pool.js'

// SQLite's chats.ts, questions.ts and privacy.ts, statement for statement.

/** Records a turn with its logged question, both or neither, and forgets the chat's turns beyond the newest `keep`. */
export async function recordAnswer(pool: Pool, chatId: number, turn: ChatTurn, keep: number, question: LoggedQuestion): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query(
      'INSERT INTO chat_turns (chat_id, question, searched, answer, citations, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [chatId, turn.question, turn.searched, turn.answer, JSON.stringify(turn.citations), turn.createdAt],
    )
    await c.query(
      `DELETE FROM chat_turns WHERE chat_id = $1 AND id <= (
         SELECT id FROM chat_turns WHERE chat_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`,
      [chatId, keep],
    )
    await logQuestion(c, question)
  })
}

/** The chat's newest turns since `since` (ISO instant), oldest first, at most `limit` (default: all kept). */
export async function listChatTurns(pool: Pool, chatId: number, opts: { since?: string; limit?: number } = {}): Promise<ChatTurn[]> {
  const { rows } = await pool.query<TurnRow>(
    `SELECT question, searched, answer, citations, created_at FROM chat_turns
     WHERE chat_id = $1 AND created_at >= $2 ORDER BY id DESC LIMIT $3`,
    [chatId, opts.since ?? '', opts.limit ?? null],
  )
  return rows.reverse().map(toChatTurn)
}

export async function logQuestion(db: Queryable, q: LoggedQuestion): Promise<void> {
  await db.query(
    `INSERT INTO question_log (chat_id, asked_at, asked_day, chat_type, question, mode, abstained, citations, ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [q.chatId ?? null, q.askedAt, q.askedDay, q.chatType, q.question, q.mode, q.abstained ? 1 : 0, q.citations, q.ms],
  )
}

export async function countQuestionsOn(pool: Pool, day: string): Promise<QuestionCounts> {
  const { rows } = await pool.query<{ asked: number; abstained: number }>(
    'SELECT count(*) AS asked, coalesce(sum(abstained), 0)::int AS abstained FROM question_log WHERE asked_day = $1',
    [day],
  )
  return rows[0] ?? { asked: 0, abstained: 0 }
}

export async function listUnansweredQuestions(pool: Pool, limit = 20): Promise<{ question: string; askedDay: string }[]> {
  const { rows } = await pool.query<{ question: string; askedDay: string }>(
    'SELECT question, asked_day AS "askedDay" FROM question_log WHERE abstained = 1 ORDER BY id DESC LIMIT $1',
    [limit],
  )
  return rows
}

export async function forgetChat(pool: Pool, chatId: number): Promise<Forgotten> {
  return inTransaction(pool, async (c) => {
    const questions = (await c.query('DELETE FROM question_log WHERE chat_id = $1', [chatId])).rowCount ?? 0
    const turns = (await c.query('DELETE FROM chat_turns WHERE chat_id = $1', [chatId])).rowCount ?? 0
    return { turns, questions }
  })
}

export async function pruneConversations(pool: Pool, before: string): Promise<Forgotten> {
  return inTransaction(pool, async (c) => {
    const questions = (await c.query('DELETE FROM question_log WHERE asked_at < $1', [before])).rowCount ?? 0
    const turns = (await c.query('DELETE FROM chat_turns WHERE created_at < $1', [before])).rowCount ?? 0
    return { turns, questions }
  })
}

/** The newest logged questions, newest first (the console's question log). */
export async function listQuestionLog(pool: Pool, limit = 100): Promise<LoggedQuestion[]> {
  const { rows } = await pool.query<Omit<LoggedQuestion, 'abstained'> & { abstained: number }>(
    `SELECT asked_at AS "askedAt", asked_day AS "askedDay", chat_type AS "chatType", question, mode, abstained, citations, ms
     FROM question_log ORDER BY id DESC LIMIT $1`,
    [limit],
  )
  return rows.map((q) => ({ ...q, abstained: Boolean(q.abstained) }))
}
