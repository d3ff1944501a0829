// Fits the extractive answerer's models on the CRUD train half and writes data/answer-model.json:
// - evidence: P(a sentence holds the answer), logistic regression with soft labels (the share of
//   the reference answer's character bigrams the sentence holds);
// - confidence: P(the candidates answer the question), logistic regression on each train question
//   asked of the full index (answerable) and of the index without its gold documents and their
//   reprints (unanswerable); and, since a district's store holds dozens of articles, not 68k, on
//   small stores made of a few train items' gold documents, asked their own questions (answerable)
//   and other items' (unanswerable). The cut keeps refusals of answerable train questions near REFUSE_SHARE;
// - compose: which sentences an answer quotes (how many, per length, how much repetition), by a grid search on the train questions.
// Usage: npm run fit:answer [-- --limit N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { answerExtractively } from '../src/answer/extractive.js'
import { scoreEvidence } from '../src/answer/scored.js'
import { confidenceFeatures, CONFIDENCE_FEATURES } from '../src/answer/confidence.js'
import { askedOf, collectEvidence, FEATURE_NAMES, type Candidate } from '../src/answer/evidence.js'
import { ANSWER_MODEL_PATH, predict, type AnswerModel, type LinearModel } from '../src/answer/model.js'
import { createIndex, type AnalyzedQuery } from '../src/retrieve/index.js'
import { getArticle, openDb, type Db } from '../src/store/index.js'
import { bigramRecall, factRecall, mean } from './bench/answer-metrics.js'
import { loadCrudQuestions, openCrudIndex, splitOf, type CrudQuestion } from './bench/crud.js'
import { printTable } from './bench/table.js'

const { values: args } = parseArgs({ options: { limit: { type: 'string' } } })

// Share of answerable train questions the confidence cut may refuse.
const REFUSE_SHARE = 0.05
// Candidates the answerer reads, as answerQuestion asks search for, and the hits the sources block reads.
const CANDIDATES = 8
const SOURCE_HITS = 12
// Items per small store, in turn: stores of roughly 15 to 80 articles.
const SMALL_STORE_ITEMS = [8, 20, 40]
// Each character of an answer costs this much of a point of recall in the compose search, so a
// sentence is added only when it brings the answer's facts, not merely more text.
const LENGTH_COST = 0.1 / 300

interface Asked {
  item: CrudQuestion
  query: AnalyzedQuery
  hits: Candidate[]
  without: { query: AnalyzedQuery; hits: Candidate[] }
}

const all = loadCrudQuestions()
const db = await openCrudIndex(all)
let train = all.filter((q) => splitOf(q.qid) === 'train')
if (args.limit) train = train.slice(0, Number(args.limit))
console.log(`train: ${train.length} questions`)

const asked: Asked[] = []
for (const item of train) {
  const { hits, query } = await createIndex(db).search(item.question, { k: CANDIDATES })
  const without = await createIndex(db).search(item.question, { k: CANDIDATES, exclude: item.gold_doc_ids })
  asked.push({ item, query, hits, without })
}

// ===== evidence

const rows: { x: number[]; y: number }[] = []
for (const a of asked) {
  const reference = a.item.answers.join('')
  for (const e of collectEvidence(askedOf(a.query), a.hits)) {
    const c = a.hits[e.candidate]!
    const unit = c.text.slice(e.span.start, e.span.end)
    rows.push({ x: e.features, y: (bigramRecall(unit, reference) + factRecall(unit, a.item.key_info)) / 2 })
  }
}
console.log(`evidence rows: ${rows.length}`)
const evidence = fitLogistic(rows, [...FEATURE_NAMES])

// ===== context: the same features, rating a sentence of the top SOURCE_HITS for the model's
// sources block by the share of the story's key facts it holds.
const contextRows: { x: number[]; y: number }[] = []
for (const a of asked) {
  const { hits, query } = await createIndex(db).search(a.item.question, { k: SOURCE_HITS })
  for (const e of collectEvidence(askedOf(query), hits, SOURCE_HITS)) {
    contextRows.push({ x: e.features, y: factRecall(hits[e.candidate]!.text.slice(e.span.start, e.span.end), a.item.key_info) })
  }
}
const context = fitLogistic(contextRows, [...FEATURE_NAMES])

// ===== confidence

const base: AnswerModel = {
  fittedOn: '',
  evidence,
  context,
  confidence: { features: [...CONFIDENCE_FEATURES], weights: CONFIDENCE_FEATURES.map(() => 0), bias: 0, threshold: 0 },
  compose: { ratio: 0.8, otherRatio: 0.8, maxUnits: 2, lengthExponent: 0, redundancy: 0 },
}
const confidenceRow = (query: AnalyzedQuery, hits: Candidate[]) => {
  const scored = scoreEvidence(base, askedOf(query), hits)
  return scored.length ? confidenceFeatures({ text: query.text, words: query.words, typed: query.type !== 'general' }, hits, scored) : null
}
const confRows: { x: number[]; y: number }[] = []
for (const a of asked) {
  const yes = confidenceRow(a.query, a.hits)
  const no = confidenceRow(a.without.query, a.without.hits)
  if (yes) confRows.push({ x: yes, y: 1 })
  if (no) confRows.push({ x: no, y: 0 })
}
const largeRows = confRows.length
for (const store of await smallStores(db, train)) {
  for (const q of store.own) {
    const { hits, query } = await createIndex(store.db).search(q.question, { k: CANDIDATES })
    const x = confidenceRow(query, hits)
    if (x) confRows.push({ x, y: 1 })
  }
  for (const q of store.others) {
    const { hits, query } = await createIndex(store.db).search(q.question, { k: CANDIDATES })
    const x = confidenceRow(query, hits)
    if (x) confRows.push({ x, y: 0 })
  }
  store.db.close()
}
console.log(`confidence rows: ${largeRows} on the full index, ${confRows.length - largeRows} on small stores`)
const confidence = fitLogistic(confRows, [...CONFIDENCE_FEATURES])
const positives = confRows.filter((r) => r.y === 1).map((r) => predict(confidence, r.x)).sort((a, b) => a - b)
const threshold = positives[Math.floor(REFUSE_SHARE * positives.length)] ?? 0.5
const negatives = confRows.filter((r) => r.y === 0).map((r) => predict(confidence, r.x))
console.log(`confidence cut ${threshold.toFixed(3)}: train answerable refused ${share(positives, (p) => p < threshold)}, unanswerable refused ${share(negatives, (p) => p < threshold)}`)

// ===== compose

const grid: (AnswerModel['compose'] & { recall: number; facts: number; chars: number; objective: number })[] = []
for (const maxUnits of [4, 8]) {
  for (const ratio of [0.1, 0.35]) {
    for (const otherRatio of [0.5, 0.65, 0.8]) {
      for (const lengthExponent of [0, 0.3, 0.6]) {
        for (const redundancy of [0, 0.3, 0.6, 1]) {
          const compose = { ratio, otherRatio, maxUnits, lengthExponent, redundancy }
          const model: AnswerModel = { ...base, confidence: { ...base.confidence, threshold: -1 }, compose }
          const answers = asked.map((a) => answerExtractively(a.query, a.hits, { model }).answer)
          const recall = mean(answers.map((t, i) => bigramRecall(t, asked[i]!.item.answers.join(''))))
          const facts = mean(answers.map((t, i) => factRecall(t, asked[i]!.item.key_info)))
          const chars = mean(answers.map((t) => t.length))
          grid.push({ ...compose, recall, facts, chars, objective: recall + facts - LENGTH_COST * chars })
        }
      }
    }
  }
}
printTable([...grid].sort((a, b) => b.objective - a.objective).slice(0, 10))
const chosen = grid.reduce((b, g) => (g.objective > b.objective ? g : b))
console.log(`compose: ratio ${chosen.ratio} (another article ${chosen.otherRatio}), at most ${chosen.maxUnits} sentences, length exponent ${chosen.lengthExponent}, redundancy ${chosen.redundancy}`)

const model: AnswerModel = {
  fittedOn: `CRUD-RAG train half (${train.length} questions; split by item, SHA-1 of the qid without its index, first hex digit 0-7), scripts/fit-answer.ts`,
  evidence: round(evidence),
  context: round(context),
  confidence: { ...round(confidence), threshold: Number(threshold.toFixed(4)) },
  compose: { ratio: chosen.ratio, otherRatio: chosen.otherRatio, maxUnits: chosen.maxUnits, lengthExponent: chosen.lengthExponent, redundancy: chosen.redundancy },
}
writeFileSync(ANSWER_MODEL_PATH, `${JSON.stringify(model, null, 2)}\n`)
console.log(`wrote ${ANSWER_MODEL_PATH}`)
printTable(evidence.features.map((f, i) => ({ evidence: f, weight: evidence.weights[i]! })))
printTable(confidence.features.map((f, i) => ({ confidence: f, weight: confidence.weights[i]! })))
db.close()

/**
 * Small stores, each holding the gold documents of a few train items, with the questions of those
 * items and as many questions of other items.
 */
async function smallStores(big: Db, items: CrudQuestion[]) {
  const byItem = new Map<string, CrudQuestion[]>()
  for (const q of items) {
    const key = q.qid.replace(/-\d+$/, '')
    byItem.set(key, [...(byItem.get(key) ?? []), q])
  }
  const groups = [...byItem.values()]
  const stores: { db: Db; own: CrudQuestion[]; others: CrudQuestion[] }[] = []
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-fit-'))
  for (let start = 0, n = 0; start < groups.length; start += SMALL_STORE_ITEMS[n++ % SMALL_STORE_ITEMS.length]!) {
    const size = SMALL_STORE_ITEMS[n % SMALL_STORE_ITEMS.length]!
    const own = groups.slice(start, start + size).flat()
    const ids = new Set(own.flatMap((q) => q.gold_doc_ids))
    const others = groups
      .filter((g, i) => (i < start || i >= start + size) && !g.some((q) => q.gold_doc_ids.some((id) => ids.has(id))))
      .filter((_, i) => i % Math.max(1, Math.floor(groups.length / size)) === 0)
      .flat()
      .slice(0, own.length)
    const file = join(dir, `store-${n}.jsonl`)
    writeFileSync(file, [...ids].map((id) => JSON.stringify({ id, text: getArticle(big, id)?.text ?? '' })).join('\n') + '\n')
    const db = openDb(':memory:')
    await createIndex(db).write([file])
    stores.push({ db, own, others })
  }
  rmSync(dir, { recursive: true, force: true })
  return stores
}

/** Logistic regression (soft labels allowed) by Newton's method, with a little L2 on the weights. */
function fitLogistic(data: { x: number[]; y: number }[], features: string[], iterations = 25, l2 = 1e-3): LinearModel {
  const d = features.length + 1 // the last coefficient is the bias
  const beta = new Array<number>(d).fill(0)
  const row = (x: number[]) => [...x, 1]
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0)
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0))
    for (const { x, y } of data) {
      const r = row(x)
      const p = 1 / (1 + Math.exp(-r.reduce((s, v, j) => s + v * beta[j]!, 0)))
      const wgt = p * (1 - p)
      for (let i = 0; i < d; i++) {
        g[i]! += (p - y) * r[i]!
        for (let j = 0; j < d; j++) h[i]![j]! += wgt * r[i]! * r[j]!
      }
    }
    for (let i = 0; i < d - 1; i++) {
      g[i]! += l2 * data.length * beta[i]!
      h[i]![i]! += l2 * data.length
    }
    const step = solve(h, g)
    for (let i = 0; i < d; i++) beta[i]! -= step[i]!
    if (Math.max(...step.map(Math.abs)) < 1e-6) break
  }
  return { features, weights: beta.slice(0, -1), bias: beta.at(-1)! }
}

/** Solves a x = b by Gaussian elimination with partial pivoting (a is small and symmetric positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((r, i) => [...r, b[i]!])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r
    ;[m[c], m[p]] = [m[p]!, m[c]!]
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!
    x[r] = s / m[r]![r]!
  }
  return x
}

function round(m: LinearModel): LinearModel {
  return { features: m.features, weights: m.weights.map((x) => Number(x.toFixed(4))), bias: Number(m.bias.toFixed(4)) }
}

function share(xs: number[], f: (x: number) => boolean): string {
  return `${((100 * xs.filter(f).length) / Math.max(xs.length, 1)).toFixed(1)} %`
}
