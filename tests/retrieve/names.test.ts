import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listSources, mapArticles, SAMPLES_DIR } from '../../src/ingest/index.js'
import { analyzeQuery, createIndex, extractNameCandidates, indexSources, pickLearnedNames, writeIndexed } from '../../src/retrieve/index.js'
import { getLearnedNameCounts, openDb, type Db } from '../../src/store/index.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const counted = (counts: Record<string, number>) => (names: string[]) =>
  new Map(names.filter((n) => n in counts).map((n) => [n, counts[n]!]))

describe('extractNameCandidates', () => {
  it.each([
    ['本报讯 连日来，五里堡街道通过消防安全检查', ['里堡街道', '五里堡街道']],
    ['中原区的马砦社区', ['马砦社区']],
    ['入驻马寨产业集聚区', ['马寨产业集聚区', '驻马寨产业集聚区', '入驻马寨产业集聚区']],
    // A particle or linking word is never a name's first character.
    ['楼院和城中村改造', ['城中村']],
    // A name never reaches back into the one before it.
    ['蜜蜂张街道马砦社区党支部', ['蜂张街道', '蜜蜂张街道', '马砦社区']],
    ['6月1日，社区开展活动', []],
  ])('%s → %j', (text, expected) => {
    expect(extractNameCandidates(text).sort()).toEqual([...expected].sort())
  })
})

describe('pickLearnedNames', () => {
  it.each([
    ['grows to the longest form seen in 2+ articles', '财富天阶小区加装电梯', { 天阶小区: 3, 富天阶小区: 3, 财富天阶小区: 3 }, ['财富天阶小区']],
    ['stops where the count drops below half (a neighbouring word taken in)', '请问马砦社区在哪', { 马砦社区: 9, 问马砦社区: 2 }, ['马砦社区']],
    ['ignores names seen in a single article', '马砦社区在哪', { 马砦社区: 1 }, []],
    ['keeps each name of the question', '五里堡街道马砦社区', { 里堡街道: 4, 五里堡街道: 4, 马砦社区: 2 }, ['五里堡街道', '马砦社区']],
  ])('%s', (_name, text, counts, expected) => {
    expect(pickLearnedNames(text, counted(counts))).toEqual(expected)
  })

  it('does not look anything up for a question without a kind word', () => {
    let calls = 0
    expect(pickLearnedNames('安置房分了多少', (n) => (calls++, counted({})(n)))).toEqual([])
    expect(calls).toBe(0)
  })
})

describe('names learned at ingest', () => {
  const tmp = useTmpDir()
  let db: Db
  const learned = (text: string) => pickLearnedNames(text, (names) => getLearnedNameCounts(db, names))
  const words = (q: string) => analyzeQuery(q, null, undefined, learned).terms.filter((t) => t.kind === 'word').map((t) => t.text)
  const second = { id: 'tj-2', title: '财富天阶小区加装电梯', text: '本报讯 近日，财富天阶小区首部加装电梯投入使用，居民出行更方便。', date: '2020-07-01' }

  beforeEach(async () => {
    db = openDb(':memory:')
    await createIndex(db).loadSamplesIfEmpty()
  })
  afterEach(() => db.close())

  async function ingest(records: unknown[]) {
    const paths = writeFiles(tmp(), { 'more.jsonl': jsonl(records) })
    return createIndex(db).write([paths['more.jsonl']!])
  }

  it('keeps a name from the samples whole once a second article mentions it', async () => {
    expect(getLearnedNameCounts(db, ['财富天阶小区']).get('财富天阶小区')).toBe(1)
    expect(words('财富天阶小区加装电梯了吗')).not.toContain('财富天阶小区')
    await ingest([second])
    expect(getLearnedNameCounts(db, ['财富天阶小区']).get('财富天阶小区')).toBe(2)
    expect(words('财富天阶小区加装电梯了吗')).toContain('财富天阶小区')
  })

  it('counts an article once however often it names a place, and forgets the names of a rewritten article', async () => {
    await ingest([{ ...second, text: `${second.text}财富天阶小区居民表示满意。` }])
    expect(getLearnedNameCounts(db, ['财富天阶小区']).get('财富天阶小区')).toBe(2)
    await ingest([{ ...second, title: '加装电梯', text: '本报讯 近日，首部加装电梯投入使用。' }])
    expect(getLearnedNameCounts(db, ['财富天阶小区']).get('财富天阶小区')).toBe(1)
    expect(words('财富天阶小区加装电梯了吗')).not.toContain('财富天阶小区')
  })

  it('learns only the names the index hands the store with each article', async () => {
    const plain = openDb(':memory:')
    await writeIndexed(plain, mapArticles(indexSources(listSources([SAMPLES_DIR])), (a) => ({ ...a, index: () => ({ ...a.index(), names: [] }) })))
    expect(getLearnedNameCounts(plain, ['财富天阶小区', '马砦社区']).size).toBe(0)
    plain.close()
  })
})
