import { createReadStream, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { z } from '../zod.js'
import { InputError } from '../errors.js'
import { stripBidiControls } from './normalize.js'
import { isImpossibleDate, parseLooseDate } from './record-date.js'
import type { ParsedArticle } from './types.js'

const Optional = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? undefined : String(v).trim() || undefined))

const JsonlRecord = z.object({
  id: Optional,
  title: Optional,
  text: z.string({ error: '缺少 text 字段' }).refine((t) => t.trim().length > 0, '正文 text 为空'),
  date: Optional,
  published_at: Optional,
  paper: Optional,
  page: Optional,
  url: Optional,
})

export type JsonlItem = { line: number; article: ParsedArticle } | { line: number; error: string }

export interface JsonlProgress {
  (bytesRead: number, totalBytes: number): void
}

/** True for the names the JSONL reader takes: .jsonl, .ndjson, and either gzipped. */
export function isJsonlPath(path: string): boolean {
  return /\.(jsonl|ndjson)(\.gz)?$/i.test(path)
}

/**
 * Streams a JSONL (optionally gzipped) file record by record, so memory stays flat on large files.
 * A bad line yields an error item with its line number; a broken gzip stream throws InputError.
 */
export async function* readJsonl(path: string, onProgress?: JsonlProgress): AsyncGenerator<JsonlItem> {
  const total = statSync(path).size
  const raw = createReadStream(path, { highWaterMark: 1 << 20 })
  if (onProgress) raw.on('data', () => onProgress(raw.bytesRead, total))
  const source = path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  // pipe() does not forward errors; surface a truncated gzip through the line reader.
  raw.on('error', (err) => source.destroy(err))
  const lines = createInterface({ input: source, crlfDelay: Infinity })
  let n = 0
  try {
    for await (const line of lines) {
      n++
      if (line.trim() === '') continue
      yield parseJsonlLine(line, n)
    }
  } catch (err) {
    throw new InputError(`${path} 读取失败（第 ${n} 行之后）：${describeStreamError(err)}`, { cause: err })
  }
}

/** Parses one line into an article, or an error item naming what is wrong with it. */
export function parseJsonlLine(line: string, lineNo: number): JsonlItem {
  let value: unknown
  try {
    value = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line)
  } catch {
    return { line: lineNo, error: `第 ${lineNo} 行不是有效的 JSON` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line: lineNo, error: `第 ${lineNo} 行不是一条记录（应为 JSON 对象，如 {"title": …, "text": …}）` }
  }
  const rec = JsonlRecord.safeParse(value)
  if (!rec.success) {
    const why = rec.error.issues.map((i) => i.message).join('；')
    return { line: lineNo, error: `第 ${lineNo} 行：${why}` }
  }
  const r = rec.data
  const given = r.date ?? r.published_at
  if (isImpossibleDate(given)) return { line: lineNo, error: `第 ${lineNo} 行：日期 ${given} 不存在（应为真实的日期，如 2023-11-15）` }
  const when = parseLooseDate(given)
  return {
    line: lineNo,
    article: {
      id: r.id,
      title: stripBidiControls(r.title ?? ''),
      text: stripBidiControls(r.text).trim().replace(/\r\n?/g, '\n'),
      reporters: [],
      correspondents: [],
      paper: r.paper === undefined ? undefined : stripBidiControls(r.paper),
      issueDate: when,
      dateInferred: false,
      page: r.page,
      url: r.url,
    },
  }
}

function describeStreamError(err: unknown): string {
  const code = (err as { code?: string }).code
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') return 'gzip 数据损坏或被截断'
  return err instanceof Error ? err.message : String(err)
}
