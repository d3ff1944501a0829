import type { AnswerResult } from '../answer/index.js'
import type { Digest } from '../digest/index.js'
import type { SearchHit } from '../retrieve/index.js'
import type { Article } from '../store/index.js'

// The --json contracts of DESIGN.md, shared by the CLI and the web API so the two cannot drift.

/** The `ask --json` object. */
export function toAskJson(r: AnswerResult) {
  return {
    answer: r.answer,
    mode: r.mode,
    abstained: r.abstained,
    citations: r.citations.map(({ n, id, title, paper, date, quote }) => ({ n, id, title, paper, date, quote })),
    warnings: r.notice ? [r.notice, ...r.warnings] : r.warnings,
  }
}

export type AskJson = ReturnType<typeof toAskJson>

/** One `search --json` entry. */
export function toSearchJson(h: SearchHit) {
  return { id: h.id, title: h.title, date: h.date, paper: h.paper, score: Number(h.score.toFixed(4)), snippet: h.snippet }
}

/** The `show --json` object, plus the other stored fields. */
export function toShowJson(a: Article) {
  return {
    id: a.id,
    title: a.title,
    paper: a.paper,
    date: a.date,
    page: a.page,
    byline: a.byline,
    text: a.text,
    subtitle: a.subtitle,
    introTitle: a.introTitle,
    section: a.section,
    dateline: a.dateline,
    dateInferred: a.dateInferred,
    paperInferred: a.paperInferred,
    eventDate: a.eventDate,
    reporters: a.reporters,
    correspondents: a.correspondents,
    url: a.url,
    uncertain: a.uncertain,
    region: a.region,
  }
}

/** The `digest --json` object. */
export function toDigestJson(d: Digest) {
  return {
    date: d.date,
    sections: d.sections.map((s) => ({ heading: s.heading, items: s.items.map((i) => ({ id: i.id, title: i.title, summary: i.summary })) })),
  }
}
