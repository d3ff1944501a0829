import { describe, expect, it } from 'vitest'
import {
  CALLBACK_DATA_MAX_BYTES,
  decodeCallbackData,
  encodeCallbackData,
  fitsCallbackData,
  type CallbackAction,
} from '../../../src/channels/telegram/callback-data.js'

describe('encodeCallbackData / decodeCallbackData', () => {
  it.each<CallbackAction>([
    { kind: 'src', articleId: 'a-0123456789ab', page: 0 },
    { kind: 'page', articleId: 'd-0123456789ab', page: 3 },
    { kind: 'page', articleId: 'crud-12345', page: 999_999 },
    { kind: 'src', articleId: 'x:y:z', page: 1 },
    { kind: 'src', articleId: '经开时报-2023-07-28', page: 2 },
  ])('round-trips %j', (action) => {
    const data = encodeCallbackData(action)
    expect(data).not.toBeNull()
    expect(Buffer.byteLength(data!)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES)
    expect(decodeCallbackData(data)).toEqual(action)
  })

  it('writes the documented shape', () => {
    expect(encodeCallbackData({ kind: 'src', articleId: 'a-0123456789ab', page: 0 })).toBe('src:a-0123456789ab:0')
    expect(encodeCallbackData({ kind: 'page', articleId: 'a-0123456789ab', page: 2 })).toBe('page:a-0123456789ab:2')
  })

  it('fits exactly 64 bytes and refuses 65', () => {
    const id = (n: number) => 'x'.repeat(n)
    expect(encodeCallbackData({ kind: 'page', articleId: id(57), page: 1 })).toHaveLength(64)
    expect(encodeCallbackData({ kind: 'page', articleId: id(58), page: 1 })).toBeNull()
  })

  it('counts bytes, not characters, for non-ASCII ids', () => {
    // 20 CJK characters are 60 bytes: short as a string, too long as callback data.
    expect(encodeCallbackData({ kind: 'src', articleId: '经'.repeat(20), page: 0 })).toBeNull()
    expect(encodeCallbackData({ kind: 'src', articleId: '经'.repeat(19), page: 0 })).not.toBeNull()
  })

  it.each([
    { kind: 'src', articleId: '', page: 0 },
    { kind: 'src', articleId: 'a', page: -1 },
    { kind: 'src', articleId: 'a', page: 1.5 },
    { kind: 'src', articleId: 'a', page: Number.NaN },
    { kind: 'src', articleId: 'a', page: 10_000_000 },
    { kind: 'src', articleId: 'a\uD800', page: 0 },
  ] as CallbackAction[])('refuses %j', (action) => {
    expect(encodeCallbackData(action)).toBeNull()
  })

  it.each([
    undefined, null, 42, '', 'src', 'src:', 'src::1', 'src:a', 'src:a:', 'src:a:x', 'src:a:-1', 'src:a:01',
    'src:a:1.5', 'nope:a:1', 'SRC:a:1', ':a:1', `src:${'x'.repeat(80)}:1`,
  ])('rejects malformed data %j without throwing', (data) => {
    expect(decodeCallbackData(data)).toBeNull()
  })
})

describe('fitsCallbackData', () => {
  it.each([
    ['', false],
    ['a', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['😀'.repeat(16), true],
    ['😀'.repeat(17), false],
  ])('%j → %j', (data, fits) => {
    expect(fitsCallbackData(data)).toBe(fits)
  })
})
