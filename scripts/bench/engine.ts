import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'

/** One corpus document as the benchmark hands it to every engine. */
export interface BenchDoc {
  id: string
  text: string
}

/**
 * A retrieval engine under benchmark: it indexes the corpus file itself (so each engine reads the
 * corpus the way it would in practice, streamed) and returns the ids of its top k documents.
 */
export interface Engine {
  build(docsPath: string): Promise<void>
  search(query: string, k: number): string[] | Promise<string[]>
  /** Releases files the engine made (temp databases). */
  close?(): void
}

/** Streams `{id, text}` records from a .jsonl or .jsonl.gz file, one line at a time. */
export async function* readDocs(path: string): AsyncGenerator<BenchDoc> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 })
  const source = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  raw.on('error', (err) => source.destroy(err))
  for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
    if (line.trim() === '') continue
    const { id, text } = JSON.parse(line) as BenchDoc
    yield { id, text }
  }
}
