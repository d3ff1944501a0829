import type { Command } from 'commander'
import { loadConfig } from '../../../config.js'
import { InputError } from '../../../errors.js'
import { tokenizeForIndex } from '../../../retrieve/index.js'
import { CountMismatch, describeMismatch, describeUrl, isPostgresUrl, migrateStore, type IndexTokensOf, type TableCount } from '../../../store/index.js'
import type { GlobalOptions } from '../context.js'
import { padWidth, printJson, printLines } from '../output.js'

// The index tokens of a stored article, as retrieve's index makes them at ingest (headline with subtitle, body).
const indexOf: IndexTokensOf = (a) => ({
  titleTokens: tokenizeForIndex([a.title, a.subtitle ?? ''].join(' ').trim()),
  bodyTokens: tokenizeForIndex(a.text),
})

export function registerMigrateStore(program: Command): void {
  program
    .command('migrate-store')
    .description('把 SQLite 数据库整个复制到一个空的 PostgreSQL 数据库，并逐表核对行数')
    .option('--from <path>', 'SQLite 数据库文件（默认 --db 给的文件、NEWSBOT_DB 或 data/newsbot.db）')
    .option('--to <url>', 'PostgreSQL 地址 postgres://…（默认 --db 给的 postgres:// 地址或 NEWSBOT_DATABASE_URL）')
    .option('--json', '输出 JSON')
    .action(async (flags: { from?: string; to?: string; json?: boolean }, cmd: Command) => {
      const config = loadConfig()
      // --db names whichever side it can be: a postgres:// URL the target, a file the source.
      const db = cmd.optsWithGlobals<GlobalOptions>().db
      const from = flags.from ?? (db && !isPostgresUrl(db) ? db : config.db)
      const to = flags.to ?? (db && isPostgresUrl(db) ? db : config.databaseUrl)
      if (!to || !isPostgresUrl(to)) throw new InputError('请用 --to postgres://用户:密码@主机:端口/数据库 或 NEWSBOT_DATABASE_URL 指定目标 PostgreSQL 数据库')
      if (isPostgresUrl(from)) throw new InputError('--from 应为 SQLite 数据库文件，不是 postgres:// 地址')
      const counts = await migrateStore(from, to, indexOf)
      if (flags.json) printJson(counts)
      else printCounts(counts, from, describeUrl(to))
      const mismatch = describeMismatch(counts)
      if (mismatch) throw new CountMismatch(mismatch)
    })
}

function printCounts(counts: TableCount[], from: string, to: string): void {
  const width = Math.max(...counts.map((c) => c.table.length), 5)
  const row = (a: string, b: string, c: string, d: string) => `${padWidth(a, width)}  ${b.padStart(8)}  ${c.padStart(10)}  ${d}`
  printLines([
    `${from} → ${to}`,
    row('table', 'SQLite', 'PostgreSQL', ''),
    ...counts.map((c) => row(c.table, String(c.sqlite), String(c.postgres), c.sqlite === c.postgres ? 'ok' : '不一致')),
  ])
}
