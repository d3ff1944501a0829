import type { IncomingMessage, ServerResponse } from 'node:http'

/** Answers with a JSON body, as the stand-in servers do. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** The whole request body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (d: string) => (data += d))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}
