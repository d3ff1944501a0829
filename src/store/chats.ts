import { statementCache, type Db } from './db.js'

/** A source an answer cited, as a chat remembers it for /sources and /source N. */
export interface CitedSource {
  n: number
  id: string
  title: string
  paper: string
  date: string | null
}

/** One question and its answer in a chat. */
export interface ChatTurn {
  question: string
  /** The standalone form the question was searched as. */
  searched: string
  answer: string
  citations: CitedSource[]
  /** ISO 8601 instant. */
  createdAt: string
}

export interface TurnRow {
  question: string
  searched: string
  answer: string
  citations: string
  created_at: string
}

const statements = statementCache((db) => ({
  insert: db.prepare<[number, string, string, string, string, string]>(
    'INSERT INTO chat_turns (chat_id, question, searched, answer, citations, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  prune: db.prepare<[number, number, number]>(
    `DELETE FROM chat_turns WHERE chat_id = ? AND id <= (
       SELECT id FROM chat_turns WHERE chat_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
  ),
  recent: db.prepare<[number, string, number], TurnRow>(
    `SELECT question, searched, answer, citations, created_at FROM chat_turns
     WHERE chat_id = ? AND created_at >= ? ORDER BY id DESC LIMIT ?`,
  ),
}))

/**
 * Records a turn and forgets the chat's turns beyond the newest `keep`: a chat remembers only what
 * a follow-up reads (the caller's conversation rules), and the rest expires with the retention period.
 */
export function saveChatTurn(db: Db, chatId: number, turn: ChatTurn, keep: number): void {
  const s = statements(db)
  db.transaction(() => {
    s.insert.run(chatId, turn.question, turn.searched, turn.answer, JSON.stringify(turn.citations), turn.createdAt)
    s.prune.run(chatId, chatId, keep)
  })()
}

/** The chat's newest turns since `since` (ISO instant), oldest first, at most `limit` (default: all kept). */
export function listChatTurns(db: Db, chatId: number, opts: { since?: string; limit?: number } = {}): ChatTurn[] {
  const rows = statements(db).recent.all(chatId, opts.since ?? '', opts.limit ?? -1)
  return rows.reverse().map(toChatTurn)
}

/** A chat_turns row as the answerers read it (both stores keep the citations as JSON text). */
export function toChatTurn(r: TurnRow): ChatTurn {
  return { question: r.question, searched: r.searched, answer: r.answer, citations: JSON.parse(r.citations) as CitedSource[], createdAt: r.created_at }
}
