import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { decodeText } from '../../src/ingest/index.js'

const TEXT = '本报讯 6月1日上午，经开区召开会议。\n记者 鲁慧\n'

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')])],
    ['GBK', iconv.encode(TEXT, 'gbk')],
    ['GB18030', iconv.encode(TEXT, 'gb18030')],
  ])('reads %s', (_, bytes) => {
    expect(decodeText(bytes, 'page.txt')).toBe(TEXT)
  })

  it('turns Windows line endings into \\n', () => {
    expect(decodeText(Buffer.from('第一行\r\n第二行\r第三行'), 'p.txt')).toBe('第一行\n第二行\n第三行')
  })

  it.each([
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /p\.bin.*二进制/],
    ['text with NUL bytes', Buffer.from('正文\u0000\u0000正文'), /p\.bin.*二进制/],
    ['control bytes without NULs', Buffer.from([0x01, 0x02, 0x9c, 0x1b, 0x85, 0x7f, 0xa0, 0x13]), /p\.bin.*二进制/],
    ['an empty file', Buffer.alloc(0), /p\.bin.*空的/],
    ['a whitespace-only file', Buffer.from(' \r\n\t\n　'), /p\.bin.*空的/],
    ['bytes that are neither UTF-8 nor GB18030', Buffer.from([0x80, 0xff, 0xfe, 0x81, 0x30, 0xff, 0x80]), /p\.bin.*编码/],
  ])('rejects %s with one clear sentence naming the file', (_, bytes, message) => {
    expect(() => decodeText(bytes, 'p.bin')).toThrow(InputError)
    expect(() => decodeText(bytes, 'p.bin')).toThrow(message)
  })
})
