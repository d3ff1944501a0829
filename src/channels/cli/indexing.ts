// Kept apart from context.ts so commands that only read (articles, show, stats) do not load retrieve.
import { extractNameCandidates, tokenizeForIndex } from '../../retrieve/index.js'
import { loadSamplesIfEmpty, type Db } from '../../store/index.js'

/** How the CLI indexes what it ingests: retrieve's index tokens, and the local names it learns. */
export const INDEXING = { tokenize: tokenizeForIndex, learnNames: extractNameCandidates }

/** Loads the bundled samples into an empty database, so a fresh checkout answers at once. */
export function loadSamples(db: Db): Promise<unknown> {
  return loadSamplesIfEmpty(db, INDEXING.tokenize, INDEXING.learnNames)
}
