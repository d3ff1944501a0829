import { afterEach, describe, expect, it } from 'vitest'
import { createHolder } from '../../../src/channels/telegram/holder.js'
import { createLogger } from '../../../src/channels/telegram/index.js'
import { createSqliteStore, openDb, type Store } from '../../../src/store/index.js'

const LEASE_MS = 400
const logger = createLogger({ level: 'silent' })
let store: Store
afterEach(() => store?.close())

const claimBy = (holder: string, updateId = 1) => store.claimUpdate({ updateId, chatId: null, holder, now: Date.now(), leaseMs: LEASE_MS })

describe('a process holder', () => {
  it('keeps what it claimed its own while it beats, and leaves it to others the moment it stops', async () => {
    store = createSqliteStore(openDb(':memory:'))
    const holder = createHolder(store, { leaseMs: LEASE_MS, logger })
    await Promise.all([holder.start(), holder.start()])
    expect(await claimBy(holder.id)).toBe('claimed')
    // Three leases later it has kept beating: another process still finds the update held.
    await new Promise((resolve) => setTimeout(resolve, 3 * LEASE_MS))
    expect(await claimBy('other')).toBe('held')
    await holder.stop()
    expect(await claimBy('other')).toBe('claimed')
  })

  it('has a new id at every start of a process, so a restart never takes a dead predecessor’s claims for its own', () => {
    store = createSqliteStore(openDb(':memory:'))
    const [a, b] = [createHolder(store, { leaseMs: LEASE_MS, logger }), createHolder(store, { leaseMs: LEASE_MS, logger })]
    expect(a.id).not.toBe(b.id)
    expect(a.id).toMatch(new RegExp(`/${process.pid}/`))
  })
})
