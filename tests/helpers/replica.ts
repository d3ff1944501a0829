import type { ChildProcess } from 'node:child_process'

/**
 * A replica process's exit code once it exits; a failing one prints what it wrote to stderr, so a
 * test that sees a replica die shows why.
 */
export function exitOf(child: ChildProcess): Promise<number | null> {
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))
  return new Promise((resolve) => child.once('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`replica ${child.pid} exited ${code}: ${stderr}\n`)
    resolve(code)
  }))
}
