import type { Engine } from './engine.js'

// Loaded lazily: each worker imports only its own engine, so one that fails to load (or an
// in-progress edit of src/) breaks only its own row of the table.
export const ENGINES: Record<string, () => Promise<Engine>> = {
  newsbot: async () => (await import('./newsbot.js')).createNewsbot(),
  'bigram-bm25': async () => (await import('./baselines/bigram-bm25.js')).createBigramBm25(),
  'fts5-trigram': async () => (await import('./baselines/fts5-trigram.js')).createFts5Trigram(),
  orama: async () => (await import('./baselines/orama.js')).createOrama(),
  flexsearch: async () => (await import('./baselines/flexsearch.js')).createFlexSearch(),
  minisearch: async () => (await import('./baselines/minisearch.js')).createMiniSearch(),
}
