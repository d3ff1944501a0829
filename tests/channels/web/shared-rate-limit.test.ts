import { describe, expect, it } from 'vitest'
import { createWebApp, createWebDeps, startWebServer } from '../../../src/channels/web/index.js'
import { loadConfig } from '../../../src/config.js'
import { openPostgresStore } from '../../../src/store/index.js'
import { usePostgres } from '../../helpers/postgres.js'
import { writeSamples } from '../../helpers/stores.js'
import { postJson } from './web-helpers.js'

const server = usePostgres()

describe.skipIf(!server.available)('the per-address limit on PostgreSQL', () => {
  it('is shared by two web replicas on one store: one address gets the limit once, not once per replica', async () => {
    const url = await server.createDatabase()
    const config = loadConfig({ NEWSBOT_WEB_RATE_PER_MINUTE: '3' })
    // Each replica with its own pool, as two `newsbot serve` processes would have.
    const stores = [await openPostgresStore(url), await openPostgresStore(url)]
    await writeSamples(stores[0]!)
    const replicas = await Promise.all(
      stores.map((s) => startWebServer(createWebApp(createWebDeps(s, config, { llm: null, embedder: null })), { host: '127.0.0.1', port: 0 })),
    )
    const [a, b] = replicas.map((r) => r.url)
    try {
      expect((await fetch(`${a}/api/search?q=${encodeURIComponent('安置房')}`)).status).toBe(200)
      expect((await postJson(`${b}/api/ask`, { question: '经开区分了多少套安置房？' })).status).toBe(200)
      expect((await fetch(`${a}/search?q=${encodeURIComponent('道路')}`)).status).toBe(200)
      const refused = await fetch(`${b}/api/search?q=${encodeURIComponent('安置房')}`)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await postJson(`${a}/api/ask`, { question: '经开区分了多少套安置房？' })).status).toBe(429)
    } finally {
      await Promise.all(replicas.map((r) => r.close()))
      await Promise.all(stores.map((s) => s.close()))
    }
  }, 60_000)
})
