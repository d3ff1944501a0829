/** One article in a digest: its headline, a one-sentence summary, and the id that opens it. */
export interface DigestItem {
  id: string
  title: string
  summary: string
  paper: string
  date: string | null
  area: string
}

/** Items under one heading (an area such as 经开区, or 其他). */
export interface DigestSection {
  heading: string
  items: DigestItem[]
}

/** A day's digest as plain data; channels render it. `date` is the newest issue date covered. */
export interface Digest {
  date: string | null
  /** Every issue date covered, newest first (one, unless a subscriber missed several issues). */
  dates: string[]
  sections: DigestSection[]
}

/** Which items a subscriber wants: areas (empty = all) and an optional keyword. */
export interface DigestFilter {
  areas?: readonly string[]
  topic?: string | null
}
