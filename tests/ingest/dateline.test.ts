import { describe, expect, it } from 'vitest'
import { stripDateline } from '../../src/ingest/index.js'

describe('stripDateline', () => {
  it.each([
    ['本报讯 截至目前，经开区已累计分配安置房3636套。', '截至目前，经开区已累计分配安置房3636套。'],
    ['本报讯（记者付凯明 通讯员黄帅）4月29日，', '4月29日，'],
    ['本报郑州6月1日讯 记者从市政府获悉', '记者从市政府获悉'],
    ['新华社北京6月1日电 国务院常务会议', '国务院常务会议'],
    ['经开区已累计分配安置房3636套。', '经开区已累计分配安置房3636套。'],
  ])('%s', (text, expected) => {
    expect(stripDateline(text)).toBe(expected)
  })
})
