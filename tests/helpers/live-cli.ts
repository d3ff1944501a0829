import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = fileURLToPath(new URL('../../src/channels/cli/main.ts', import.meta.url))

export interface LiveCli {
  child: ChildProcess
  /** stdout and stderr so far, interleaved. */
  output(): string
  /** Resolves once the output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  exited: Promise<number | null>
}

/** True when util-linux `script` can give the CLI a terminal (for what only shows on a TTY). */
export const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0

/**
 * The real CLI as a running process whose output can be watched; with `tty` it runs inside
 * `script`, so it sees a terminal, and `interrupt()` types Ctrl-C into it.
 */
export function startCli(args: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}): LiveCli & { interrupt(): void } {
  const env = { ...process.env, NEWSBOT_DB: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ...opts.env }
  const argv = [process.execPath, '--import', 'tsx', MAIN, ...args]
  const child = opts.tty
    ? spawn('script', ['-qfec', argv.map(quote).join(' '), '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(argv[0]!, argv.slice(1), { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  const waiters = new Set<() => void>()
  const onData = (d: Buffer) => {
    out += d
    for (const w of waiters) w()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    output: () => out,
    exited,
    interrupt: () => (opts.tty ? child.stdin!.write('\x03') : child.kill('SIGINT')),
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(out)) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no ${pattern} in output:\n${out}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      }),
  }
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}
