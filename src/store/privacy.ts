import { statementCache, type Db } from './db.js'

/** How many rows a deletion removed from each table. */
export interface Forgotten {
  turns: number
  questions: number
}

const statements = statementCache((db) => ({
  // A chat's logged questions are the rows written with its turns: same instant, same question.
  chatQuestions: db.prepare<[number]>(
    `DELETE FROM question_log WHERE EXISTS (
       SELECT 1 FROM chat_turns t
       WHERE t.chat_id = ? AND t.created_at = question_log.asked_at AND t.question = question_log.question)`,
  ),
  chatTurns: db.prepare<[number]>('DELETE FROM chat_turns WHERE chat_id = ?'),
  oldQuestions: db.prepare<[string]>('DELETE FROM question_log WHERE asked_at < ?'),
  oldTurns: db.prepare<[string]>('DELETE FROM chat_turns WHERE created_at < ?'),
}))

/**
 * Deletes a chat's remembered turns and the logged questions written with them (/forget). Older
 * logged questions carry no chat id, so nothing ties them to anyone; retention removes them in time.
 */
export function forgetChat(db: Db, chatId: number): Forgotten {
  const s = statements(db)
  return db.transaction(() => {
    const questions = s.chatQuestions.run(chatId).changes
    const turns = s.chatTurns.run(chatId).changes
    return { turns, questions }
  })()
}

/** Deletes turns and logged questions from before `before` (ISO 8601 instant): the retention period. */
export function pruneConversations(db: Db, before: string): Forgotten {
  const s = statements(db)
  return db.transaction(() => ({ questions: s.oldQuestions.run(before).changes, turns: s.oldTurns.run(before).changes }))()
}
