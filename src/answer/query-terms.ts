import { ASKING_FORMS, indexTokens, loadLexicon, tokenize } from '../retrieve/index.js'
import { getTermDocCounts, type Db } from '../store/index.js'
import type { WeightedTerm } from './extractive.js'

// Words that shape a question but name nothing the answer must contain.
const QUESTION_WORDS = new Set(
  ('请问 请 问 一下 多少 几 什么 时候 什么时候 啥 啥时候 何时 哪 哪里 哪儿 哪些 哪个 哪天 谁 怎么 怎么样 怎样 如何 为什么 为啥 ' +
    '咋 咋样 ' +
    '吗 呢 吧 啊 呀 了 的 地 得 是 有 在 和 与 及 或 都 也 还 就 要 会 能 可以 已经 现在 目前 一共 总共 共 到底 究竟 ' +
    '我 我们 你 你们 他 她 它 他们 这 那 这个 那个 这些 那些 其 该 区里 里 情况 方面 进展 相关 关于 对于 知道 告诉 介绍 说说 讲讲')
    .split(/\s+/)
    .concat(ASKING_FORMS),
)
// Question words jieba keeps whole: 几个 几条 多少钱 哪几 那边.
const QUESTION_WORD_FORMS = /^(几.?|多少.?|哪.?|哪几.?|那边|这边|啥样|干什么|干啥|做什么)$/

/**
 * The question's content words, weighted by how rare they are in the store (BM25-style IDF).
 * The index holds character bigrams, so a longer word's document count is estimated by its
 * rarest bigram (an upper bound); a single character says little and gets a common word's weight.
 */
export function weightQuestionTerms(db: Db, question: string): WeightedTerm[] {
  const words = [...new Set(tokenize(question))].filter((t) => !QUESTION_WORDS.has(t) && !QUESTION_WORD_FORMS.test(t) && !/^\d$/.test(t))
  const lexicon = loadLexicon()
  const forms = new Map(words.map((w) => [w, [w, ...(lexicon.entries.get(w)?.synonyms ?? [])]]))
  const grams = new Map([...forms.values()].flat().map((f) => [f, indexTokens(f)]))
  const { total, docs } = getTermDocCounts(db, [...grams.keys(), ...[...grams.values()].flat()])
  const n = Math.max(total, 1)
  // A form's count is estimated by its rarest bigram; a word counts as often as its commonest form.
  const countOf = (f: string) => {
    const g = grams.get(f)!.map((x) => docs.get(x) ?? 0)
    return Math.max(docs.get(f) ?? 0, g.length > 0 ? Math.min(...g) : 0)
  }
  return words.map((term) => {
    const all = forms.get(term)!
    const df = [...term].length < 2 ? n / 2 : Math.max(...all.map(countOf))
    return { term, weight: Math.log(1 + (n - df + 0.5) / (df + 0.5)), synonyms: all.slice(1) }
  })
}
