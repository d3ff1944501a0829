#!/usr/bin/env node
import { Command, CommanderError } from 'commander'
import { InputError, NewsbotError } from '../../errors.js'
import { useChineseHelp } from './help-zh.js'

type Register = (program: Command) => void

// Each command's module is imported only when that command runs (or for help): the bot and the
// model client weigh half a second to load, which a cold `newsbot search` should not pay.
const COMMANDS: Record<string, () => Promise<Register>> = {
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  articles: async () => (await import('./commands/articles.js')).registerArticles,
  show: async () => (await import('./commands/show.js')).registerShow,
  stats: async () => (await import('./commands/stats.js')).registerStats,
  search: async () => (await import('./commands/search.js')).registerSearch,
  ask: async () => (await import('./commands/ask.js')).registerAsk,
  chat: async () => (await import('./commands/chat.js')).registerChat,
  digest: async () => (await import('./commands/digest.js')).registerDigest,
  bot: async () => (await import('./commands/bot.js')).registerBot,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  fetch: async () => (await import('./commands/fetch.js')).registerFetch,
  'migrate-store': async () => (await import('./commands/migrate-store.js')).registerMigrateStore,
}

/** The `newsbot` program with the named commands registered (all of them by default), nothing run. */
export async function buildProgram(names: string[] = Object.keys(COMMANDS)): Promise<Command> {
  const program = useChineseHelp(new Command('newsbot'))
    .description('newsbot：基于本地新闻简报的问答与每日摘要')
    .option('--db <path>', '数据库文件（默认 NEWSBOT_DB 或 data/newsbot.db）')
    .option('--verbose', '出错时显示堆栈')
    .exitOverride()
    .showHelpAfterError('（用 --help 查看用法）')
  for (const register of await Promise.all(names.map((n) => COMMANDS[n]!()))) register(program)
  return program
}

/** Exit code by error kind: 2 for bad usage or input, 1 for everything else. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2
  return err instanceof InputError ? 2 : 1
}

async function main(argv: string[]): Promise<void> {
  // The first argument naming a command picks it; without one (help, a typo) every command is loaded.
  const named = argv.slice(2).find((a, i, args) => Object.hasOwn(COMMANDS, a) && args[i - 1] !== '--db')
  const program = await buildProgram(named ? [named] : undefined)
  try {
    await program.parseAsync(argv)
  } catch (err) {
    // Commander has already printed its own usage message.
    if (!(err instanceof CommanderError)) reportError(await explainError(err, argv), argv.includes('--verbose'))
    process.exitCode = exitCodeFor(err)
  }
}

/** A SQLite error that escaped a command becomes one Chinese sentence naming the database. */
async function explainError(err: unknown, argv: string[]): Promise<unknown> {
  if (!(err instanceof Error) || !('code' in err) || !String(err.code).startsWith('SQLITE_')) return err
  const { toDbError } = await import('../../store/index.js')
  const flag = argv.indexOf('--db')
  return toDbError(err, flag >= 0 ? argv[flag + 1] ?? '' : '（默认数据库）')
}

function reportError(err: unknown, verbose: boolean): void {
  const known = err instanceof NewsbotError
  const message = known ? err.message : `内部错误：${err instanceof Error ? err.message : String(err)}`
  process.stderr.write(`newsbot: ${message}\n`)
  if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`)
}

await main(process.argv)
