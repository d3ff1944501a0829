import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createIndex } from '../../src/retrieve/index.js'
import { openDb } from '../../src/store/index.js'

let built: Promise<string> | undefined

/**
 * A database file at `path` holding the bundled samples, ingested the way `newsbot ingest data/samples`
 * does it (built once per test process, then copied): the CLI no longer fills an empty database itself.
 */
export async function writeSampleDb(path: string): Promise<string> {
  built ??= (async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'newsbot-samples-')), 'samples.db')
    const db = openDb(file)
    await createIndex(db).loadSamplesIfEmpty()
    db.close()
    return file
  })()
  copyFileSync(await built, path)
  return path
}
