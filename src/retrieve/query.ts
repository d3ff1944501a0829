import { Converter } from 'opencc-js/t2cn'
import { parseTimeExpressions, type DateRange } from './dates.js'
import { loadLexicon, type Lexicon } from './lexicon.js'
import { cutWords, foldText, indexTokens, newWords } from './tokenize.js'

/** Longer queries are cut here: no question is this long, and every extra token costs search time. */
export const MAX_QUERY_CHARS = 500
const MAX_TERMS = 64

/** One thing to look for: a bigram, a whole word, or a lexicon synonym, as index tokens. */
export interface QueryTerm {
  /** Folded surface form, e.g. 安置房. */
  text: string
  /** Its index tokens, space-joined: a phrase the FTS index can match. */
  tokens: string
  kind: 'bigram' | 'word' | 'synonym'
}

/** What a question asks for, ready for ranking. */
export interface QueryPlan {
  terms: QueryTerm[]
  /** Issue-date ranges named by time expressions (boosts, not filters). */
  dates: DateRange[]
  /** Every form of the district names the question mentions. */
  districts: string[]
}

/**
 * Ways of asking what happened or what to do (怎么回事, 咋办), and the time connectives that tie a
 * question together (以后, 之前): no article says them, so neither search nor answers look for them.
 */
export const ASKING_FORMS = ['怎么回事', '回事', '怎么办', '咋办', '怎么弄', '咋弄', '咋整', '以后', '之后', '以前', '之前']

// Words that shape a question but name nothing an article must contain.
const QUESTION_WORDS = new Set(
  ('请问 请 问 问下 问一下 一下 想 想问 想知道 知道 告诉 说说 讲讲 介绍 我 我们 你 你们 咱 咱们 ' +
    '多少 几 几个 多久 什么 啥 什么样 什么时候 啥时候 何时 哪 哪里 哪儿 哪些 哪个 哪天 哪家 谁 ' +
    '怎么 怎么样 怎样 咋 咋样 如何 为什么 为啥 ' +
    '是否 是不是 有没有 能不能 可不可以 没有 ' +
    '吗 呢 吧 啊 呀 么 嘛 呗 哦 了 的 地 得 着 过 是 有 在 和 与 及 或 都 也 还 就 要 会 能 可以 ' +
    '已经 到底 究竟 这 那 这个 那个 这些 那些 该 区里 里 情况 相关 关于 对于')
    .split(/\s+/)
    .concat(ASKING_FORMS),
)

let toSimplified: ((s: string) => string) | undefined

/** Traditional → simplified (opencc, Taiwan usage included), built on first use (~50 ms). */
export function simplify(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 'tw', to: 'cn' }))
  return convert(text)
}

/**
 * Reads a question: folds width and case, converts traditional characters, cuts it at
 * MAX_QUERY_CHARS, drops question words and particles, turns time expressions into date ranges
 * relative to `today` (the newest issue date), and expands local names with their synonyms.
 * `learnedNames` finds the names learned from the articles in the folded text; each is kept whole, as a word.
 */
export function analyzeQuery(
  query: string,
  today: string | null,
  lexicon: Lexicon = loadLexicon(),
  learnedNames?: (text: string) => string[],
): QueryPlan {
  let text = simplify(foldText(query.slice(0, MAX_QUERY_CHARS)))
  const dates: DateRange[] = []
  if (today) {
    for (const t of parseTimeExpressions(text, today)) {
      dates.push(t.range)
      if (t.relative) text = text.replace(t.text, ' ')
    }
  }
  const terms: QueryTerm[] = []
  const seen = { bigram: new Set<string>(), phrase: new Set<string>() }
  const add = (surface: string, kind: QueryTerm['kind'], tokens = indexTokens(surface)) => {
    const key = tokens.join(' ')
    const set = kind === 'bigram' ? seen.bigram : seen.phrase
    // A synonym the question already spells out adds nothing.
    if (!key || set.has(key) || (kind === 'synonym' && seen.bigram.has(key)) || terms.length >= MAX_TERMS) return
    set.add(key)
    terms.push({ text: surface, tokens: key, kind })
  }
  const words = cutWords(text)
  const segments = contentSegments(words)
  for (const segment of segments) for (const t of indexTokens(segment)) add(t, 'bigram', [t])
  // Whole words again as phrases: a word found intact counts beside its bigrams.
  for (const w of words) if (isContent(w) && [...w].length >= 2) add(w, 'word')
  // Names no dictionary knows count as whole words too, as dictionary words do; one that takes in
  // a question word or particle (法是, 发了) is not a name.
  for (const w of newWords(text, words)) if (segments.some((s) => s.includes(w))) add(w, 'word')
  for (const name of learnedNames?.(text) ?? []) add(name, 'word')
  const districts = new Set<string>()
  for (const [name, entry] of lexicon.entries) {
    if (!text.includes(name)) continue
    for (const s of entry.synonyms) add(s, 'synonym')
    if (entry.district) for (const n of [name, ...entry.synonyms]) districts.add(n)
  }
  return { terms, dates, districts: [...districts] }
}

const WORD = /[\p{L}\p{N}]/u

function isContent(word: string): boolean {
  return WORD.test(word) && !QUESTION_WORDS.has(word)
}

/** Runs of consecutive content words, joined: bigrams are taken inside a run, never across a dropped word or punctuation. */
function contentSegments(words: string[]): string[] {
  const segments: string[] = []
  let cur = ''
  for (const w of words) {
    if (!isContent(w)) {
      if (cur) segments.push(cur)
      cur = ''
    } else cur += w
  }
  if (cur) segments.push(cur)
  return segments
}
