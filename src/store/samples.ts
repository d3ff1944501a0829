import { fileURLToPath } from 'node:url'
import { countArticles } from './articles.js'
import type { Tokenize } from './article-write.js'
import type { ExtractNames } from './learned-names.js'
import type { Db } from './db.js'
import { ingestPaths, type IngestSummary } from './ingest-files.js'

/** The bundled sample bulletins (data/samples), found from src/ and from dist/ alike. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url))

/** Loads the bundled samples into an empty database, so a fresh checkout answers at once. */
export async function loadSamplesIfEmpty(db: Db, tokenize: Tokenize, learnNames?: ExtractNames): Promise<IngestSummary | undefined> {
  if (countArticles(db) > 0) return undefined
  return ingestPaths(db, [SAMPLES_DIR], { tokenize, learnNames })
}
