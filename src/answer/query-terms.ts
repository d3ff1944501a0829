import { tokenize } from '../retrieve/index.js'
import { getTermDocCounts, type Db } from '../store/index.js'
import type { WeightedTerm } from './extractive.js'

// Words that shape a question but name nothing the answer must contain.
const QUESTION_WORDS = new Set(
  ('请问 请 问 一下 多少 几 什么 时候 什么时候 啥 啥时候 何时 哪 哪里 哪儿 哪些 哪个 哪天 谁 怎么 怎么样 怎样 如何 为什么 为啥 ' +
    '吗 呢 吧 啊 呀 了 的 地 得 是 有 在 和 与 及 或 都 也 还 就 要 会 能 可以 已经 现在 目前 一共 总共 共 到底 究竟 ' +
    '我 我们 你 你们 他 她 它 他们 这 那 这个 那个 这些 那些 其 该 区里 里 情况 方面 进展 相关 关于 对于 知道 告诉 介绍 说说 讲讲')
    .split(/\s+/),
)

/** The question's content words, weighted by how rare they are in the store (BM25-style IDF). */
export function weightQuestionTerms(db: Db, question: string): WeightedTerm[] {
  const words = [...new Set(tokenize(question))].filter((t) => !QUESTION_WORDS.has(t) && !/^\d$/.test(t))
  const { total, docs } = getTermDocCounts(db, words)
  const n = Math.max(total, 1)
  return words.map((term) => {
    const df = docs.get(term) ?? 0
    return { term, weight: Math.log(1 + (n - df + 0.5) / (df + 0.5)) }
  })
}
