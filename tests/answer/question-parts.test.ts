import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { createIndex, type QuestionIndex } from '../../src/retrieve/index.js'
import { getArticle, openDb, type Db } from '../../src/store/index.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useTmpDir } from '../helpers/tmp.js'

// Two questions in one, asked of the bundled sample pages.
describe('questions in several parts, on the sample pages', () => {
  const tmp = useTmpDir()
  let db: Db
  let index: QuestionIndex
  beforeAll(async () => {
    db = openDb(await writeSampleDb(join(tmp(), 'samples.db')), { readonly: true })
    index = createIndex(db)
  })

  it('answers every part the article answers, though together the parts read as a weaker match than each alone', async () => {
    const a = await answerQuestion(index, '五里堡消防演练是几月几号几点开始的？请的哪家的老师讲课？', { mode: 'extractive' })
    expect(a.abstained).toBe(false)
    expect(a.answer).toContain('下午3点')
    expect(a.answer).toContain('众安防火中心')
    for (const c of a.citations) expect(getArticle(db, c.id)!.text).toContain(c.quote)
  })

  it('refuses when the part that names the subject is not answered and the other only asks for more of it', async () => {
    const a = await answerQuestion(index, '金融机构进园区到底是哪几家银行去的？能列一下吗', { mode: 'extractive' })
    expect(a.abstained).toBe(true)
  })
})
