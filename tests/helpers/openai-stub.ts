import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { listenLocal, readBody, sendJson } from './http.js'

/** What the stub does with one request to /v1/chat/completions. */
export interface StubReply {
  /** The assistant's text: sent as SSE chunks when the client asked to stream, else as one JSON completion. */
  text?: string
  /** How the streamed text is cut (default: pieces of 4 characters). */
  chunks?: string[]
  /** An error status with an OpenAI-style error body. */
  status?: number
  headers?: Record<string, string>
  /** A raw body sent as is with status 200 (garbage the client must survive). */
  raw?: string
  /** Wait this long before sending anything. */
  delayMs?: number
  /** Pause between streamed chunks (default 1 ms). */
  chunkDelayMs?: number
  /** Send the headers and this many chunks, then never finish. */
  stallAfterChunks?: number
}

export interface StubRequest {
  body: { model: string; messages: { role: string; content: string }[]; stream?: boolean; response_format?: unknown }
  headers: IncomingMessage['headers']
}

export interface OpenAiStub {
  /** The base URL to put in OPENAI_BASE_URL (…/v1). */
  baseURL: string
  requests: StubRequest[]
  /** Decides the reply to the i-th request (0-based); set per test. */
  script: (req: StubRequest, i: number) => StubReply
  close(): Promise<void>
}

/** A local OpenAI-compatible chat server on 127.0.0.1, port 0, scriptable per test. */
export async function startOpenAiStub(): Promise<OpenAiStub> {
  const stub: Omit<OpenAiStub, 'baseURL' | 'close'> = { requests: [], script: () => ({ text: '' }) }
  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return sendJson(res, 404, { error: { message: 'not found' } })
    const request: StubRequest = { body: JSON.parse(raw), headers: req.headers }
    stub.requests.push(request)
    const reply = stub.script(request, stub.requests.length - 1)
    if (reply.delayMs) await sleep(reply.delayMs)
    if (res.destroyed) return
    if (reply.status) return sendJson(res, reply.status, { error: { message: `stub error ${reply.status}`, type: 'server_error' } }, reply.headers)
    if (reply.raw !== undefined) {
      res.writeHead(200, { 'content-type': 'text/plain', ...reply.headers })
      return res.end(reply.raw)
    }
    const text = reply.text ?? ''
    if (request.body.stream) return streamText(res, request.body.model, reply.chunks ?? cut(text, 4), reply.stallAfterChunks, reply.chunkDelayMs)
    sendJson(res, 200, completion(request.body.model, text), reply.headers)
  })
  return Object.assign(stub, await listenLocal(server))
}

async function streamText(res: ServerResponse, model: string, chunks: string[], stallAfter?: number, chunkDelayMs = 1): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const send = (delta: object, finish: string | null = null) =>
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-stub', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`)
  send({ role: 'assistant', content: '' })
  for (const [i, piece] of chunks.entries()) {
    if (stallAfter !== undefined && i >= stallAfter) return // headers and some chunks sent; the rest never comes
    send({ content: piece })
    await sleep(chunkDelayMs)
  }
  send({}, 'stop')
  res.end('data: [DONE]\n\n')
}

function completion(model: string, text: string) {
  return {
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  }
}


function cut(text: string, size: number): string[] {
  const chars = [...text]
  const out: string[] = []
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''))
  return out
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
