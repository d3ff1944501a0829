import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from '../zod.js'
import { InputError } from '../errors.js'
import { parseIsoDate } from './dates.js'
import type { PageMeta } from './types.js'

export const MANIFEST_NAME = 'manifest.json'

const Manifest = z.object({
  files: z.record(
    z.string(),
    z.object({
      paper: z.string().optional(),
      issueDate: z.string().refine((d) => parseIsoDate(d) !== undefined, 'issueDate 应为 YYYY-MM-DD 格式的真实日期').optional(),
      dateInferred: z.boolean().optional(),
      page: z.union([z.string(), z.number()]).transform(String).optional(),
      note: z.string().optional(),
    }),
  ),
})

export type ManifestEntries = Record<string, PageMeta>

/** Reads the manifest.json beside a folder's pages ({files: {name: {paper, issueDate, dateInferred, page}}}). */
export function readManifest(dir: string): ManifestEntries {
  const path = join(dir, MANIFEST_NAME)
  if (!existsSync(path)) return {}
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new InputError(`${path} 不是有效的 JSON`, { cause: err })
  }
  const parsed = Manifest.safeParse(json)
  if (!parsed.success) throw new InputError(`${path} 格式不对：${parsed.error.issues[0]?.message}`)
  return Object.fromEntries(
    Object.entries(parsed.data.files).map(([name, { note: _note, ...meta }]) => [name, meta]),
  )
}

/** The manifest entry for one file, read once per folder through the given cache. */
export function manifestMetaFor(file: string, cache: Map<string, ManifestEntries>): PageMeta {
  const dir = dirname(file)
  let entries = cache.get(dir)
  if (!entries) cache.set(dir, (entries = readManifest(dir)))
  return entries[basename(file)] ?? {}
}
