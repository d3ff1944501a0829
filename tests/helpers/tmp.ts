import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'

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

/**
 * One temporary folder for a whole test file, for what its beforeAll sets up and keeps open (a served
 * database): a per-test folder would be removed under it after the first test. Removed after the file,
 * once the file's own afterAll hooks (registered later, run earlier) have closed what uses it.
 */
export function useSuiteTmpDir(): () => string {
  let dir: string | undefined
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
    dir = undefined
  })
  return () => (dir ??= mkdtempSync(join(tmpdir(), 'newsbot-test-')))
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
