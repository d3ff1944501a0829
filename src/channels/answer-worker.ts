import { answerQuestion, type AnswerResult, type Turn } from '../answer/index.js'
import { InputError } from '../errors.js'
import { createIndex, type SearchIndex } from '../retrieve/index.js'
import { openDb } from '../store/index.js'

/** One extractive question for a worker thread: plain data, so it crosses the thread boundary. */
export interface AnswerTask {
  dbPath: string
  question: string
  history: Turn[]
}

// Each worker opens its own read-only connection once and keeps it, with its term-statistics cache.
const indexes = new Map<string, SearchIndex>()

/** The answer, or why it cannot be given (a bad question, a missing database): an error's class does not survive the trip between threads. */
export type AnswerOutcome = { result: AnswerResult } | { refused: string }

/** Runs in a worker thread (see answer-pool.ts): the extractive answer, off the main event loop. */
export default async function answerInWorker(task: AnswerTask): Promise<AnswerOutcome> {
  try {
    let index = indexes.get(task.dbPath)
    if (!index) {
      index = createIndex(openDb(task.dbPath, { readonly: true }))
      indexes.set(task.dbPath, index)
    }
    return { result: await answerQuestion(index, task.question, { mode: 'extractive', history: task.history }) }
  } catch (err) {
    if (err instanceof InputError) return { refused: err.message }
    throw err
  }
}
