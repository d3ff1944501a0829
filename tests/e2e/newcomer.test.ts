import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAS_SCRIPT } from '../helpers/live-cli.js'
import { startOpenAiStub, type OpenAiStub } from '../helpers/openai-stub.js'
import { jsonl, useTmpDir } from '../helpers/tmp.js'
import { englishSentences, stackTraces } from '../helpers/transcript.js'

// The first hour of a newsroom that clones newsbot, as a script: the README's commands on a fresh
// clone, ten CLI commands on its own bulletins, a wrong path, a read-only file, a hung model and
// Ctrl-C during an ingest. The transcript must hold no English sentence and no stack trace, and the
// user's database no sample article. (node_modules is linked from this checkout rather than installed
// again: package.test.ts checks what `npm install` would change.)

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const tmp = useTmpDir()
const NOBODY = 65534

const MY_PAGE = `经开时报
2023年12月6日

潮河环境整治工程全面完工

本报讯 12月5日，经开区潮河环境整治工程全面完工，新建滨河步道8.6公里，栽植乔木2300余株，沿线6个社区的居民多了散步去处。
记者 王敏

第四届社区运动会开幕

本报讯 12月4日，经开区第四届社区运动会在明湖街道开幕，来自21个社区的860名居民报名参加拔河、跳绳等8个项目。
`

const MY_RECORDS = [
  { id: 'jk-001', title: '经开区新增公共停车位1200个', text: '截至11月底，经开区今年新增公共停车位1200个，其中潮河沿线400个。', date: '2023-12-01', paper: '经开时报' },
  { id: 'jk-002', title: '冬季供暖管网改造完成', text: '经开区冬季供暖管网改造工程11月28日完成，惠及居民1.2万户。', date: '2023-11-29', paper: '经开时报' },
]

interface Step {
  cmd: string
  code: number | null
  out: string
}

let stub: OpenAiStub
beforeAll(async () => {
  stub = await startOpenAiStub()
  stub.script = () => ({ delayMs: 20_000, text: '迟到的回答[1]。' }) // a model that accepts and never answers
})
afterAll(() => stub.close())

describe('a newcomer’s first hour, scripted', () => {
  it('has a transcript check that catches what commander, zod and SQLite say in English', () => {
    const english = [
      "error: unknown command 'foo'",
      'Usage: newsbot [options] [command]',
      '  -h, --help  display help for command',
      'newsbot: 配置错误: X: Invalid input: expected object, received array',
      'newsbot: 内部错误：attempt to write a readonly database',
    ]
    for (const line of english) expect(englishSentences(line), line).not.toEqual([])
    expect(englishSentences('newsbot: 数据库 data/x.db 不存在：先用 newsbot ingest 导入文章（或运行 npm run demo 看示例）')).toEqual([])
    expect(stackTraces('TypeError: boom\n    at main (/x/main.js:1:2)')).toHaveLength(2)
  })

  it('reads Chinese throughout, never shows a stack trace, and keeps the samples out of the user database', async () => {
    const dir = tmp()
    const clone = join(dir, 'newsbot')
    execFileSync('git', ['clone', '--quiet', ROOT, clone])
    overlayWorkingTree(clone)
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'))
    const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('node_modules'))
    const statusBefore = gitStatus()
    const steps: Step[] = []
    const env = { NEWSBOT_DB: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_EMBED_MODEL: '', TZ: 'Asia/Shanghai' }
    const run = (cmd: string, args: string[], opts: { env?: Record<string, string>; input?: string; user?: boolean } = {}) =>
      runStep(steps, clone, cmd, args, { ...opts, env: { ...env, ...opts.env } })
    const newsbot = (args: string[], opts: Parameters<typeof run>[2] = {}) => run('newsbot', ['dist/channels/cli/main.js', ...args], opts)

    // The README: install (its prepare step builds) and the demo.
    expect((await run('npm', ['run', 'build'])).code).toBe(0)
    // The demo ends serving the samples on the web; here it stops once it has printed its address.
    const demoRun = await run('npm', ['run', 'demo', '--', '--port', '0', '--exit-after-ready'])
    expect(demoRun.code).toBe(0)
    expect(demoRun.out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\n/)
    expect(gitStatus()).toEqual(statusBefore) // building and the demo leave the clone as it was

    // Their own bulletins: a raw page without a manifest and a JSONL export.
    const mine = join(dir, '我的版面')
    mkdirSync(mine)
    writeFileSync(join(mine, 'page1.txt'), MY_PAGE)
    writeFileSync(join(mine, 'export.jsonl'), jsonl(MY_RECORDS))

    // Ten commands.
    expect((await newsbot(['--help'])).code).toBe(0)
    expect((await newsbot(['ingest', mine])).code).toBe(0)
    expect((await newsbot(['articles', '--limit', '10'])).code).toBe(0)
    expect((await newsbot(['show', 'jk-001'])).code).toBe(0)
    expect((await newsbot(['stats'])).code).toBe(0)
    expect((await newsbot(['search', '停车位'])).code).toBe(0)
    const listed = await newsbot(['articles', '--paper', '经开时报'])
    expect(listed.out).toMatch(/2023-12-06\*\s+经开时报\s+潮河环境整治工程全面完工/) // the masthead read, not taken for a headline
    const answered = await newsbot(['ask', '经开区今年新增了多少个停车位？'])
    expect(answered.out).toContain('1200')
    expect((await newsbot(['chat'], { input: '潮河整治工程新建了多长的步道？\n/sources\n/quit\n' })).code).toBe(0)
    expect((await newsbot(['digest'])).code).toBe(0)
    expect((await newsbot(['bot', '--help'])).code).toBe(0)

    // Mistakes and trouble.
    expect((await newsbot(['stats', '--db', '/nonexistent/dir/x.db'])).code).toBe(2)
    expect((await newsbot(['articles', '--date', '2023-02-30'])).code).toBe(2)
    expect((await newsbot(['serch', '停车位'])).code).toBe(2)
    const readOnly = join(dir, 'ro')
    mkdirSync(readOnly)
    copyFileSync(join(clone, 'data/newsbot.db'), join(readOnly, 'copy.db'))
    chmodSync(join(readOnly, 'copy.db'), 0o444)
    chmodSync(readOnly, 0o777)
    chmodSync(dir, 0o755)
    expect((await newsbot(['stats', '--db', join(readOnly, 'copy.db')], { user: true })).code).toBe(0)
    expect((await newsbot(['ask', '供暖管网改造惠及多少户？', '--db', join(readOnly, 'copy.db')], { user: true })).code).toBe(0)
    const hung = await newsbot(['ask', '经开区今年新增了多少个停车位？'], { env: { OPENAI_BASE_URL: stub.baseURL, NEWSBOT_LLM_FIRST_TOKEN_MS: '1500' } })
    expect(hung.out).toMatch(/大模型暂时无法回答，以下是从报道中直接摘录的回答。[\s\S]*1200/)
    if (HAS_SCRIPT) {
      writeFileSync(join(dir, 'big.jsonl'), jsonl(bigExport(60_000)))
      const stopped = await runInterrupted(steps, clone, ['dist/channels/cli/main.js', 'ingest', join(dir, 'big.jsonl'), '--db', join(dir, 'big.db')], env)
      expect(stopped.code).toBe(130)
      expect(stopped.out).toMatch(/导入已中断/)
    }

    const transcript = steps.map((s) => `$ ${s.cmd}\n${s.out}\n（退出码 ${s.code}）`).join('\n\n')
    writeFileSync(join(ROOT, '.newcomer-transcript.txt'), transcript)
    expect(englishSentences(transcript)).toEqual([])
    expect(stackTraces(transcript)).toEqual([])

    // The user's database holds their four articles and nothing from data/samples.
    const user = new Database(join(clone, 'data/newsbot.db'), { readonly: true })
    const demo = new Database(join(clone, 'data/demo.db'), { readonly: true })
    const titles = (db: Database.Database) => db.prepare('SELECT title FROM articles').pluck().all() as string[]
    const mineTitles = titles(user)
    const samples = new Set(titles(demo))
    user.close()
    demo.close()
    expect(mineTitles).toHaveLength(4)
    expect(mineTitles.filter((t) => samples.has(t))).toEqual([])
  }, 300_000)
})

/** Uncommitted edits of this checkout, so the run tests the code under test (in CI there are none). */
function overlayWorkingTree(clone: string): void {
  const changed = execFileSync('git', ['ls-files', '--modified', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  for (const path of changed.split('\n').filter(Boolean)) {
    if (!existsSync(join(ROOT, path))) continue
    mkdirSync(dirname(join(clone, path)), { recursive: true })
    copyFileSync(join(ROOT, path), join(clone, path))
  }
}

function bigExport(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `b-${i}`, title: `第${i}号通报`, text: `经开区第${i}号道路工程已完成投资${i * 7}万元。`, date: '2023-11-20' }))
}

function runStep(
  steps: Step[],
  cwd: string,
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string; user?: boolean },
): Promise<Step> {
  return new Promise((resolve, reject) => {
    const asReader = opts.user && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {}
    const child = spawn(cmd === 'newsbot' ? process.execPath : cmd, args, {
      cwd,
      env: { ...process.env, ...opts.env, ...(opts.user ? { HOME: '/tmp' } : {}) },
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...asReader,
    })
    let out = ''
    child.stdout!.on('data', (d) => (out += d))
    child.stderr!.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const step = { cmd: [cmd === 'newsbot' ? 'newsbot' : cmd, ...(cmd === 'newsbot' ? args.slice(1) : args)].join(' '), code, out }
      steps.push(step)
      resolve(step)
    })
    if (opts.input !== undefined) child.stdin!.end(opts.input)
  })
}

/** An ingest on a terminal (util-linux script), stopped with Ctrl-C once its progress bar has moved. */
function runInterrupted(steps: Step[], cwd: string, args: string[], env: Record<string, string>): Promise<Step> {
  return new Promise((resolve) => {
    const line = [process.execPath, ...args].map((a) => `'${a}'`).join(' ')
    const child = spawn('script', ['-qfec', line, '/dev/null'], { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let sent = false
    const onData = (d: Buffer) => {
      out += d
      if (!sent && /\] [1-9]\d% /.test(out)) {
        sent = true
        child.stdin.write('\x03')
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => {
      const step = { cmd: `newsbot ${args.slice(1).join(' ')}（按 Ctrl-C）`, code, out }
      steps.push(step)
      resolve(step)
    })
  })
}
