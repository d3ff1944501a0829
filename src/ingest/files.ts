import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { MANIFEST_NAME } from './manifest.js'

// The default database lives in data/; ingesting that folder must not read it as a page.
const DATABASE_FILE = /\.db(-wal|-shm|-journal)?$/

/** A path named for ingest, expanded: the files to read, and the names that could not be read at all. */
export interface ExpandedPaths {
  files: string[]
  missing: string[]
}

/** Expands files and folders (recursively, sorted) into absolute file paths; skips manifests and hidden files. */
export function expandPaths(paths: string[]): ExpandedPaths {
  const files: string[] = []
  const missing: string[] = []
  for (const p of paths) {
    const abs = resolve(p)
    let isDir: boolean
    try {
      isDir = statSync(abs).isDirectory()
    } catch {
      missing.push(p)
      continue
    }
    if (isDir) files.push(...walk(abs))
    else files.push(abs)
  }
  return { files: [...new Set(files)], missing }
}

function walk(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === MANIFEST_NAME || DATABASE_FILE.test(entry.name)) continue
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(full))
    else if (entry.isFile()) out.push(full)
  }
  return out
}
