import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliResult } from '../helpers/cli.js'
import { startOpenAiStub, type OpenAiStub } from '../helpers/openai-stub.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useTmpDir } from '../helpers/tmp.js'

const tmp = useTmpDir()

/** Runs `newsbot chat` with its stdin piped from `input`, as a script or a test would. */
function runChat(args: string[], input: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['chat', ...args], env, input)
}

interface AskJson {
  answer: string
  mode: string
  abstained: boolean
  citations: { n: number; id: string; title: string; paper: string; date: string | null; quote: string }[]
  warnings: string[]
}

/** Every [n] has its citation, every citation is used, every quote is in its article's stored text. */
async function expectValidCitations(a: AskJson, db: string): Promise<void> {
  const used = [...new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort()
  expect(used).toEqual(a.citations.map((c) => c.n))
  for (const c of a.citations) {
    const shown = JSON.parse((await runCli(['show', c.id, '--db', db, '--json'])).stdout)
    expect(shown.text).toContain(c.quote)
    expect(shown).toMatchObject({ title: c.title, paper: c.paper, date: c.date })
  }
}

describe('newsbot ask', () => {
  it('answers from the ingested samples, offline, in the --json contract', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const r = await runCli(['ask', '郑大二附院周边道路什么时候通车？', '--db', db, '--json'])
    expect(r.code).toBe(0)
    const a: AskJson = JSON.parse(r.stdout)
    expect(Object.keys(a).sort()).toEqual(['abstained', 'answer', 'citations', 'mode', 'warnings'])
    expect(a).toMatchObject({ mode: 'extractive', abstained: false, warnings: [] })
    expect(a.answer).toContain('9月底')
    expect(a.citations.length).toBeGreaterThan(0)
    await expectValidCitations(a, db)
  })

  it('says plainly when the bulletins do not cover a question', async () => {
    const r = await runCli(['ask', '经开区有几个地铁站？', '--db', await writeSampleDb(join(tmp(), 'n.db')), '--json'])
    const a: AskJson = JSON.parse(r.stdout)
    expect(a).toMatchObject({ abstained: true, citations: [] })
    expect(a.answer).toMatch(/^资料中未找到/)
  })

  it('prints the answer, then its numbered sources as headline · paper · date', async () => {
    const r = await runCli(['ask', '郑大二附院周边道路什么时候通车？', '--db', await writeSampleDb(join(tmp(), 'n.db'))])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/\[1\]/)
    expect(r.stdout).toMatch(/来源：\n\[1\] .+ · 经开时报 · 2020-06-05\n/)
  })

  it.each([
    [['ask', '   '], /问题是空的/],
    [['ask', '问题', '--mode', 'llm'], /设置 OPENAI_BASE_URL 或 OPENAI_API_KEY/],
    [['ask', '问题', '--mode', 'fast'], /选项 '--mode <mode>' 的值 'fast' 无效，可选：auto, extractive, llm/],
  ])('newsbot %j exits 2 with one sentence', async (args, message) => {
    const r = await runCli([...args, '--db', await writeSampleDb(join(tmp(), 'n.db'))])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  describe('with an OpenAI-compatible server', () => {
    let stub: OpenAiStub
    beforeAll(async () => {
      stub = await startOpenAiStub()
    })
    afterAll(() => stub.close())

    it('answers with the model, checked, through the real CLI', async () => {
      stub.script = (req) => {
        const user = req.body.messages.at(-1)!.content
        const n = /<source n="(\d+)"[^>]*>[^<]*9月底/.exec(user)?.[1] ?? '1'
        return { text: `郑大二附院周边道路确保9月底前全部建成通车[${n}]。另有8条道路同时开工[${n}]。` }
      }
      const db = await writeSampleDb(join(tmp(), 'n.db'))
      const r = await runCli(['ask', '郑大二附院周边道路什么时候通车？', '--db', db, '--json'], { OPENAI_BASE_URL: stub.baseURL })
      expect(r.code).toBe(0)
      const a: AskJson = JSON.parse(r.stdout)
      expect(a.mode).toBe('llm')
      expect(a.answer).toBe('郑大二附院周边道路确保9月底前全部建成通车[1]。')
      expect(a.warnings.join('')).toMatch(/数字无法在所引资料中核实/)
      await expectValidCitations(a, db)
    })

    it('falls back to the extractive answer with a notice when the server fails', async () => {
      stub.script = () => ({ status: 503, headers: { 'retry-after-ms': '1' } })
      const r = await runCli(['ask', '郑大二附院周边道路什么时候通车？', '--db', await writeSampleDb(join(tmp(), 'n.db')), '--json'], { OPENAI_BASE_URL: stub.baseURL })
      expect(r.code).toBe(0)
      const a: AskJson = JSON.parse(r.stdout)
      expect(a.mode).toBe('extractive')
      expect(a.warnings[0]).toBe('大模型暂时无法回答，以下是从报道中直接摘录的回答。')
      expect(r.stdout + r.stderr).not.toMatch(/503|HTTP|127\.0\.0\.1|OPENAI_/) // detail only with --verbose
      expect(a.answer).toContain('9月底')
    })
  })
})

describe('newsbot chat', () => {
  it('answers piped questions in turn, understands a follow-up, lists sources and quits', async () => {
    const input = ['郑大二附院周边道路什么时候通车？', '那它在哪里？', '/sources', '？？', '/quit', '这一行不会被读到'].join('\n')
    const r = await runChat(['--db', await writeSampleDb(join(tmp(), 'n.db'))], `${input}\n`)
    expect(r.code).toBe(0)
    const turns = r.stdout.split(/^问：/m).slice(1)
    expect(turns).toHaveLength(3)
    expect(turns[0]).toMatch(/9月底.*\[1\]/)
    expect(turns[1]).toMatch(/郑大二附院/) // the follow-up carried the topic
    expect(turns[1]).toMatch(/来源：\n\[1\]/)
    expect(turns[1]).toMatch(/\n\[1\] .+ · 经开时报 · .+\n {4}“.+”\n+\[1\]/) // /sources repeats the last sources
    expect(turns[2]).toMatch(/问题是空的/)
    expect(r.stdout).not.toContain('这一行不会被读到')
  })

  it('refuses llm mode without a model before reading any input', async () => {
    const r = await runChat(['--mode', 'llm', '--db', await writeSampleDb(join(tmp(), 'n.db'))], '问题\n')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/OPENAI_BASE_URL/)
  })
})
