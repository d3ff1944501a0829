export type { Answer, Citation } from './types.js'
export { answerQuestion, checkQuestion, MAX_QUESTION_CHARS, type AnswerMode, type AnswerResult, type AskOptions } from './answer.js'
export { answerExtractively, cleanSentence, type Candidate, type ExtractiveAnswer, type Suggestion, type WeightedTerm } from './extractive.js'
export { carryTopic, looksLikeFollowUp, type Turn } from './follow-up.js'
