import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { manifestMetaFor, parseIsoDate, readManifest, type ManifestEntries } from '../../src/ingest/index.js'
import { useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()
const manifest = (files: unknown) => JSON.stringify({ files })

describe('readManifest', () => {
  it('gives each file its paper, issue date and page, without the note', () => {
    const dir = tmp()
    writeFiles(dir, { 'manifest.json': manifest({ 'p1.txt': { paper: '经开时报', issueDate: '2023-11-15', page: 2, note: '估计' } }) })
    expect(readManifest(dir)).toEqual({ 'p1.txt': { paper: '经开时报', issueDate: '2023-11-15', page: '2' } })
    const cache = new Map<string, ManifestEntries>()
    expect(manifestMetaFor(`${dir}/p1.txt`, cache)).toMatchObject({ paper: '经开时报' })
    expect(manifestMetaFor(`${dir}/other.txt`, cache)).toEqual({})
  })

  it('is empty when a folder has none', () => {
    expect(readManifest(tmp())).toEqual({})
  })

  it('rejects broken JSON and impossible dates with an InputError naming the file', () => {
    const broken = tmp()
    writeFiles(broken, { 'manifest.json': '{"files": {' })
    expect(() => readManifest(broken)).toThrow(InputError)
    expect(() => readManifest(broken)).toThrow(/manifest\.json 不是有效的 JSON/)
    const impossible = tmp()
    writeFiles(impossible, { 'manifest.json': manifest({ 'p1.txt': { issueDate: '2023-02-30' } }) })
    expect(() => readManifest(impossible)).toThrow(/manifest\.json 格式不对：issueDate 应为 YYYY-MM-DD 格式的真实日期/)
  })
})

describe('parseIsoDate', () => {
  it.each([
    ['2023-11-15', '2023-11-15'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', undefined],
    ['2023-13-01', undefined],
    ['2023-1-5', undefined],
    ['2023-11-15T00:00', undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected)
  })
})
