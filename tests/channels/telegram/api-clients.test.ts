import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { Api } from 'grammy'
import { afterEach, describe, expect, it } from 'vitest'
import { createSenderApi, handlerClientOptions } from '../../../src/channels/telegram/api-clients.js'

const TOKEN = '123:test'
const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve))
})

/** A Bot API stand-in that closes idle connections after `idleMs` (announced as Keep-Alive: timeout) and counts connections. */
async function botApi(idleMs: number): Promise<{ root: string; connections: () => number }> {
  let connections = 0
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: { id: 1, is_bot: true, first_name: 'b', username: 'b' } }))
  })
  server.keepAliveTimeout = idleMs
  server.on('connection', () => connections++)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections }
}

describe('the Bot API clients', () => {
  // A call on a connection the server closes for idleness that moment fails with ECONNRESET and an
  // answer is lost; the clients give such a connection up a second before the server's announced limit.
  it.each([
    ['the handlers', (root: string) => new Api(TOKEN, handlerClientOptions(root))],
    ['the digest sender', (root: string) => createSenderApi(TOKEN, root)],
  ])("%s: a connection the server is about to close is given up, a fresh one reused", async (_, client) => {
    const api = await botApi(2_000)
    const bot = client(api.root)
    await bot.getMe()
    await bot.getMe()
    expect(api.connections()).toBe(1)
    // Past the client's limit (2 s announced, less a second) and before the server's.
    await sleep(1_400)
    await bot.getMe()
    expect(api.connections()).toBe(2)
  })
})
