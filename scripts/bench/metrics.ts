import type { WorkerResult } from './worker.js'

/** The quality and speed figures of one engine, from its worker's raw result. */
export interface EngineSummary {
  hit1: number
  hit5: number
  mrr10: number
  buildS: number
  p50Ms: number
  p95Ms: number
  peakRssMb: number
  startRssMb: number
}

/** hit@k counts a question when any gold document is in the top k; MRR@10 scores 1/rank of the first. */
export function summarize(r: Extract<WorkerResult, { ranks: number[] }>): EngineSummary {
  const n = Math.max(r.ranks.length, 1)
  const hitAt = (k: number) => r.ranks.filter((rank) => rank >= 1 && rank <= k).length / n
  return {
    hit1: hitAt(1),
    hit5: hitAt(5),
    mrr10: r.ranks.reduce((sum, rank) => sum + (rank >= 1 && rank <= 10 ? 1 / rank : 0), 0) / n,
    buildS: r.buildMs / 1000,
    p50Ms: percentile(r.latenciesMs, 50),
    p95Ms: percentile(r.latenciesMs, 95),
    peakRssMb: r.peakRssMb,
    startRssMb: r.startRssMb,
  }
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
