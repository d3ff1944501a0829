import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'

export interface RunningServer {
  /** http://HOST:PORT, with the port actually bound (port 0 picks a free one). */
  url: string
  /** Stops accepting connections and resolves once the requests in flight have been answered. */
  close: () => Promise<void>
}

/** Listens on host:port and resolves when ready. */
export function startWebServer(app: Hono, opts: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }) as Server
    let closing = false
    // Once closing, a connection whose answer is done is dropped rather than kept alive for the next request.
    server.on('request', (_req, res) => res.once('finish', () => closing && setImmediate(() => server.closeIdleConnections())))
    server.once('error', reject)
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            closing = true
            // close() waits for the answers in flight; idle keep-alive sockets would hold it open.
            server.close(() => done())
            server.closeIdleConnections()
          }),
      })
    })
  })
}
