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

/** What every answerer returns; channels render it. */
export interface Answer {
  /** Simplified Chinese, each claim followed by [n]. */
  answer: string
  mode: 'extractive' | 'llm'
  /** True when the sources did not answer the question. */
  abstained: boolean
  citations: Citation[]
  /** One-line notices for the user, e.g. that the model was unavailable. */
  warnings: string[]
}
