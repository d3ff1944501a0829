#!/usr/bin/env node
import { Command, CommanderError } from 'commander'
import { InputError, NewsbotError } from '../../errors.js'
import { registerArticles } from './commands/articles.js'
import { registerBot } from './commands/bot.js'
import { registerAsk } from './commands/ask.js'
import { registerChat } from './commands/chat.js'
import { registerDigest } from './commands/digest.js'
import { registerIngest } from './commands/ingest.js'
import { registerShow } from './commands/show.js'
import { registerSearch } from './commands/search.js'
import { registerStats } from './commands/stats.js'

/** The `newsbot` program: every command registered, nothing run. */
export function buildProgram(): Command {
  const program = new Command('newsbot')
    .description('newsbot：基于本地新闻简报的问答与每日摘要')
    .option('--db <path>', '数据库文件（默认 NEWSBOT_DB 或 data/newsbot.db）')
    .option('--verbose', '出错时显示堆栈')
    .exitOverride()
    .showHelpAfterError('（用 --help 查看用法）')
  for (const register of [registerIngest, registerArticles, registerShow, registerStats, registerAsk, registerChat, registerBot, registerDigest, registerSearch]) register(program)
  return program
}

/** Exit code by error kind: 2 for bad usage or input, 1 for everything else. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2
  return err instanceof InputError ? 2 : 1
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
  } catch (err) {
    // Commander has already printed its own usage message.
    if (!(err instanceof CommanderError)) reportError(err, argv.includes('--verbose'))
    process.exitCode = exitCodeFor(err)
  }
}

function reportError(err: unknown, verbose: boolean): void {
  const known = err instanceof NewsbotError
  const message = known ? err.message : `内部错误：${err instanceof Error ? err.message : String(err)}`
  process.stderr.write(`newsbot: ${message}\n`)
  if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`)
}

await main(process.argv)
