import { answerQuestion, type AnswerResult, type Turn } from '../answer/index.js'
import { InputError } from '../errors.js'
import { createIndex, createQuestionIndex, type QuestionIndex } from '../retrieve/index.js'
import { isPostgresUrl, openDb, openPostgresStore } from '../store/index.js'

/** One extractive question for a worker thread: plain data, so it crosses the thread boundary. */
export interface AnswerTask {
  /** A SQLite file, or a postgres:// URL. */
  dbPath: string
  question: string
  history: Turn[]
}

// Each worker opens its own read-only connection (SQLite) or small pool (PostgreSQL) once and keeps it.
const indexes = new Map<string, Promise<QuestionIndex>>()
// A worker answers one question at a time; two connections let a question's parallel reads overlap.
const PG_POOL_SIZE = 2

/** The answer, or why it cannot be given (a bad question, a missing database): an error's class does not survive the trip between threads. */
export type AnswerOutcome = { result: AnswerResult } | { refused: string }

/** Runs in a worker thread (see answer-pool.ts): the extractive answer, off the main event loop. */
export default async function answerInWorker(task: AnswerTask): Promise<AnswerOutcome> {
  try {
    let index = indexes.get(task.dbPath)
    if (!index) {
      index = openIndex(task.dbPath)
      indexes.set(task.dbPath, index)
      index.catch(() => indexes.delete(task.dbPath))
    }
    return { result: await answerQuestion(await index, task.question, { mode: 'extractive', history: task.history }) }
  } catch (err) {
    if (err instanceof InputError) return { refused: err.message }
    throw err
  }
}

async function openIndex(location: string): Promise<QuestionIndex> {
  if (isPostgresUrl(location)) return createQuestionIndex(await openPostgresStore(location, { poolSize: PG_POOL_SIZE }))
  return createIndex(openDb(location, { readonly: true }))
}
