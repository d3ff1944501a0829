// Load on `newsbot serve` over HTTP: N concurrent askers posting questions with Accept: text/event-stream,
// time to the first byte (status and headers), to the first event and to the full answer (the `answer`
// event), errors, the server's peak RSS, and the CPU each answer cost: the server's (its main thread apart)
// and this client's, which shares the machine's cores with it.
// The server is a child process (the real CLI), so the askers' own work does not share its event loop.
// Database: --db, else the cached CRUD index data/bench/crud-*.db when one exists (built by bench:search;
// this script never builds it), else the bundled samples.
// Usage: npm run bench:web [-- --levels 1,50,200] [--requests 400] [--warmup 400] [--db PATH] [--profile DIR]
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { pickServedDb } from './bench/served-db.js'
import { printTable } from './bench/table.js'

const ROOT = join(import.meta.dirname, '..')
const CRUD_QA = join(ROOT, '../shared/bench/crud/qa.jsonl')
const { values: args } = parseArgs({
  options: {
    levels: { type: 'string', default: '1,50,200' },
    requests: { type: 'string', default: '400' },
    // Questions asked before the levels. V8 keeps optimizing the answer code in each worker for about
    // the first thousand answers; a few hundred here measure a server that has been running a while.
    warmup: { type: 'string', default: '400' },
    db: { type: 'string' },
    // Writes the server's V8 CPU profile into this folder on exit (open it in Chrome DevTools).
    profile: { type: 'string' },
  },
})

const SAMPLE_QUESTIONS = [
  '郑大二附院周边的路什么时候通车？', '经开区已经分配了多少套安置房？', '小微企业融资难，区里有什么办法？', '王庄村改造到哪一步了？',
  '文明城市创建有哪些做法？', '示范区今年有哪些重点项目？', '火星基地什么时候建成？', '经开区的营商环境怎么样？',
]

function questions(): string[] {
  if (!existsSync(CRUD_QA)) return SAMPLE_QUESTIONS
  return readFileSync(CRUD_QA, 'utf8').split('\n').filter((l) => l.trim()).slice(0, 2000).map((l) => (JSON.parse(l) as { question: string }).question)
}

/** `newsbot serve` on a free port; resolves with its URL and pid once it prints it. */
function startServer(db: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...(args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : []), '--import', 'tsx', join(ROOT, 'src/channels/cli/main.ts'), 'serve', '--db', db, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, NEWSBOT_WEB_RATE_PER_MINUTE: '0', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_ADMIN_PASSWORD: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d
      const m = /listening on (\S+)/.exec(out)
      if (m) resolve({ url: m[1]!, pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) })
    })
    child.once('exit', (code) => reject(new Error(`newsbot serve exited with ${code}`)))
  })
}

/** The server's peak resident memory so far, in MB (Linux). */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}

// /proc/PID/stat counts CPU time in clock ticks, 100 a second on Linux.
const TICK_MS = 10

/** CPU time (user + system) a process or one of its threads has used so far, in ms (Linux). */
function cpuMs(statPath: string): number {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = readFileSync(statPath, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

/** CPU used so far by the server (all threads), its main thread (HTTP, SSE), and this client, in ms. */
function cpuNow(pid: number): { server: number; main: number; client: number } {
  const { user, system } = process.cpuUsage()
  return { server: cpuMs(`/proc/${pid}/stat`), main: cpuMs(`/proc/${pid}/task/${pid}/stat`), client: (user + system) / 1000 }
}

interface Sample {
  /** The status line and headers arrived. */
  firstByte: number
  /** The first server-sent event (a token) arrived. */
  firstEvent: number
  full: number
  ok: boolean
}

function askOnce(url: string, agent: Agent, question: string): Promise<Sample> {
  const started = performance.now()
  const body = JSON.stringify({ question })
  return new Promise((resolve) => {
    const fail = () => resolve({ firstByte: NaN, firstEvent: NaN, full: performance.now() - started, ok: false })
    const req = request(`${url}/api/ask`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const firstByte = performance.now() - started
      let firstEvent = NaN
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        if (Number.isNaN(firstEvent)) firstEvent = performance.now() - started
        text += chunk
      })
      res.on('end', () => resolve({ firstByte, firstEvent, full: performance.now() - started, ok: res.statusCode === 200 && text.includes('event: answer') }))
      res.on('error', fail)
    })
    req.on('error', fail)
    req.end(body)
  })
}

/** `concurrency` askers in a loop until `total` questions have been asked. */
async function run(url: string, concurrency: number, total: number, qs: string[]): Promise<{ samples: Sample[]; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const samples: Sample[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const q = qs[next++ % qs.length]!
        samples.push(await askOnce(url, agent, q))
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return { samples, seconds }
}

const pct = (xs: number[], p: number) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

const { path, source } = await pickServedDb(args.db)
const qs = questions()
const server = await startServer(path)
console.log(`newsbot serve on ${path} (${source}), extractive; ${qs.length} questions\n`)
try {
  // Warm-up: jieba's dictionary, SQLite's page cache, prepared statements, compiled code. Its questions
  // come from the end of the list, so the levels' questions (from the start) find no term count cached.
  const warmup = Number(args.warmup)
  await run(server.url, 4, warmup, qs.slice(-Math.min(warmup, qs.length)))
  const rows: Record<string, string | number>[] = []
  for (const level of args.levels!.split(',').map(Number)) {
    const total = Math.max(Number(args.requests), level)
    const before = cpuNow(server.pid)
    const { samples, seconds } = await run(server.url, level, total, qs)
    const after = cpuNow(server.pid)
    const ok = samples.filter((s) => s.ok)
    const perAnswer = (k: keyof typeof before) => (after[k] - before[k]) / Math.max(ok.length, 1)
    rows.push({
      concurrent: level,
      requests: samples.length,
      errors: samples.length - ok.length,
      'first byte p50 ms': pct(ok.map((s) => s.firstByte), 50),
      'first byte p95 ms': pct(ok.map((s) => s.firstByte), 95),
      'first event p95 ms': pct(ok.map((s) => s.firstEvent), 95),
      'answer p50 ms': pct(ok.map((s) => s.full), 50),
      'answer p95 ms': pct(ok.map((s) => s.full), 95),
      'answers/s': ok.length / seconds,
      'server CPU ms/answer': perAnswer('server'),
      'of it main thread': perAnswer('main'),
      'client CPU ms/answer': perAnswer('client'),
      'server peak RSS MB': peakRssMb(server.pid),
    })
  }
  printTable(rows)
} finally {
  await server.stop()
}
