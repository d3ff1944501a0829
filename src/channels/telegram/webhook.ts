import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { webhookCallback, type Bot } from 'grammy'
import type { Logger } from './logger.js'

export interface WebhookServer {
  server: Server
  port: number
  close(): Promise<void>
}

// Telegram resends an update it got no answer to; a long answer goes on after the request returns.
const RESPOND_WITHIN_MS = 5000

/**
 * Serves Telegram's webhook on `port` (0 picks a free one) at the path of `url`. grammY checks the
 * X-Telegram-Bot-Api-Secret-Token header against `secret` and answers 401 when it differs.
 */
export async function startWebhookServer(bot: Bot, opts: { url: string; secret: string; port: number; logger: Logger }): Promise<WebhookServer> {
  const path = new URL(opts.url).pathname
  const handle = webhookCallback(bot, 'http', { secretToken: opts.secret, onTimeout: 'return', timeoutMilliseconds: RESPOND_WITHIN_MS })
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) {
      res.writeHead(404).end()
      return
    }
    handle(req, res).catch((err: unknown) => {
      // The error boundary has already answered the user; Telegram must not resend the update.
      opts.logger.error({ err }, 'webhook update failed')
      if (!res.headersSent) res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      }),
  }
}
