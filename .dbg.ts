import { answerExtractively } from './src/answer/index.js'
import { weightQuestionTerms } from './src/answer/query-terms.js'
import { searchArticles, tokenizeForIndex } from './src/retrieve/index.js'
import { loadSamplesIfEmpty, openDb } from './src/store/index.js'
const db = openDb(':memory:')
await loadSamplesIfEmpty(db, tokenizeForIndex)
for (const q of process.argv.slice(2)) {
  const terms = weightQuestionTerms(db, q)
  const hits = searchArticles(db, q, { k: 8 })
  console.log('\n' + q, terms.map((t) => `${t.term}:${t.weight.toFixed(2)}`).join(' '))
  console.log('  hits', hits.slice(0, 3).map((h) => h.title.slice(0, 15)).join(' | '))
  const a = answerExtractively(q, terms, hits, { minConfidence: 0 })
  console.log('  ', a.answer.slice(0, 120))
}
