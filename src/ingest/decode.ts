import iconv from 'iconv-lite'
import { InputError } from '../errors.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true })

// C0 controls other than tab, LF, VT, FF and CR: no text file carries more than a stray one.
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/g

/**
 * Decodes a page-text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030
 * (common in Chinese government text). Binary, empty and undecodable files throw InputError.
 */
export function decodeText(bytes: Buffer, path: string): string {
  const text = decodeBytes(bytes, path)
  if (isBinary(text)) throw binaryFile(path)
  if (!text.trim()) throw new InputError(`文件 ${path} 是空的，没有可读取的文字。`)
  return text.replace(/\r\n?/g, '\n')
}

function decodeBytes(bytes: Buffer, path: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), path)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be')
  // Checked on the raw bytes too, so a binary file is named as such rather than as an unknown encoding.
  if (bytes.includes(0) || isBinary(bytes.toString('latin1'))) throw binaryFile(path)
  return utf8(bytes, path)
}

function utf8(bytes: Buffer, path: string): string {
  try {
    return UTF8.decode(bytes)
  } catch {
    return gb18030(bytes, path)
  }
}

/** Accepts a GB18030 reading only when it is clean and its non-ASCII text is mostly Chinese. */
function gb18030(bytes: Buffer, path: string): string {
  const text = iconv.decode(bytes, 'gb18030')
  const nonAscii = text.match(/[^\x00-\x7f]/g) ?? []
  const cjk = text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g) ?? []
  if (!text.includes('\ufffd') && cjk.length >= nonAscii.length * 0.8) return text
  throw new InputError(`文件 ${path} 的编码无法识别（既不是 UTF-8 也不是 GBK/GB18030），请转成 UTF-8 后再导入。`)
}

function isBinary(text: string): boolean {
  const controls = text.match(CONTROL)?.length ?? 0
  return controls > 0 && controls > text.length / 1000
}

function binaryFile(path: string): InputError {
  return new InputError(`文件 ${path} 含有二进制数据，不是可读取的文本文件。`)
}
