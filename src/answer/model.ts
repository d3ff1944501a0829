import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** Where the fitted weights live; scripts/fit-answer.ts writes the file. */
export const ANSWER_MODEL_PATH = fileURLToPath(new URL('../../data/answer-model.json', import.meta.url))

const LinearModel = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
})

const AnswerModel = z.object({
  /** How the model was fitted (data, split, date): for people reading the file. */
  fittedOn: z.string(),
  /** P(a sentence holds the answer) from its features. */
  evidence: LinearModel,
  /** The same features rating a sentence for the model's sources block: P(it holds the story's key facts). */
  context: LinearModel,
  /** P(the question is answered by the candidates) from the question-level signals, and the cut. */
  confidence: LinearModel.extend({ threshold: z.number() }),
  /**
   * Which sentences an answer quotes: those within `ratio` of the best one's probability (within
   * `otherRatio` when the sentence brings in another article), at most `maxUnits`, picked in turn by
   * probability per length (`lengthExponent`) less `redundancy` times the share of their character
   * bigrams the answer already holds.
   */
  compose: z.object({
    ratio: z.number(),
    otherRatio: z.number(),
    maxUnits: z.number().int().min(1),
    lengthExponent: z.number().min(0),
    redundancy: z.number().min(0),
  }),
})

export type LinearModel = z.infer<typeof LinearModel>
export type AnswerModel = z.infer<typeof AnswerModel>

let cached: AnswerModel | undefined

/** The fitted answer model, read once; its feature lists must match the code's. */
export function loadAnswerModel(path = ANSWER_MODEL_PATH): AnswerModel {
  if (cached && path === ANSWER_MODEL_PATH) return cached
  const model = AnswerModel.parse(JSON.parse(readFileSync(path, 'utf8')))
  if (path === ANSWER_MODEL_PATH) cached = model
  return model
}

/** A logistic model's probability for one feature vector. */
export function predict(m: LinearModel, x: readonly number[]): number {
  let z = m.bias
  for (let i = 0; i < m.weights.length; i++) z += m.weights[i]! * (x[i] ?? 0)
  return 1 / (1 + Math.exp(-z))
}

/** Checks a model against the feature names the code computes (a stale weights file is a bug, not a guess). */
export function assertFeatures(m: LinearModel, names: readonly string[], what: string): void {
  if (m.features.join() !== names.join() || m.weights.length !== names.length) {
    throw new Error(`data/answer-model.json: the ${what} features differ from the code's; rerun npm run fit:answer`)
  }
}
