import type { QuestionType } from '../retrieve/index.js'
import { confidenceFeatures, type AskedSignals, type ScoredEvidence } from './confidence.js'
import { collectEvidence, FEATURE_NAMES, type Asked, type Candidate, type Evidence } from './evidence.js'
import { predict, type AnswerModel } from './model.js'

// The evidence of an extractive answer: each unit (a sentence or a window of clauses) of the candidates with the
// evidence model's probability, and the few readings of it that the rules share.

export type Scored = Evidence & ScoredEvidence

// 多少/什么时候/谁拿了冠军 asked and no sentence about the question (with its headline and the
// sentence before it) holds an amount, a date or a contest's result: the articles are about the topic
// but do not say (那它有多长？ after a question about a road; who won a contest the article only
// reports). So is a person's name asked in so many words (局长叫啥名字; 谁 may be answered by an office).
// CRUD's questions cannot teach this (their articles always say), so it is a rule: it refuses about
// 1 % more of them.
export const FACT_REQUIRED = new Set<QuestionType>(['amount', 'time', 'result'])
// The share of the question's words (with its headline and the sentence before) that makes a unit about the question.
export const FACT_COVERAGE = 0.25

export const inContext = (s: Evidence) => s.features[FEATURE_NAMES.indexOf('coverageInContext')]!

/**
 * Whether a unit is about the question, or continues one that is: a long sentence is read as windows of
 * clauses, and the fact may sit in a later window than the question's words (…核桃园受灾严重，…报案，…快速赔付金额92000元).
 */
export function aboutQuestion(scored: Scored[]): (s: Scored) => boolean {
  const about = scored.filter((o) => inContext(o) >= FACT_COVERAGE)
  return (s) => inContext(s) >= FACT_COVERAGE || about.some((o) => o.candidate === s.candidate && o.span.start < s.span.end && s.span.start < o.span.end)
}

/** The text of a scored unit of the candidates. */
export function textIn(candidates: Candidate[]): (e: Scored) => string {
  return (e) => candidates[e.candidate]!.text.slice(e.span.start, e.span.end)
}

/** Evidence with the model's probability, best first. */
export function scoreEvidence(model: AnswerModel, asked: Asked, candidates: Candidate[], read?: number): Scored[] {
  return collectEvidence(asked, candidates, read)
    .map((e) => ({ ...e, p: predict(model.evidence, e.features) }))
    .sort((a, b) => b.p - a.p)
}

/** P(the candidates answer the question), from the confidence model. */
export function confidenceOf(model: AnswerModel, signals: AskedSignals, candidates: Candidate[], scored: Scored[]): number {
  if (scored.length === 0) return 0
  return predict(model.confidence, confidenceFeatures(signals, candidates, scored))
}
