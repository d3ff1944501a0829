import { Piscina } from 'piscina'
import { InputError } from '../errors.js'
import type { AnswerResult, Turn } from '../answer/index.js'
import type { Config } from '../config.js'
import type { Embedder, LlmClient } from '../llm/index.js'
import type { AnswerOutcome, AnswerTask } from './answer-worker.js'

/** Extractive answers computed on worker threads, for the bot and the web page alike. */
export interface AnswerPool {
  answer(question: string, history: Turn[]): Promise<AnswerResult>
  /**
   * Has every thread answer one question, so its modules, dictionaries and connection are loaded
   * before the first reader asks (a cold thread takes a second or two); a database a thread cannot
   * open fails here, at start, not at the first question.
   */
  warm(): Promise<void>
  close(): Promise<void>
}

// Any question will do: it loads what every answer needs.
const WARM_UP_QUESTION = '经开区新闻'

// Run from source (tests, `npm run` scripts) the worker is the TypeScript file, loaded through tsx;
// built, the compiled one.
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const WORKER = new URL(FROM_SOURCE ? './answer-worker.ts' : './answer-worker.js', import.meta.url)
const WORKER_ARGV = FROM_SOURCE && !process.execArgv.includes('tsx') ? [...process.execArgv, '--import', 'tsx'] : process.execArgv

/**
 * A pool of `threads` workers, each with its own read-only connection to the database. An extractive
 * answer is tens of milliseconds of CPU on a large store: on the main thread it holds up every other
 * chat's reply and the digest sender; here it runs beside them, one per core.
 */
export function createAnswerPool(dbPath: string, threads: number): AnswerPool {
  // stricterFIFO: by default a task that finds every thread busy when a thread frees up is put back at
  // the tail of the queue, so under load some questions wait behind many asked after them (p95 at
  // 50 askers ≈ 2× p50); with it the queue is first in, first out.
  const pool = new Piscina<AnswerTask, AnswerOutcome>({ filename: WORKER.href, minThreads: threads, maxThreads: threads, execArgv: WORKER_ARGV, stricterFIFO: true })
  return {
    answer: async (question, history) => {
      const outcome = await pool.run({ dbPath, question, history })
      if ('refused' in outcome) throw new InputError(outcome.refused)
      return outcome.result
    },
    // Tasks run one per thread at a time, so as many at once as there are threads reach every thread.
    warm: async () => {
      const outcomes = await Promise.all(Array.from({ length: threads }, () => pool.run({ dbPath, question: WARM_UP_QUESTION, history: [] })))
      const refused = outcomes.find((o) => 'refused' in o)
      if (refused && 'refused' in refused) throw new InputError(refused.refused)
    },
    close: () => pool.destroy(),
  }
}

/**
 * The pool `bot` and `serve` answer through, or null to answer on the main thread: with a model or
 * an embeddings endpoint configured, answering waits on the network rather than the CPU, and
 * NEWSBOT_ANSWER_THREADS=0 turns the pool off.
 */
export function answerPoolFor(config: Config, dbPath: string, models: { llm: LlmClient | null; embedder: Embedder | null }): AnswerPool | null {
  if (config.answerThreads === 0 || models.llm || models.embedder) return null
  return createAnswerPool(dbPath, config.answerThreads)
}
