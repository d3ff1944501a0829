// Picks the benchmark's questions and document subset from the CRUD-RAG files, deterministically.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, readFileSync } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import type { BenchQuestion } from './worker.js'

/** `n` questions in a fixed pseudo-random order (by SHA-1 of qid), so 1doc/2docs/3docs sets all appear. */
export function loadQuestions(qaPath: string, n: number | 'all'): BenchQuestion[] {
  const all = readFileSync(qaPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { qid: string; question: string; gold_doc_ids: string[] })
    .map((q) => ({ qid: q.qid, question: q.question, gold: q.gold_doc_ids, key: sha1(q.qid) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
  return all.slice(0, n === 'all' ? all.length : n).map(({ qid, question, gold }) => ({ qid, question, gold }))
}

/**
 * Writes every gold document plus filler documents up to `n` to `outPath` (JSONL, source order).
 * Filler is the non-gold documents with the smallest ids; ids are content hashes, so that is a
 * fixed sample spread over the whole corpus. Two streamed passes keep memory flat.
 */
export async function writeDocSubset(docsPath: string, gold: Set<string>, n: number, outPath: string) {
  const filler: string[] = []
  let goldFound = 0
  for await (const line of readLines(docsPath)) {
    const id = lineId(line)
    if (gold.has(id)) goldFound++
    else filler.push(id)
  }
  filler.sort()
  const keep = new Set([...gold, ...filler.slice(0, Math.max(0, n - goldFound))])
  const out = createWriteStream(outPath)
  let docs = 0
  for await (const line of readLines(docsPath)) {
    if (!keep.has(lineId(line))) continue
    docs++
    if (!out.write(line + '\n')) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return { docs, goldFound, corpusDocs: filler.length + goldFound }
}

async function* readLines(path: string): AsyncGenerator<string> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 })
  const source = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  raw.on('error', (err) => source.destroy(err))
  for await (const line of createInterface({ input: source, crlfDelay: Infinity })) if (line.trim()) yield line
}

function lineId(line: string): string {
  return (JSON.parse(line) as { id: string }).id
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex')
}
