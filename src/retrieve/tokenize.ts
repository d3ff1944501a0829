import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

let jieba: Jieba | undefined

// Loading the dictionary takes ~200 ms, so it happens on first use, not at import.
function getJieba(): Jieba {
  return (jieba ??= Jieba.withDict(dict))
}

const WORD = /[\p{L}\p{N}]/u

/** Words of a text for the lexical index and for queries: jieba search-mode cut, lower-cased, no punctuation. */
export function tokenize(text: string): string[] {
  return getJieba()
    .cutForSearch(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => WORD.test(t))
}

/** The tokens of a text as one space-joined string, the form the FTS columns hold. */
export function tokenizeForIndex(text: string): string {
  return tokenize(text).join(' ')
}
