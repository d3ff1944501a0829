import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { weightQuestionTerms } from '../../src/answer/query-terms.js'
import { tokenizeForIndex } from '../../src/retrieve/index.js'
import { ingestPaths, openDb, type Db } from '../../src/store/index.js'
import { jsonl } from '../helpers/tmp.js'

let db: Db
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-terms-'))
  const common = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, text: `经开区召开第${i}次工作会议，部署近期工作。` }))
  writeFileSync(join(dir, 'a.jsonl'), jsonl([...common, { id: 'h', text: '经开区已分配安置房3636套。' }]))
  db = openDb(':memory:')
  await ingestPaths(db, [dir], { tokenize: tokenizeForIndex })
})
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('weightQuestionTerms', () => {
  it('keeps the content words and drops the question words (多少, 几个, 那边)', () => {
    const terms = weightQuestionTerms(db, '那边经开区分配了多少套安置房，有几个？').map((t) => t.term)
    expect(terms).toEqual(expect.arrayContaining(['经开区', '分配', '安置房']))
    for (const w of ['多少', '几个', '那边', '了']) expect(terms).not.toContain(w)
  })

  it('drops the forms that ask what happened or what to do (怎么回事, 咋办): no article says them', () => {
    expect(weightQuestionTerms(db, '安置房分配是怎么回事').map((t) => t.term)).toEqual(['安置房', '分配'])
    expect(weightQuestionTerms(db, '安置房没分到咋办').map((t) => t.term)).not.toContain('咋办')
  })

  it('drops the time connectives (以后, 之前) that tie a question together', () => {
    expect(weightQuestionTerms(db, '安置房分配以后咋办').map((t) => t.term)).toEqual(['安置房', '分配'])
  })

  it('weighs a rare word above a common one', () => {
    const terms = weightQuestionTerms(db, '经开区安置房')
    const weight = (w: string) => terms.find((t) => t.term === w)!.weight
    expect(weight('安置房')).toBeGreaterThan(weight('经开区'))
  })

  it('carries the lexicon spellings, so 回迁房 finds 安置房', () => {
    const [term] = weightQuestionTerms(db, '回迁房')
    expect(term).toMatchObject({ term: '回迁房', synonyms: expect.arrayContaining(['安置房']) })
    expect(Number.isFinite(term!.weight)).toBe(true)
  })
})
