// bench:scale: answers per second from 1, 2 and 3 `newsbot serve` replicas sharing one PostgreSQL
// database behind HAProxy, and from one process on the SQLite file, in one table. Askers post questions
// to /api/ask (JSON, extractive) in a closed loop for a fixed time; the CPU each answer cost is split
// between the replicas, the PostgreSQL server and the rest (HAProxy and this client), which all share the
// machine's cores: with more replicas than cores the ratio says what the extra processes cost, not what
// more machines would give.
// Database: --db, else the cached CRUD index (data/bench/crud-*.db) when one exists, else the bundled
// samples; copied into a new PostgreSQL database with `newsbot migrate-store` (a throwaway cluster
// unless --pg names a server).
// Usage: npm run bench:scale [-- --askers 24] [--seconds 20] [--replicas 1,2,3] [--db PATH] [--pg postgres://…]
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { HAPROXY, startHaproxy } from '../tests/helpers/haproxy.js'
import { freePort } from '../tests/helpers/http.js'
import { createDatabase, findBinaries, startCluster } from '../tests/helpers/pg-cluster.js'
import { pickServedDb } from './bench/served-db.js'
import { printTable } from './bench/table.js'

const ROOT = join(import.meta.dirname, '..')
const MAIN = join(ROOT, 'src/channels/cli/main.ts')
const CRUD_QA = join(ROOT, '../shared/bench/crud/qa.jsonl')
const { values: args } = parseArgs({
  options: {
    askers: { type: 'string', default: '24' },
    seconds: { type: 'string', default: '20' },
    replicas: { type: 'string', default: '1,2,3' },
    db: { type: 'string' },
    pg: { type: 'string' },
  },
})
const ASKERS = Number(args.askers)
const SECONDS = Number(args.seconds)
// /proc/PID/stat counts CPU time in clock ticks, 100 a second on Linux.
const TICK_MS = 10

function questions(): string[] {
  if (!existsSync(CRUD_QA)) return ['经开区已经分配了多少套安置房？', '郑大二附院周边的路什么时候通车？', '王庄村改造到哪一步了？', '小微企业融资难，区里有什么办法？']
  return readFileSync(CRUD_QA, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { question: string }).question)
}

/** Runs the CLI to completion; rejects with its stderr when it fails. */
function runCli(cliArgs: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...cliArgs], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`newsbot ${cliArgs[0]} exited ${code}: ${stderr}`)))))
}

interface Server {
  child: ChildProcess
  port: number
  stop(): Promise<void>
}

/** `newsbot serve` on `port` over `db`; resolves once it listens (its answer threads warmed). */
function startServer(db: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', db, '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, NEWSBOT_WEB_RATE_PER_MINUTE: '0', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_ADMIN_PASSWORD: '', NEWSBOT_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d
      if (/listening on /.test(out)) resolve({ child, port, stop: () => (child.kill('SIGTERM'), exited) })
    })
    child.once('exit', (code) => reject(new Error(`newsbot serve exited with ${code}`)))
  })
}

/** CPU time (user + system) a process with all its threads has used so far, in ms; 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    // After the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th fields.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return 0
  }
}

/** The pids of the PostgreSQL server's processes (the postmaster and its backends) on this machine. */
function postgresPids(): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres'
    } catch {
      return false
    }
  })
}

/** CPU used so far by the PostgreSQL processes, counting those that ended since `seen` was taken. */
function postgresCpu(seen: Map<number, number>): number {
  for (const pid of postgresPids()) seen.set(pid, cpuMs(pid) || (seen.get(pid) ?? 0))
  return [...seen.values()].reduce((s, x) => s + x, 0)
}

function askOnce(url: string, agent: Agent, question: string): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now()
  const body = JSON.stringify({ question })
  return new Promise((resolve) => {
    const done = (ok: boolean) => resolve({ ms: performance.now() - started, ok })
    const req = request(`${url}/api/ask`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => done(res.statusCode === 200))
      res.on('error', () => done(false))
    })
    req.on('error', () => done(false))
    req.end(body)
  })
}

/** ASKERS askers in a closed loop for SECONDS (after a few seconds' warm-up): answers/s, latency and CPU per answer. */
async function load(url: string, serverPids: number[], qs: string[], offset: number): Promise<Record<string, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: ASKERS })
  let next = offset
  const loop = async (until: number, out: { ms: number; ok: boolean }[]) => {
    await Promise.all(Array.from({ length: ASKERS }, async () => {
      while (performance.now() < until) out.push(await askOnce(url, agent, qs[next++ % qs.length]!))
    }))
  }
  await loop(performance.now() + 3000, [])
  const pgSeen = new Map<number, number>()
  const before = { servers: serverPids.reduce((s, p) => s + cpuMs(p), 0), pg: postgresCpu(pgSeen), all: process.cpuUsage() }
  const started = performance.now()
  const samples: { ms: number; ok: boolean }[] = []
  await loop(started + SECONDS * 1000, samples)
  const seconds = (performance.now() - started) / 1000
  const servers = serverPids.reduce((s, p) => s + cpuMs(p), 0) - before.servers
  const pgCpu = postgresCpu(pgSeen) - before.pg
  const client = process.cpuUsage(before.all)
  agent.destroy()
  const ok = samples.filter((s) => s.ok)
  const ms = ok.map((s) => s.ms).sort((a, b) => a - b)
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? NaN
  return {
    answers: ok.length,
    errors: samples.length - ok.length,
    'answers/s': ok.length / seconds,
    'p50 ms': pct(0.5),
    'p95 ms': pct(0.95),
    'CPU ms/answer: replicas': servers / Math.max(ok.length, 1),
    'PostgreSQL': pgCpu / Math.max(ok.length, 1),
    'this client': (client.user + client.system) / 1000 / Math.max(ok.length, 1),
  }
}

/** N replicas over `db` behind HAProxy, loaded; everything stopped afterwards. */
async function measure(backend: string, db: string, replicas: number, dir: string, qs: string[], offset: number): Promise<Record<string, string | number>> {
  const ports = await Promise.all(Array.from({ length: replicas }, () => freePort()))
  const servers = await Promise.all(ports.map((p) => startServer(db, p)))
  const lb = await startHaproxy(dir, ports)
  try {
    return { backend, replicas, ...(await load(`http://127.0.0.1:${lb.port}`, servers.map((s) => s.child.pid!), qs, offset)) }
  } finally {
    await lb.close()
    await Promise.all(servers.map((s) => s.stop()))
  }
}

if (!HAPROXY) throw new Error('bench:scale needs HAProxy (Debian package haproxy)')
const bin = findBinaries()
if (!args.pg && !bin) throw new Error('bench:scale needs PostgreSQL: install Debian\'s postgresql or give --pg postgres://…')
const source = await pickServedDb(args.db)
const qs = questions()
const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-scale-'))
const cluster = args.pg ? undefined : await startCluster(bin!)
const rows: Record<string, string | number>[] = []
try {
  const url = await createDatabase(args.pg ?? cluster!.url, `bench_scale_${process.pid}`)
  const copyStarted = performance.now()
  await runCli(['migrate-store', '--from', source.path, '--to', url])
  const copySeconds = (performance.now() - copyStarted) / 1000
  console.log(`${source.source} (${source.path}) copied to PostgreSQL in ${copySeconds.toFixed(0)} s; ${ASKERS} askers, ${SECONDS} s per row`)
  // Each row starts at other questions than the one before.
  let offset = 0
  rows.push(await measure('sqlite', source.path, 1, dir, qs, offset))
  for (const n of args.replicas!.split(',').map(Number)) {
    offset += 5000
    rows.push(await measure('postgres', url, n, dir, qs, offset))
  }
} finally {
  cluster?.stop()
  rmSync(dir, { recursive: true, force: true })
}
const base = rows.find((r) => r.backend === 'postgres' && r.replicas === 1)?.['answers/s'] as number | undefined
printTable(rows.map((r) => ({ ...r, 'vs 1 PG replica': r.backend === 'postgres' && base ? (r['answers/s'] as number) / base : '' })))
