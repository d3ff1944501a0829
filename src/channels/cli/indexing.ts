// Kept apart from context.ts so commands that only read (articles, show, stats) do not load retrieve.
import { extractNameCandidates, tokenizeForIndex } from '../../retrieve/index.js'

/** How the CLI indexes what it ingests: retrieve's index tokens, and the local names it learns. */
export const INDEXING = { tokenize: tokenizeForIndex, learnNames: extractNameCandidates }

