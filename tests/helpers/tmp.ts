import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh temporary folder per test, removed afterwards. */
export function useTmpDir(): () => string {
  let dirs: string[] = []
  afterEach(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
    dirs = []
  })
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'newsbot-test-'))
    dirs.push(d)
    return d
  }
}

/** Writes files (name → content) into a folder and returns their paths by name. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): Record<string, string> {
  const paths: Record<string, string> = {}
  for (const [name, content] of Object.entries(files)) {
    paths[name] = join(dir, name)
    writeFileSync(paths[name], content)
  }
  return paths
}

/** JSONL text from records. */
export function jsonl(records: unknown[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`
}
