import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The stages in data-flow order: a module may import only from its own stage or earlier ones.
// config, errors and the model client (llm/) are the bottom every stage may use.
const STAGES = ['config.ts', 'errors.ts', 'llm', 'ingest', 'store', 'retrieve', 'answer', 'digest', 'channels']
const BOTTOM = 3
const SRC = resolve(import.meta.dirname, '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

/** The stage a file of src/ belongs to, by its first path segment; the bottom modules share stage 0. */
function stageOf(file: string): number {
  const first = relative(SRC, file).split(/[\\/]/)[0]!
  const i = STAGES.indexOf(first)
  return i < BOTTOM ? 0 : i
}

/** Code without comments, so prose about SQL or process.env does not count. */
function code(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')
}

const files = sourceFiles(SRC)

describe('architecture', () => {
  it('has the stages it checks', () => {
    expect(files.length).toBeGreaterThan(50)
    for (const stage of STAGES.slice(2)) expect(files.some((f) => relative(SRC, f).startsWith(stage))).toBe(true)
  })

  it('imports only from the same or an earlier stage', () => {
    const wrong: string[] = []
    for (const file of files) {
      for (const m of code(file).matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]!)
        if (stageOf(target) > stageOf(file)) wrong.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('keeps the Telegram and CLI channels apart, but for the CLI command that starts the bot', () => {
    const crossing = files.filter((f) => {
      const own = relative(SRC, f)
      const other = own.startsWith('channels/cli') ? 'telegram/' : own.startsWith('channels/telegram') ? 'cli/' : null
      return other !== null && new RegExp(`from\\s+'[^']*${other}`).test(code(f))
    })
    expect(crossing.map((f) => relative(SRC, f))).toEqual(['channels/cli/commands/bot.ts'])
  })

  it('keeps the web channel apart from the CLI and Telegram channels', () => {
    const web = files.filter((f) => relative(SRC, f).startsWith('channels/web'))
    expect(web.length).toBeGreaterThan(0)
    expect(web.filter((f) => /from\s+'[^']*(cli|telegram)\//.test(code(f))).map((f) => relative(SRC, f))).toEqual([])
  })

  it('keeps SQL in store/', () => {
    const sql = /['"`]\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER)|PRAGMA)\b/i
    const outside = files.filter((f) => !relative(SRC, f).startsWith('store') && sql.test(code(f)))
    expect(outside.map((f) => relative(SRC, f))).toEqual([])
  })

  it('uses the openai SDK only in llm/', () => {
    const users = files.filter((f) => /from\s+'openai/.test(code(f)))
    expect(users.map((f) => relative(SRC, f))).toEqual(['llm/client.ts'])
  })

  it('reads process.env only in config.ts', () => {
    const readers = files.filter((f) => /process\.env\b/.test(code(f)))
    expect(readers.map((f) => relative(SRC, f))).toEqual(['config.ts'])
  })
})
