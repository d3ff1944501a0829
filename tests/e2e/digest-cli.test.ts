import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { startOpenAiStub, type OpenAiStub } from '../helpers/openai-stub.js'
import { usePostgres } from '../helpers/postgres.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useTmpDir } from '../helpers/tmp.js'

const tmp = useTmpDir()
const server = usePostgres()
interface DigestJson { date: string; sections: { heading: string; items: { id: string; title: string; summary: string }[] }[] }
const items = (d: DigestJson) => d.sections.flatMap((s) => s.items)

let stub: OpenAiStub
beforeEach(async () => {
  stub = await startOpenAiStub()
})
afterEach(() => stub.close())

describe('newsbot digest', () => {
  it('prints the newest issue day of the samples, as the DESIGN.md contract', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const res = await runCli(['--db', db, 'digest', '--json'])
    expect(res.code).toBe(0)
    const d = JSON.parse(res.stdout) as DigestJson
    expect(d.date).toBe('2023-11-15')
    expect(d.sections[0]!.heading).toBe('经开区')
    for (const item of items(d)) expect(Object.keys(item)).toEqual(['id', 'title', 'summary'])
    const older = JSON.parse((await runCli(['--db', db, 'digest', '--date', '2020-06-22', '--json'])).stdout) as DigestJson
    expect(older.sections.map((s) => s.heading)).toContain('二七区')
    const text = await runCli(['--db', db, 'digest'])
    expect(text.stdout).toMatch(/^每日简报 · 2023-11-15\n\n【经开区】\n1\. /)
    for (const date of ['15/11/2023', '2023-11-31']) {
      expect(await runCli(['--db', db, 'digest', '--date', date])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--date 应为 YYYY-MM-DD/) })
    }
  })

  it('summarises with the configured model and falls back to the lead sentence when it fails', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    // The stub sums an article up by its headline (the article supports it).
    stub.script = (req) => ({ text: `${/标题：(.+)/.exec(req.body.messages.at(-1)!.content)![1]}。` })
    const llm = { OPENAI_BASE_URL: stub.baseURL, OPENAI_MODEL: 'stub', NEWSBOT_LLM_MAX_RETRIES: '0' }
    const withModel = JSON.parse((await runCli(['--db', db, 'digest', '--date', '2020-04-30', '--json'], llm)).stdout) as DigestJson
    // A headline cut short (…) is clipped the same way as a summary; the rest read back whole.
    const whole = items(withModel).filter((i) => !i.title.endsWith('…'))
    expect(whole.length).toBeGreaterThan(3)
    expect(whole.map((i) => i.summary)).toEqual(whole.map((i) => `${i.title.replaceAll(' ', '')}。`))
    expect(stub.requests[0]!.body.messages[0]!.content).toContain('报纸：示范区新闻（2020-04-30）')
    const offline = JSON.parse((await runCli(['--db', db, 'digest', '--date', '2020-04-30', '--json'])).stdout) as DigestJson
    stub.script = () => ({ status: 500 })
    const failing = await runCli(['--db', db, 'digest', '--date', '2020-04-30', '--json'], llm)
    expect(failing.code).toBe(0)
    expect(failing.stderr).toMatch(/大模型概要失败 \d+ 次/)
    expect(JSON.parse(failing.stdout)).toEqual(offline)
  })

  it.skipIf(!server.available)('reads the digest from PostgreSQL (--db postgres://… or NEWSBOT_DATABASE_URL) as from the SQLite file it was copied from', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const url = await server.createDatabase()
    expect((await runCli(['migrate-store', '--from', db, '--to', url])).code).toBe(0)
    const fromFile = await runCli(['--db', db, 'digest', '--date', '2020-06-22', '--json'])
    expect(fromFile.code).toBe(0)
    expect(await runCli(['--db', url, 'digest', '--date', '2020-06-22', '--json'])).toEqual(fromFile)
    const newest = await runCli(['digest'], { NEWSBOT_DATABASE_URL: url })
    expect(newest).toMatchObject({ code: 0, stdout: (await runCli(['--db', db, 'digest'])).stdout })
  })
})
