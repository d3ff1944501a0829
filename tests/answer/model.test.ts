import { describe, expect, it } from 'vitest'
import { CONFIDENCE_FEATURES } from '../../src/answer/confidence.js'
import { FEATURE_NAMES } from '../../src/answer/evidence.js'
import { answerExtractively } from '../../src/answer/extractive.js'
import { loadAnswerModel, predict } from '../../src/answer/model.js'
import { analyzeQuery } from '../../src/retrieve/index.js'

describe('the fitted answer model', () => {
  it('ships with weights for exactly the features the code computes', () => {
    const m = loadAnswerModel()
    expect(m.evidence.features).toEqual([...FEATURE_NAMES])
    expect(m.context.features).toEqual([...FEATURE_NAMES])
    expect(m.confidence.features).toEqual([...CONFIDENCE_FEATURES])
    expect(m.fittedOn).toMatch(/train half/)
    expect(m.confidence.threshold).toBeGreaterThan(0)
    expect(m.confidence.threshold).toBeLessThan(1)
  })

  it('refuses a weights file whose features differ from the code (a stale fit)', () => {
    const m = loadAnswerModel()
    const stale = { ...m, evidence: { ...m.evidence, features: m.evidence.features.slice(1), weights: m.evidence.weights.slice(1) } }
    const query = { ...analyzeQuery('安置房分了多少套', null), words: [], total: 1 }
    expect(() => answerExtractively(query, [], { model: stale })).toThrow(/fit:answer/)
  })

  it('predicts a probability that rises with a feature of positive weight', () => {
    const m = { features: ['a'], weights: [2], bias: -1 }
    expect(predict(m, [0])).toBeCloseTo(1 / (1 + Math.exp(1)))
    expect(predict(m, [1])).toBeGreaterThan(predict(m, [0]))
  })
})
