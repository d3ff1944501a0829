import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTmpDir } from '../helpers/tmp.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const tmp = useTmpDir()

interface Manifest {
  name: string
  scripts?: Record<string, string>
  allowScripts?: Record<string, boolean>
}

const readManifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest

/** Installed packages (node_modules, scoped and nested) whose install scripts npm 11 runs. */
function packagesWithInstallScripts(dir = join(ROOT, 'node_modules')): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.name.startsWith('@')) {
      found.push(...packagesWithInstallScripts(path))
      continue
    }
    const manifest = join(path, 'package.json')
    if (existsSync(manifest)) {
      const { name, scripts = {} } = readManifest(manifest)
      // A package with a binding.gyp and no install script gets `node-gyp rebuild` implicitly.
      if (scripts.preinstall || scripts.install || scripts.postinstall || existsSync(join(path, 'binding.gyp'))) found.push(name)
    }
    if (existsSync(join(path, 'node_modules'))) found.push(...packagesWithInstallScripts(join(path, 'node_modules')))
  }
  return [...new Set(found)]
}

describe('installing on a fresh clone', () => {
  it('declares every dependency install script in allowScripts (run or declined), so npm 11 does not warn', () => {
    const allowed = readManifest(join(ROOT, 'package.json')).allowScripts ?? {}
    const scripts = packagesWithInstallScripts()
    expect(scripts.length).toBeGreaterThan(0)
    for (const name of scripts) expect(allowed[name], name).toBeTypeOf('boolean')
  })

  it('leaves package-lock.json as committed when npm resolves it again', () => {
    const dir = tmp()
    for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, f), join(dir, f))
    const before = readFileSync(join(dir, 'package-lock.json'), 'utf8')
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: dir,
      stdio: 'pipe',
      timeout: 120_000,
    })
    expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(before)
  }, 150_000)
})
