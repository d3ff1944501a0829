import { chmodSync } from 'node:fs'
import { runCli, type CliResult } from './cli.js'

// root may write any file whatever its mode, so a read-only file is only read-only to another user.
const NOBODY = 65534

/**
 * Runs the CLI as a user who may read but not write files this process made: as `nobody` when the
 * tests run as root, else as this user (for whom a 0444 file is already read-only). `dir` is opened to them.
 */
export function runCliAsReader(args: string[], dir: string): Promise<CliResult> {
  chmodSync(dir, 0o777)
  const asRoot = process.getuid?.() === 0
  return runCli(args, { HOME: dir }, undefined, asRoot ? { uid: NOBODY, gid: NOBODY } : {})
}
