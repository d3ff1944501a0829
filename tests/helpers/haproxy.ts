import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { freePort } from './http.js'

// Debian installs it in /usr/sbin, which a non-root PATH may leave out.
const CANDIDATES = ['haproxy', '/usr/sbin/haproxy']

/** The HAProxy binary, or null when it is not installed (Debian package `haproxy`). */
export const HAPROXY = CANDIDATES.find((bin) => (bin.includes('/') ? existsSync(bin) : spawnSync(bin, ['-v']).status === 0)) ?? null

export interface LoadBalancer {
  port: number
  child: ChildProcess
  close(): Promise<void>
}

/**
 * HAProxy in front of `servers` on 127.0.0.1, with its config in `dir`: random balancing, a TCP
 * health check every 250 ms (one failure marks a server down), and a failed connection retried on
 * another server. A request a server drops mid-way is not retried: the client sees a 502, as
 * Telegram would, and resends.
 */
export async function startHaproxy(dir: string, servers: number[]): Promise<LoadBalancer> {
  if (!HAPROXY) throw new Error('haproxy is not installed')
  const port = await freePort()
  const config = join(dir, 'haproxy.cfg')
  writeFileSync(config, `global
  maxconn 2000

defaults
  mode http
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  timeout queue 30s
  retries 3
  option redispatch 1

frontend hook
  bind 127.0.0.1:${port}
  default_backend bots

backend bots
  balance random
  default-server check inter 250ms fall 1 rise 2
${servers.map((p, i) => `  server bot${i} 127.0.0.1:${p}`).join('\n')}
`)
  const child = spawn(HAPROXY, ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitForPort(port, () => (child.exitCode !== null ? `haproxy exited ${child.exitCode}: ${stderr}` : null))
  return {
    port,
    child,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}


/** Resolves once something accepts connections on the port; `failed` names why waiting is pointless. */
export async function waitForPort(port: number, failed: () => string | null = () => null, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const why = failed()
    if (why) throw new Error(why)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > until) throw new Error(`nothing listens on port ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
