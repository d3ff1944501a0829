import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const MAIN = fileURLToPath(new URL('../../../src/channels/cli/main.ts', import.meta.url))

export interface BotProcess {
  child: ChildProcess
  /** stdout so far: the bot's JSON log lines. */
  stdout(): string
  stderr(): string
  /** How many log lines so far have this msg. */
  countLogs(msg: string): number
  /** Resolves with the n-th (default first) log line whose msg matches. */
  waitForLog(msg: string | RegExp, opts?: { nth?: number; timeoutMs?: number; where?: (line: Record<string, unknown>) => boolean }): Promise<Record<string, unknown>>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** `newsbot bot` as a real child process (through tsx, so it needs no build). */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'bot'], {
    cwd: ROOT,
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_WEBHOOK_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const waiters = new Set<() => void>()
  child.stdout!.on('data', (d) => {
    out += d
    for (const w of waiters) w()
  })
  child.stderr!.on('data', (d) => (err += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  // Only whole lines: the last piece may still be arriving.
  const find = (msg: string | RegExp, nth: number, where: (line: Record<string, unknown>) => boolean) =>
    out.split('\n').slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg))) && where(l))[nth - 1]
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    countLogs: (msg) => out.split('\n').slice(0, -1).filter((l) => (JSON.parse(l) as { msg?: string }).msg === msg).length,
    waitForLog(msg, { nth = 1, timeoutMs = 30_000, where = () => true } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = find(msg, nth, where)
          if (!line) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(line)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no log line ${String(msg)} within ${timeoutMs} ms; stderr: ${err.slice(-2000)}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
  }
}
