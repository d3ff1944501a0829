import { listSources } from '../../src/ingest/index.js'
import { extractNameCandidates, indexSources } from '../../src/retrieve/index.js'
import { createSqliteStore, openDb, openPostgresStore, type Store } from '../../src/store/index.js'
import { usePostgres } from './postgres.js'

/** The names an article counts towards, as retrieve's index extracts them. */
export const namesOf = (a: { title: string; subtitle?: string | null; text: string }) =>
  extractNameCandidates(`${a.title}\n${a.subtitle ?? ''}\n${a.text}`)

export interface Backend {
  name: 'sqlite' | 'postgres'
  open: () => Promise<Store>
}

/**
 * Both stores for `describe.each`: SQLite in memory, and PostgreSQL in a fresh database of the test
 * file's server (left out only where PostgreSQL is not installed and CI is not set).
 */
export function useBackends(server = usePostgres()): Backend[] {
  const sqlite: Backend = { name: 'sqlite', open: async () => createSqliteStore(openDb(':memory:')) }
  const postgres: Backend = { name: 'postgres', open: async () => openPostgresStore(await server.createDatabase(), { poolSize: 4 }) }
  return server.available ? [sqlite, postgres] : [sqlite]
}

/** Ingests the bundled sample bulletins into a store, the way `newsbot ingest data/samples` indexes them. */
export function writeSamples(store: Store) {
  return store.writeSources(indexSources(listSources(['data/samples'])), { namesOf })
}
