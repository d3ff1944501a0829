import type { Turn } from './follow-up.js'

/**
 * How much of a conversation a follow-up leans on, for the bot and `newsbot chat` alike: the last
 * few turns, and only recent ones, so a question asked the next morning starts afresh and an old
 * topic does not leak into new questions.
 */
export const CONVERSATION = {
  turns: 3,
  maxAgeMs: 2 * 3_600_000,
} as const

/** The turns a new question may lean on, oldest first, given when each was asked (ms; absent: now). */
export function recentTurns<T extends Turn & { askedAt?: number }>(turns: T[], now: number): T[] {
  return turns.filter((t) => t.askedAt === undefined || now - t.askedAt <= CONVERSATION.maxAgeMs).slice(-CONVERSATION.turns)
}

/** The history after one more turn, as long as a conversation remembers. */
export function withTurn<T extends Turn>(history: T[], turn: T): T[] {
  return [...history, turn].slice(-CONVERSATION.turns)
}
