import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { loadConfig } from '../../../src/config.js'
import { createWebApp, createWebDeps, startWebServer, type RunningServer, type WebDeps } from '../../../src/channels/web/index.js'
import { openDb, type Db, type Store } from '../../../src/store/index.js'
import { writeSampleDb } from '../../helpers/sample-db.js'
import { useSuiteTmpDir } from '../../helpers/tmp.js'

/** The samples database, opened read-only as `newsbot serve` opens it. */
export async function openSampleDb(dir: string): Promise<Db> {
  return openDb(await writeSampleDb(join(dir, 'web.db')), { readonly: true })
}

/** The production wiring (extractive: no model configured), with `change` applied, served on 127.0.0.1:0. */
export async function serveSamples(db: Db | Store, change: Partial<WebDeps> = {}, env: Record<string, string> = {}): Promise<RunningServer & { deps: WebDeps }> {
  const deps = { ...createWebDeps(db, loadConfig(env), { llm: null, embedder: null }), ...change }
  const server = await startWebServer(createWebApp(deps), { host: '127.0.0.1', port: 0 })
  return { ...server, deps }
}

/**
 * The samples served for a whole test file (serveSamples with `change`), closed after it; `use`
 * receives the database and the running server.
 */
export function useServedSamples(use: (served: { db: Db; server: RunningServer & { deps: WebDeps } }) => void, change: Partial<WebDeps> = {}): void {
  const tmp = useSuiteTmpDir()
  let served: { db: Db; server: RunningServer & { deps: WebDeps } }
  beforeAll(async () => {
    const db = await openSampleDb(tmp())
    served = { db, server: await serveSamples(db, change) }
    use(served)
  })
  afterAll(async () => {
    await served.server.close()
    served.db.close()
  })
}

/** POSTs JSON to the server. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })
}

/** The events of a server-sent event stream, in order. */
export function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((b) => b.split('\n').some((l) => l.startsWith('data:')))
    .map((block) => {
      const lines = block.split('\n')
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message'
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n')
      return { event, data: JSON.parse(data) as unknown }
    })
}
