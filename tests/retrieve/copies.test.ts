import { describe, expect, it } from 'vitest'
import { demoteCopies, isNearCopy } from '../../src/retrieve/copies.js'

const STORY =
  '经开区今年新建口袋公园35个，新增绿化面积120万平方米，方便群众就近休闲。公园配备了健身器材和休息座椅，' +
  '夜间照明同步完善。附近居民表示，下楼走几步就能散步健身，生活更方便了。下一步，经开区将继续推进城市绿化。'
const demote = (texts: string[], k: number) => demoteCopies(texts.map((t, i) => ({ i, t })), k, (x) => x.t).map((x) => x.i)

describe('demoteCopies', () => {
  it('moves a near-copy of a better item after the distinct ones', () => {
    const texts = [STORY, `（转载）${STORY}`, '二七区新增就业11598人。', '示范区开通新公交线路。']
    expect(demote(texts, 3)).toEqual([0, 2, 3])
    expect(demote(texts, 4)).toEqual([0, 2, 3, 1])
  })

  it('keeps stories that only share a topic or a sentence', () => {
    const texts = [STORY, `${STORY.slice(0, 20)}下一步，经开区还将建设更多口袋公园，并完善配套设施。`, STORY.slice(0, 30)]
    expect(demote(texts, 3)).toEqual([0, 1, 2])
  })

  it('returns at most k items, in order when nothing repeats', () => {
    expect(demote(['甲乙丙丁', '戊己庚辛', '壬癸子丑'], 2)).toEqual([0, 1])
    expect(demote([], 5)).toEqual([])
  })
})

describe('isNearCopy', () => {
  it('is a copy from 90 % shared character pairs (Jaccard) on', () => {
    const eleven = '甲乙丙丁戊己庚辛壬癸子'
    expect(isNearCopy(eleven, eleven.slice(0, 10))).toBe(true) // 9 of 10 pairs
    expect(isNearCopy(eleven.slice(0, 10), eleven)).toBe(true)
    expect(isNearCopy(eleven, eleven.slice(0, 9))).toBe(false) // 8 of 10
    expect(isNearCopy(eleven, `${eleven.slice(0, 5)}丑${eleven.slice(6)}`)).toBe(false) // one changed character costs two pairs
  })

  it('counts each distinct pair once', () => {
    expect(isNearCopy('哈哈哈哈哈哈', '哈哈')).toBe(true)
    expect(isNearCopy('哈哈哈哈哈哈', '嘿嘿嘿嘿嘿嘿')).toBe(false)
  })

  it('tells apart texts of the same length that share few pairs', () => {
    expect(isNearCopy(STORY, [...STORY].reverse().join(''))).toBe(false)
    expect(isNearCopy(STORY, STORY.replace('35个', '36个'))).toBe(true)
    expect(isNearCopy('', '')).toBe(false)
  })
})
