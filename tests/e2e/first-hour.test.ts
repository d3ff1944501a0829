import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { HAS_SCRIPT, startCli } from '../helpers/live-cli.js'
import { startOpenAiStub } from '../helpers/openai-stub.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { jsonl, useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()

// English words a Chinese user would read as sentences: commander's, zod's and SQLite's.
const ENGLISH = /\b(Usage|Options|Commands|Arguments|display help|default|error|unknown|Invalid|expected|received|database|locked|unable)\b/i

describe('help and usage errors', () => {
  it.each([[['--help']], [['ask', '--help']], [['articles', '--help']], [['help', 'ingest']]])('newsbot %j is Chinese', async (args) => {
    const r = await runCli(args)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^用法：/)
    expect(r.stdout).not.toMatch(ENGLISH)
  })

  it('shows an option default and its choices in Chinese', async () => {
    expect((await runCli(['articles', '--help'])).stdout).toMatch(/最多几篇 （默认：20）/)
    expect((await runCli(['ask', '--help'])).stdout).toMatch(/（可选：auto、extractive、llm；默认：auto）/)
  })

  it.each([
    [['frobnicate'], /错误：没有 'frobnicate' 这个命令/],
    [['serch', 'x'], /（是不是想用 search？）/],
    [['ask'], /错误：缺少参数 'question'/],
    [['ask', '一', '二'], /错误：'ask' 只接受 1 个参数，收到了 2 个/],
    [['articles', '--limit'], /错误：选项 '--limit <n>' 需要一个值/],
    [['stats', '--bogus'], /错误：没有 '--bogus' 这个选项/],
  ])('newsbot %j fails in Chinese with exit 2', async (args, message) => {
    const r = await runCli(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(ENGLISH)
  })

  it('lists the bot\'s environment variables in bot --help', async () => {
    const r = await runCli(['bot', '--help'])
    for (const name of ['TELEGRAM_BOT_TOKEN', 'NEWSBOT_DB', 'OPENAI_BASE_URL', 'NEWSBOT_LLM_FIRST_TOKEN_MS', 'NEWSBOT_ADMINS', 'NEWSBOT_WEBHOOK_URL']) {
      expect(r.stdout).toContain(name)
    }
    expect(r.stdout).toMatch(/环境变量：/)
  })

  it('reports a bad environment variable in Chinese', async () => {
    const r = await runCli(['stats', '--db', await writeSampleDb(join(tmp(), 'n.db'))], { OPENAI_BASE_URL: 'not a url' })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/配置错误: OPENAI_BASE_URL: /)
    expect(r.stderr).not.toMatch(ENGLISH)
  })
})

describe('stats', () => {
  it('prints the last ingest in the configured time zone, not as UTC ISO text', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const raw = new Database(db)
    raw.prepare("UPDATE sources SET ingested_at = '2026-11-30T19:02:58.055Z'").run()
    raw.close()
    const shanghai = await runCli(['stats', '--db', db])
    expect(shanghai.stdout).toContain('最近入库 2026-12-01 03:02（Asia/Shanghai）')
    expect(shanghai.stdout).not.toMatch(/\d{4}-\d\d-\d\dT/)
    const tokyo = await runCli(['stats', '--db', db], { NEWSBOT_TIMEZONE: 'Asia/Tokyo' })
    expect(tokyo.stdout).toContain('最近入库 2026-12-01 04:02（Asia/Tokyo）')
  })
})

describe('articles', () => {
  it('says no article matches a date when the database has articles, and how to see the dates it has', async () => {
    const db = await writeSampleDb(join(tmp(), 'n.db'))
    const r = await runCli(['articles', '--date', '2001-01-01', '--db', db])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/没有符合条件的文章（日期 2001-01-01）。用 newsbot stats 查看/)
    expect(r.stdout).not.toMatch(/先运行|先用 newsbot ingest/)
  })
})

describe('digest', () => {
  it('on articles without dates says how to date them, not to ingest the samples', async () => {
    const dir = tmp()
    const { 'a.jsonl': file } = writeFiles(dir, { 'a.jsonl': jsonl([{ title: '无日期', text: '没有日期的文章。' }]) })
    const db = join(dir, 'x.db')
    expect((await runCli(['ingest', file!, '--db', db])).code).toBe(0)
    const r = await runCli(['digest', '--db', db])
    expect(r.stdout).toMatch(/文章都没有日期，无法按期生成简报；用 newsbot articles --set date=YYYY-MM-DD 补上日期/)
    expect(r.stdout).not.toMatch(/samples/)
  })
})

describe('re-ingesting a JSONL file with bad lines', () => {
  it('reports the bad lines again on every run, not "失败 0 处"', async () => {
    const dir = tmp()
    const { 'mixed.jsonl': file } = writeFiles(dir, {
      'mixed.jsonl': `${jsonl([{ id: 'ok', text: '好的记录。', date: '2024-02-28' }])}{"text": "日期不存在", "date": "2024-02-30"}\nnot json\n`,
    })
    const db = join(dir, 'x.db')
    for (const run of [1, 2]) {
      const r = await runCli(['ingest', file!, '--db', db])
      expect(r.code, `run ${run}`).toBe(2)
      expect(r.stdout).toMatch(/失败 2 处/)
      expect(r.stdout).toMatch(/mixed\.jsonl:2 {2}第 2 行：日期 2024-02-30 不存在/)
      expect(r.stdout).toMatch(/mixed\.jsonl:3 {2}第 3 行不是有效的 JSON/)
    }
  })
})

describe('raw pages without a manifest', () => {
  it('get the paper and date their text and file name support, marked as inferred, and articles --set corrects them', async () => {
    const dir = tmp()
    const sample = (n: string) => readFileSync(new URL(`../../data/samples/${n}`, import.meta.url))
    const pages = writeFiles(dir, {
      '002_6df37518f25c994b.txt': sample('002_6df37518f25c994b.txt'),
      '示范区新闻_2020-04-30_第1版.txt': sample('004_6062cc997fbd3bd9.txt'),
      '000_5adc3b2768a65fa1.txt': sample('000_5adc3b2768a65fa1.txt'),
    })
    const db = join(dir, 'x.db')
    expect((await runCli(['ingest', dir, '--db', db])).code).toBe(0)
    const list = JSON.parse((await runCli(['articles', '--db', db, '--limit', '100', '--json'])).stdout) as { paper: string; date: string | null; inferred?: boolean }[]
    expect(list.filter((a) => a.paper === '经开时报' && a.date === '2022-06-30' && a.inferred)).toHaveLength(6)
    expect(list.filter((a) => a.paper === '示范区新闻' && a.date === '2020-04-30' && a.inferred)).toHaveLength(7)

    const text = (await runCli(['articles', '--db', db, '--limit', '100'])).stdout
    expect(text).not.toMatch(/----------|未注明/)
    expect(text).toMatch(/日期不详 {5}报纸不详/)
    expect(text).toMatch(/\* 报纸或日期是从版面推测的；不对时可用 newsbot articles --set 更正/)

    const set = await runCli(['articles', '--set', 'paper=经开时报', '--set', 'date=2023-11-15', '--source', pages['000_5adc3b2768a65fa1.txt']!, '--db', db])
    expect(set).toMatchObject({ code: 0, stdout: expect.stringMatching(/^已修改 5 篇文章，报纸：经开时报，日期：2023-11-15/) })
    const fixed = JSON.parse((await runCli(['articles', '--date', '2023-11-15', '--db', db, '--json'])).stdout) as { paper: string; inferred?: boolean }[]
    expect(fixed).toHaveLength(5)
    expect(fixed.every((a) => a.paper === '经开时报' && !a.inferred)).toBe(true)

    const answer = await runCli(['ask', '经开区森林防灭火培训讲了什么？', '--db', db])
    expect(answer.stdout).not.toMatch(/· {2}·|· · /)
  })
})

describe('a hung model on a terminal', () => {
  it.skipIf(!HAS_SCRIPT)('counts the seconds waited, then gives the extractive answer after one notice', async () => {
    const stub = await startOpenAiStub()
    stub.script = () => ({ delayMs: 20_000, text: '迟到的回答[1]。' })
    try {
      const db = await writeSampleDb(join(tmp(), 'n.db'))
      const run = startCli(['ask', '经开区已经分配了多少套安置房？', '--db', db], {
        tty: true,
        env: { OPENAI_BASE_URL: stub.baseURL, NEWSBOT_LLM_FIRST_TOKEN_MS: '2500' },
      })
      expect(await run.exited).toBe(0)
      const out = run.output()
      expect(out).toMatch(/正在等待大模型回答… [12] 秒/)
      expect(out).toMatch(/注意：大模型暂时无法回答，以下是从报道中直接摘录的回答。\s+\S*截至目前，全区已分配安置房3636套/)
      expect(out).not.toMatch(/HTTP|127\.0\.0\.1|秒内没有开始回答/)

      const verbose = await runCli(['ask', '经开区已经分配了多少套安置房？', '--db', db, '--verbose'], { OPENAI_BASE_URL: stub.baseURL, NEWSBOT_LLM_FIRST_TOKEN_MS: '500' })
      expect(verbose.stderr).toBe('newsbot: 大模型未能回答的原因：大模型 0.5 秒内没有开始回答\n')
    } finally {
      await stub.close()
    }
  }, 30_000)
})
