import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from './http.js'

/** The newest installed server's bin folder (Debian keeps each major version under /usr/lib/postgresql). */
export function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  return newest && join(root, newest, 'bin')
}

/**
 * Starts a throwaway cluster: initdb in a temporary folder, pg_ctl on a free port of 127.0.0.1, trust
 * authentication for the user newsbot. `stop` shuts it down and deletes the folder.
 */
export async function startCluster(bin: string): Promise<{ url: string; stop: () => void }> {
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


/** Creates database `name` on the server at `url` and returns the URL that names it. */
export async function createDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}
