import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIndex } from '../../src/retrieve/index.js'
import { getTermDocCounts, openDb } from '../../src/store/index.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()
afterEach(() => vi.useRealTimers())

const batch = (dir: string, name: string, n: number) =>
  writeFiles(dir, { [name]: jsonl(Array.from({ length: n }, (_, i) => ({ id: `${name}-${i}`, text: `经开区安置房第${i}批分配完成。` }))) })[name]!

describe('getTermDocCounts', () => {
  it('counts again at once after its own writes, and at most every 10 s after another process’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const dir = tmp()
    const path = join(dir, 'n.db')
    const reader = openDb(path)
    const writer = openDb(path)
    await createIndex(reader).write([batch(dir, 'a.jsonl', 2)])
    expect(getTermDocCounts(reader, ['安置']).docs.get('安置')).toBe(2) // its own write: counted now
    await createIndex(writer).write([batch(dir, 'b.jsonl', 3)])
    expect(getTermDocCounts(reader, ['安置']).docs.get('安置')).toBe(2) // another's write: the counts stand a while
    vi.advanceTimersByTime(10_001)
    expect(getTermDocCounts(reader, ['安置'])).toMatchObject({ total: 5, docs: new Map([['安置', 5]]) })
    reader.close()
    writer.close()
  })
})
