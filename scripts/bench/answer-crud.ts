// eval:answer --set crud: the extractive answerer and the LLM's sources block on the CRUD test half,
// beside the baselines in the same run (the top hit's search snippet; the first 900 characters of
// each of the top 5 hits), and the abstention trade-off on the same questions asked without their
// gold documents and reprints.
import { answerQuestion } from '../../src/answer/index.js'
import { confidenceOf, scoreEvidence } from '../../src/answer/scored.js'
import { askedOf } from '../../src/answer/evidence.js'
import { loadAnswerModel } from '../../src/answer/model.js'
import { formatSources, numberSources } from '../../src/answer/sources.js'
import { createIndex, type AnalyzedQuery, type SearchHit } from '../../src/retrieve/index.js'
import { bigramRecall, factRecall, mean, median } from './answer-metrics.js'
import { loadCrudQuestions, openCrudIndex, splitOf } from './crud.js'
import { printTable } from './table.js'

const CANDIDATES = 12
const NAIVE_HITS = 5
const NAIVE_CHARS = 900

export async function evalCrudAnswers(opts: { split: 'train' | 'test' | 'all'; every?: number; limit?: number; verbose: boolean }): Promise<void> {
  const all = loadCrudQuestions()
  const db = await openCrudIndex(all)
  // --split all --every 5: every fifth question of qa.jsonl, both halves (how issue #10 measured first).
  let items = all.filter((q, i) => (opts.split === 'all' || splitOf(q.qid) === opts.split) && i % (opts.every ?? 1) === 0)
  if (opts.limit) items = items.slice(0, opts.limit)
  const rows = { snippet: [] as Row[], extractive: [] as Row[], naive: [] as Row[], sources: [] as Row[] }
  let refusedWithout = 0
  const ms: number[] = []
  const curve: { answerable: number; unanswerable: number; recall: number }[] = []
  for (const item of items) {
    const reference = item.answers.join('')
    const score = (text: string, abstained = false): Row => ({
      recall: abstained ? 0 : bigramRecall(text, reference),
      facts: abstained ? 0 : factRecall(text, item.key_info),
      chars: text.length,
      abstained,
    })
    const { hits, query } = await createIndex(db).search(item.question, { k: CANDIDATES })
    rows.snippet.push(score(hits[0]?.snippet ?? ''))
    const t = performance.now()
    const answer = await answerQuestion(createIndex(db), item.question, { mode: 'extractive' })
    ms.push(performance.now() - t)
    rows.extractive.push(score(answer.answer, answer.abstained))
    rows.naive.push(score(hits.slice(0, NAIVE_HITS).map((h) => h.text.slice(0, NAIVE_CHARS)).join('\n')))
    rows.sources.push(score(formatSources(numberSources(hits, query))))
    const without = await answerQuestion(createIndex(db), item.question, { mode: 'extractive', exclude: item.gold_doc_ids })
    if (without.abstained) refusedWithout++
    const excluded = await createIndex(db).search(item.question, { k: CANDIDATES, exclude: item.gold_doc_ids })
    curve.push({ answerable: confidence(query, hits), unanswerable: confidence(excluded.query, excluded.hits), recall: rows.extractive.at(-1)!.recall })
    if (opts.verbose && (answer.abstained || rows.extractive.at(-1)!.recall < 0.3)) {
      console.log(`- ${item.question}\n    reference ${reference}\n    got ${answer.answer}`)
    }
  }
  const which = opts.split === 'all' ? 'both halves' : `${opts.split} half`
  console.log(`CRUD ${which}${opts.every ? `, every ${opts.every}th question` : ''}: ${items.length} questions, 68k-document index, extractive mode\n`)
  printTable([
    summarize('extractive answer', rows.extractive),
    summarize('baseline: top hit snippet', rows.snippet),
    summarize('LLM sources block', rows.sources),
    summarize('baseline: naive context (5 × 900 chars)', rows.naive),
  ])
  const refused = rows.extractive.filter((r) => r.abstained).length
  console.log(`\nabstention: answerable refused ${pct(refused, items.length)}; asked without gold documents and reprints, refused ${pct(refusedWithout, items.length)}`)
  console.log(`\nthe confidence cut (data/answer-model.json: ${loadAnswerModel().confidence.threshold}) and what other cuts would do:`)
  printTable(
    [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6].map((t) => {
      const kept = curve.filter((c) => c.answerable >= t)
      return {
        cut: t,
        'answered, recall ≥ 0.5 %': (100 * kept.filter((c) => c.recall >= 0.5).length) / curve.length,
        'answered, recall < 0.5 %': (100 * kept.filter((c) => c.recall < 0.5).length) / curve.length,
        'answerable refused %': (100 * (curve.length - kept.length)) / curve.length,
        'unanswerable refused %': (100 * curve.filter((c) => c.unanswerable < t).length) / curve.length,
      }
    }),
  )
  const sorted = [...ms].sort((a, b) => a - b)
  console.log(`ask (extractive, warm) p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms`)
  db.close()
}

interface Row {
  recall: number
  facts: number
  chars: number
  abstained: boolean
}

function summarize(what: string, rows: Row[]): Record<string, string | number> {
  return {
    what,
    'answer recall': mean(rows.map((r) => r.recall)),
    'key facts': mean(rows.map((r) => r.facts)),
    'abstained %': (100 * rows.filter((r) => r.abstained).length) / rows.length,
    'median chars': median(rows.map((r) => r.chars)),
    'max chars': Math.max(...rows.map((r) => r.chars)),
  }
}

function pct(n: number, of: number): string {
  return `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`
}

/** The confidence model's probability that the hits answer the question (0 with no evidence). */
function confidence(query: AnalyzedQuery, hits: SearchHit[]): number {
  const model = loadAnswerModel()
  const scored = scoreEvidence(model, askedOf(query), hits)
  return confidenceOf(model, { text: query.text, words: query.words, typed: query.type !== 'general' }, hits, scored)
}
