import { statementCache, type Db } from './db.js'

/** How many rows a deletion removed from each table. */
export interface Forgotten {
  turns: number
  questions: number
}

const statements = statementCache((db) => ({
  chatQuestions: db.prepare<[number]>('DELETE FROM question_log WHERE chat_id = ?'),
  chatTurns: db.prepare<[number]>('DELETE FROM chat_turns WHERE chat_id = ?'),
  oldQuestions: db.prepare<[string]>('DELETE FROM question_log WHERE asked_at < ?'),
  oldTurns: db.prepare<[string]>('DELETE FROM chat_turns WHERE created_at < ?'),
}))

/**
 * Deletes a chat's remembered turns and every question it logged (/forget). Questions logged before
 * migration 009 carry no chat id, so nothing ties them to anyone; retention removes them in time.
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
