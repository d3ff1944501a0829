import { createServer } from 'node:http'
import { listenLocal, readBody, sendJson } from './http.js'

export const STUB_DIMS = 64

export interface EmbeddingsRequest {
  model: string
  input: string[]
  encoding_format?: string
}

export interface EmbeddingsStub {
  /** The base URL to put in OPENAI_BASE_URL (…/v1). */
  baseURL: string
  requests: EmbeddingsRequest[]
  /** An HTTP status to fail the i-th request (0-based) with, or undefined to answer it; set per test. */
  failWith: (req: EmbeddingsRequest, i: number) => number | undefined
  close(): Promise<void>
}

/**
 * A deterministic stand-in for an embedding model: a text's vector is its character bigrams hashed
 * into STUB_DIMS buckets, normalised, so texts that share wording lie near. `synonyms` (word → word
 * it means) are rewritten first: the one thing a real model knows that bigrams cannot.
 */
export function stubVector(text: string, synonyms: Record<string, string> = {}): number[] {
  let t = text
  for (const [word, meaning] of Object.entries(synonyms)) t = t.split(word).join(meaning)
  const chars = [...t.replace(/[^\p{L}\p{N}]/gu, '')]
  const v = new Array<number>(STUB_DIMS).fill(0)
  for (let i = 0; i + 1 < chars.length; i++) v[hash(chars[i]! + chars[i + 1]!) % STUB_DIMS]! += 1
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1
  return v.map((x) => x / norm)
}

/** A local OpenAI-compatible POST /v1/embeddings server on 127.0.0.1, port 0. */
export async function startEmbeddingsStub(synonyms: Record<string, string> = {}): Promise<EmbeddingsStub> {
  const stub: Omit<EmbeddingsStub, 'baseURL' | 'close'> = { requests: [], failWith: () => undefined }
  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    if (req.method !== 'POST' || !req.url?.endsWith('/embeddings')) return sendJson(res, 404, { error: { message: 'not found' } })
    const body = JSON.parse(raw) as EmbeddingsRequest & { input: string | string[] }
    const request = { ...body, input: Array.isArray(body.input) ? body.input : [body.input] }
    stub.requests.push(request)
    const status = stub.failWith(request, stub.requests.length - 1)
    if (status) return sendJson(res, status, { error: { message: `stub error ${status}`, type: 'server_error' } })
    const data = request.input.map((text, index) => {
      const v = stubVector(text, synonyms)
      const embedding = request.encoding_format === 'base64' ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v
      return { object: 'embedding', index, embedding }
    })
    sendJson(res, 200, { object: 'list', model: request.model, data, usage: { prompt_tokens: 0, total_tokens: 0 } })
  })
  return Object.assign(stub, await listenLocal(server))
}

// FNV-1a: stable across runs and platforms.
function hash(s: string): number {
  let h = 0x811c9dc5
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0
  return h
}
