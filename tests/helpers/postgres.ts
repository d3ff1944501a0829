import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { findBinaries, startCluster } from './pg-cluster.js'

/**
 * A PostgreSQL server for a test file: NEWSBOT_TEST_DATABASE_URL when set, else a throwaway cluster
 * (initdb in a temporary folder, pg_ctl on a free port of 127.0.0.1, as the postgres user when the
 * tests run as root), stopped and deleted after the file. Each `createDatabase()` is a fresh,
 * empty database on it. `available` is false only where Debian's postgresql is not installed and
 * CI is not set (CI installs it: .ci/run).
 */
export function usePostgres(): { available: boolean; createDatabase: () => Promise<string> } {
  const bin = findBinaries()
  const given = process.env.NEWSBOT_TEST_DATABASE_URL
  const available = Boolean(given || bin)
  if (!available && process.env.CI) throw new Error('PostgreSQL is not installed: /usr/lib/postgresql/*/bin/initdb is missing')
  let server: { url: string; stop: () => void } | undefined
  const created: string[] = []
  beforeAll(async () => {
    if (available) server = given ? { url: given, stop: () => {} } : await startCluster(bin!)
  }, 60_000)
  afterAll(async () => {
    if (!server) return
    await withAdmin(server.url, async (c) => {
      for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    })
    server.stop()
  }, 60_000)
  return {
    available,
    createDatabase: async () => {
      // Named and recorded before the first await: databases may be created concurrently.
      const name = `newsbot_test_${process.pid}_${created.length}_${Date.now() % 1e6}`
      created.push(name)
      await withAdmin(server!.url, (c) => c.query(`CREATE DATABASE ${name}`))
      const url = new URL(server!.url)
      url.pathname = `/${name}`
      return url.toString()
    },
  }
}

async function withAdmin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
