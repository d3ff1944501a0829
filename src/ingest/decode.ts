// PLACEHOLDER until the segmenter lands (owned by the segmenter helper; overwrite freely).
import { InputError } from '../errors.js'

export function decodeText(bytes: Buffer, path: string): string {
  if (bytes.includes(0)) throw new InputError(`${path}: 二进制文件`)
  const text = bytes.toString('utf8')
  if (!text.trim()) throw new InputError(`${path}: 空文件`)
  return text
}
