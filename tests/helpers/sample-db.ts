import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createIndex, type QuestionIndex } from '../../src/retrieve/index.js'
import { openDb, type Db } from '../../src/store/index.js'
import { useSuiteTmpDir } from './tmp.js'

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

/**
 * The bundled samples, read-only, with their question index, for the tests of one describe block: call it
 * there and read the store inside the tests.
 */
export function useSampleIndex(): () => { db: Db; index: QuestionIndex } {
  const tmp = useSuiteTmpDir()
  let opened: { db: Db; index: QuestionIndex } | undefined
  beforeAll(async () => {
    const db = openDb(await writeSampleDb(join(tmp(), 'samples.db')), { readonly: true })
    opened = { db, index: createIndex(db) }
  })
  afterAll(() => opened?.db.close())
  return () => opened!
}
