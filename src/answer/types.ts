/** A numbered source behind an answer: the article and the verbatim text the answer rests on. */
export interface Citation {
  n: number
  id: string
  title: string
  paper: string
  date: string | null
  /** A verbatim substring of the article's text. */
  quote: string
}

/** A headline offered instead of an answer when newsbot abstains. */
export interface Suggestion {
  id: string
  title: string
  paper: string
  date: string | null
}

/** What every answerer returns (extractive or LLM); channels render it. */
export interface Answer {
  /** Simplified Chinese, each claim followed by [n]. */
  answer: string
  mode: 'extractive' | 'llm'
  /** True when the sources did not answer the question. */
  abstained: boolean
  citations: Citation[]
  /** One-line notices for the user, e.g. that the model was unavailable. */
  warnings: string[]
  /** The closest headlines when it abstains (empty otherwise). */
  suggestions: Suggestion[]
  /** After a model failure, the one short sentence readers see before the (extractive) answer. */
  notice?: string
}
