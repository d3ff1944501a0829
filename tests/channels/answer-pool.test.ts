import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/index.js'
import { createAnswerPool, answerPoolFor, type AnswerPool } from '../../src/channels/answer-pool.js'
import { loadConfig } from '../../src/config.js'
import { InputError } from '../../src/errors.js'
import { createIndex } from '../../src/retrieve/index.js'
import { openDb, type Db } from '../../src/store/index.js'
let db: Db
let dbPath: string
let pool: AnswerPool
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-pool-'))
  dbPath = join(dir, 'pool.db')
  db = openDb(dbPath)
  await createIndex(db).loadSamplesIfEmpty()
  pool = createAnswerPool(dbPath, 2)
})
afterAll(async () => {
  await pool.close()
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the answer pool', () => {
  it('answers on worker threads exactly as the main thread does, follow-ups included', async () => {
    const index = createIndex(db)
    const history = [{ question: '郑大二附院周边道路在修吗', searched: '郑大二附院周边道路在修吗', answer: '在修[1]。' }]
    for (const [q, h] of [['经开区已经分配了多少套安置房？', []], ['那它什么时候完工？', history]] as const) {
      const inWorker = await pool.answer(q, [...h])
      const here = await answerQuestion(index, q, { mode: 'extractive', history: [...h] })
      expect(inWorker).toEqual(here)
    }
    expect((await pool.answer('经开区已经分配了多少套安置房？', [])).answer).toContain('3636套')
  })

  it('answers many questions at once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => pool.answer('郑大二附院周边道路什么时候通车', [])))
    expect(new Set(answers.map((a) => a.answer)).size).toBe(1)
    expect(answers[0]!.citations.length).toBeGreaterThan(0)
  })

  it('answers in the order asked when more questions wait than there are threads', async () => {
    const single = createAnswerPool(dbPath, 1)
    await single.warm()
    const done: number[] = []
    await Promise.all(Array.from({ length: 8 }, (_, i) => single.answer('经开区已经分配了多少套安置房？', []).then(() => done.push(i))))
    await single.close()
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('refuses a bad question with the same error class as the main thread', async () => {
    await expect(pool.answer('   ', [])).rejects.toBeInstanceOf(InputError)
    const missing = createAnswerPool(join(dir, 'missing.db'), 1)
    await expect(missing.answer('安置房', [])).rejects.toBeInstanceOf(InputError)
    await missing.close()
  })

  it('warms every thread before the first question, and fails then when a thread cannot open the database', async () => {
    await expect(pool.warm()).resolves.toBeUndefined()
    const missing = createAnswerPool(join(dir, 'missing.db'), 2)
    await expect(missing.warm()).rejects.toBeInstanceOf(InputError)
    await missing.close()
  })

  it('is used only for offline answers, and not when NEWSBOT_ANSWER_THREADS is 0', async () => {
    expect(answerPoolFor(loadConfig({ NEWSBOT_ANSWER_THREADS: '0' }), dbPath, { llm: null, embedder: null })).toBeNull()
    const llm = { model: 'm', structured: false, complete: async () => '', completeJson: async () => ({}) }
    expect(answerPoolFor(loadConfig({ NEWSBOT_ANSWER_THREADS: '2' }), dbPath, { llm: llm as never, embedder: null })).toBeNull()
    const offline = answerPoolFor(loadConfig({ NEWSBOT_ANSWER_THREADS: '1' }), dbPath, { llm: null, embedder: null })
    expect(offline).not.toBeNull()
    await offline!.close()
  })
})
