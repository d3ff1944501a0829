import { describe, expect, it } from 'vitest'
import { startCli } from '../helpers/live-cli.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useTmpDir } from '../helpers/tmp.js'
import { join } from 'node:path'

const tmp = useTmpDir()

describe('newsbot serve', () => {
  it('prints its URL when ready, serves the samples, and exits 0 on SIGTERM', async () => {
    const db = await writeSampleDb(join(tmp(), 'serve.db'))
    const cli = startCli(['serve', '--db', db, '--port', '0'])
    await cli.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/)
    const url = /listening on (\S+)/.exec(cli.output())![1]!
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, articles: 31 })
    expect((await fetch(`${url}/`)).status).toBe(200)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(cli.output().trim()).toBe(`listening on ${url}`)
  })

  it('reads its port from NEWSBOT_PORT and refuses a bad --port with exit 2', async () => {
    const db = await writeSampleDb(join(tmp(), 'serve.db'))
    const ready = startCli(['serve', '--db', db, '--exit-after-ready'], { env: { NEWSBOT_PORT: '0' } })
    expect(await ready.exited).toBe(0)
    expect(ready.output()).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/)
    const bad = startCli(['serve', '--db', db, '--port', 'eighty'])
    expect(await bad.exited).toBe(2)
    expect(bad.output()).toContain('--port 应为 0 到 65535 之间的整数')
  })

  it('turns the console on with NEWSBOT_ADMIN_PASSWORD and says where it is', async () => {
    const db = await writeSampleDb(join(tmp(), 'serve.db'))
    const cli = startCli(['serve', '--db', db, '--port', '0'], { env: { NEWSBOT_ADMIN_PASSWORD: 'serve-test-password' } })
    await cli.waitFor(/console on http:\/\/127\.0\.0\.1:\d+\/admin\n/)
    const url = /listening on (\S+)/.exec(cli.output())![1]!
    const login = await fetch(`${url}/admin/login`)
    expect(login.status).toBe(200)
    expect(await login.text()).not.toContain('serve-test-password')
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
  })
})
