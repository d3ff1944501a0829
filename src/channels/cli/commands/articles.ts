import type { Command } from 'commander'
import { InputError } from '../../../errors.js'
import { listArticles } from '../../../store/index.js'
import { openContext, type GlobalOptions } from '../context.js'
import { padWidth, printJson, printLines, truncateWidth } from '../output.js'

interface ArticlesFlags {
  json?: boolean
  date?: string
  paper?: string
  limit: string
}

export function registerArticles(program: Command): void {
  program
    .command('articles')
    .description('列出已入库的文章（最新的在前）')
    .option('--date <YYYY-MM-DD>', '只看某一天')
    .option('--paper <name>', '只看某份报纸')
    .option('--limit <n>', '最多几篇', '20')
    .option('--json', '输出 JSON')
    .action((flags: ArticlesFlags, cmd: Command) => {
      const limit = Number(flags.limit)
      if (!Number.isInteger(limit) || limit < 1) throw new InputError('--limit 应为正整数')
      const { db } = openContext(cmd.optsWithGlobals<GlobalOptions>())
      const rows = listArticles(db, { date: flags.date, paper: flags.paper, limit })
      db.close()
      if (flags.json) return printJson(rows)
      if (rows.length === 0) return printLines(['没有文章。先运行 newsbot ingest data/samples'])
      printLines(
        rows.map((r) =>
          [r.id.padEnd(16), r.date ?? '----------', padWidth(truncateWidth(r.paper, 10), 10), truncateWidth(r.title || '（无标题）', 48)].join('  '),
        ),
      )
    })
}
