// How well newsbot answers.
// --set dev (default): the dev questions over the bundled samples: expected facts found,
//   abstention on questions the samples do not answer, citation validity, answer length.
// --set crud: the CRUD-RAG test half over its 68k documents, with the baselines (see bench/answer-crud.ts).
// Usage: npm run eval:answer [-- --set dev|crud] [--split test|train|all] [--every N] [--limit N] [--mode extractive|llm|auto] [--file F] [--verbose]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { answerQuestion, type AnswerMode, type AnswerResult } from '../src/answer/index.js'
import { loadConfig } from '../src/config.js'
import { createIndex } from '../src/retrieve/index.js'
import { getArticle, openDb, type Db } from '../src/store/index.js'
import { evalCrudAnswers } from './bench/answer-crud.js'
import { printTable } from './bench/table.js'
import { createLlmClient } from '../src/llm/index.js'

const DevQuestion = z.object({
  question: z.string(),
  /** The headline of the article that answers it; null when the samples do not answer it. */
  title: z.string().nullable(),
  evidence: z.string().optional(),
  facts: z.array(z.string()).default([]),
})
type DevQuestion = z.infer<typeof DevQuestion>

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'extractive' },
    file: { type: 'string', default: join(import.meta.dirname, '../data/dev-questions.jsonl') },
    verbose: { type: 'boolean', default: false },
    set: { type: 'string', default: 'dev' },
    split: { type: 'string', default: 'test' },
    limit: { type: 'string' },
    every: { type: 'string' },
  },
})
if (args.set === 'crud') {
  const split = z.enum(['train', 'test', 'all']).parse(args.split)
  const every = args.every ? Number(args.every) : undefined
  await evalCrudAnswers({ split, every, limit: args.limit ? Number(args.limit) : undefined, verbose: args.verbose! })
  process.exit(0)
}
const mode = z.enum(['auto', 'extractive', 'llm']).parse(args.mode) as AnswerMode

const items = readFileSync(args.file!, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const parsed = DevQuestion.safeParse(JSON.parse(l))
    if (!parsed.success) throw new Error(`${args.file}:${i + 1}: ${parsed.error.message}`)
    return parsed.data
  })

const db = openDb(':memory:')
await createIndex(db).loadSamplesIfEmpty()
const llm = mode === 'extractive' ? null : createLlmClient(loadConfig().llm)
if (mode === 'llm' && !llm) throw new Error('--mode llm needs OPENAI_BASE_URL or OPENAI_API_KEY')

// Facts are compared as content: full-width and half-width forms (，/, （/( ％/%) and spacing do not count.
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

interface Outcome {
  item: DevQuestion
  result: AnswerResult
  allFacts: boolean
  anyFact: boolean
  rightSource: boolean
  citationsValid: string | null
  ms: number
}

const outcomes: Outcome[] = []
for (const item of items) {
  const started = performance.now()
  const result = await answerQuestion(createIndex(db), item.question, { mode, llm })
  const ms = performance.now() - started
  // A refusal repeats the question, which may hold the fact (是五项吗？A.三项 B.五项): it finds nothing.
  const found = item.facts.map((f) => !result.abstained && norm(result.answer).includes(norm(f)))
  outcomes.push({
    item,
    result,
    allFacts: found.length > 0 && found.every(Boolean),
    anyFact: found.some(Boolean),
    rightSource: item.title !== null && citesArticle(db, result, item),
    citationsValid: checkCitations(db, result),
    ms,
  })
}

/** A cited article is the expected one: same headline, or its text holds the evidence. */
function citesArticle(db: Db, r: AnswerResult, item: DevQuestion): boolean {
  return r.citations.some((c) => {
    if (item.title && norm(c.title) === norm(item.title)) return true
    const text = getArticle(db, c.id)?.text ?? ''
    return Boolean(item.evidence && norm(text).includes(norm(item.evidence)))
  })
}

/** Null when every [n] resolves, every citation is used and every quote is verbatim; else what is wrong. */
function checkCitations(db: Db, r: AnswerResult): string | null {
  const used = [...new Set([...r.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b)
  const listed = r.citations.map((c) => c.n)
  if (used.join() !== listed.join()) return `markers ${used.join(',')} vs citations ${listed.join(',')}`
  const bad = r.citations.find((c) => !(getArticle(db, c.id)?.text ?? '').includes(c.quote))
  return bad ? `quote of [${bad.n}] not in article ${bad.id}` : null
}

const answerable = outcomes.filter((o) => o.item.title !== null)
const unanswerable = outcomes.filter((o) => o.item.title === null)
const share = (xs: Outcome[], f: (o: Outcome) => boolean) => (xs.length ? (100 * xs.filter(f).length) / xs.length : 0)
const lengths = outcomes.map((o) => o.result.answer.length)
const times = outcomes.map((o) => o.ms).sort((a, b) => a - b)

console.log(`${args.file}: ${items.length} questions (${answerable.length} answerable, ${unanswerable.length} not), mode ${mode}\n`)
printTable([
  {
    'facts all %': share(answerable, (o) => o.allFacts),
    'facts any %': share(answerable, (o) => o.anyFact),
    'right source %': share(answerable, (o) => o.rightSource),
    'answered %': share(answerable, (o) => !o.result.abstained),
    'abstain (unans.) %': share(unanswerable, (o) => o.result.abstained),
    'citations valid %': share(outcomes, (o) => o.citationsValid === null),
    'max chars': Math.max(0, ...lengths),
    'mean chars': lengths.reduce((s, n) => s + n, 0) / Math.max(lengths.length, 1),
    'p50 ms': times[Math.floor(times.length / 2)] ?? 0,
    fallbacks: outcomes.filter((o) => o.result.fallbackReason !== undefined).length,
  },
])

const misses = outcomes.filter((o) => (o.item.title === null ? !o.result.abstained : !o.allFacts) || o.citationsValid !== null)
if (misses.length > 0) console.log(`\nmisses (${misses.length}):`)
for (const o of misses) {
  const expected = o.item.title === null ? '(should abstain)' : `facts ${JSON.stringify(o.item.facts)} from 《${o.item.title}》`
  console.log(`- ${o.item.question}\n    expected ${expected}\n    got ${o.result.answer}`)
  if (o.citationsValid) console.log(`    INVALID CITATIONS: ${o.citationsValid}`)
  if (args.verbose) for (const c of o.result.citations) console.log(`    [${c.n}] 《${c.title}》 “${c.quote}”`)
}
db.close()
