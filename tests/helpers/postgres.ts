import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'

/**
 * A PostgreSQL server for a test file: NEWSBOT_TEST_DATABASE_URL when set, else a throwaway cluster
 * (initdb in a temporary folder, pg_ctl on a free port of 127.0.0.1, as the postgres user when the
 * tests run as root), stopped and deleted after the file. Each `createDatabase()` is a fresh,
 * empty database on it. `available` is false only where Debian's postgresql is not installed and
 * CI is not set (CI installs it: .ci/run).
 */
export function usePostgres(): { available: boolean; createDatabase: () => Promise<string> } {
  const bin = findBinaries()
  const given = process.env.NEWSBOT_TEST_DATABASE_URL
  const available = Boolean(given || bin)
  if (!available && process.env.CI) throw new Error('PostgreSQL is not installed: /usr/lib/postgresql/*/bin/initdb is missing')
  let server: { url: string; stop: () => void } | undefined
  const created: string[] = []
  beforeAll(async () => {
    if (available) server = given ? { url: given, stop: () => {} } : await startCluster(bin!)
  }, 60_000)
  afterAll(async () => {
    if (!server) return
    await withAdmin(server.url, async (c) => {
      for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    })
    server.stop()
  }, 60_000)
  return {
    available,
    createDatabase: async () => {
      const name = `newsbot_test_${process.pid}_${created.length}_${Date.now() % 1e6}`
      await withAdmin(server!.url, (c) => c.query(`CREATE DATABASE ${name}`))
      created.push(name)
      const url = new URL(server!.url)
      url.pathname = `/${name}`
      return url.toString()
    },
  }
}

async function withAdmin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** The newest installed server's bin folder (Debian keeps each major version under /usr/lib/postgresql). */
function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  return newest && join(root, newest, 'bin')
}

async function startCluster(bin: string): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-pg-'))
  const data = join(dir, 'data')
  // initdb and the server refuse to run as root; the Debian package creates the postgres user.
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []
  if (asUser.length) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    chownSync(dir, uid, gid)
  }
  const run = (cmd: string, args: string[]) => {
    const [file, ...rest] = [...asUser, join(bin, cmd), ...args]
    execFileSync(file!, rest, { stdio: 'pipe' })
  }
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'newsbot', '-A', 'trust', '-E', 'UTF8', '--no-locale'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  run('pg_ctl', ['start', '-w', '-D', data, '-l', join(dir, 'server.log'), '-o', options])
  return {
    url: `postgres://newsbot@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['stop', '-m', 'fast', '-D', data])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}
