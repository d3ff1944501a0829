import type { Command } from 'commander'
import { InputError } from '../../../errors.js'
import type { ArticleSummary } from '../../../store/index.js'
import { openStoreContext, type GlobalOptions } from '../context.js'
import { checkDateFlag } from '../flags.js'
import { runArticlesSet, type SetFlags } from './articles-set.js'
import { padWidth, printJson, printLines, truncateWidth } from '../output.js'

interface ArticlesFlags extends SetFlags {
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
    .option('--set <字段=值>', '更正报纸或日期：paper=经开时报 或 date=2022-09-15，可重复（配合 --id 或 --source）', collect)
    .option('--id <id...>', '与 --set 一起用：要更正的文章')
    .option('--source <文件>', '与 --set 一起用：这个版面文件的全部文章')
    .option('--json', '输出 JSON')
    .action(async (flags: ArticlesFlags, cmd: Command) => {
      if (flags.set) return runArticlesSet(flags, cmd.optsWithGlobals<GlobalOptions>())
      checkDateFlag('--date', flags.date)
      const limit = Number(flags.limit)
      if (!Number.isInteger(limit) || limit < 1) throw new InputError('--limit 应为正整数')
      const { store } = await openStoreContext(cmd.optsWithGlobals<GlobalOptions>(), 'read')
      let rows: ArticleSummary[]
      let empty: boolean
      try {
        rows = await store.listArticles({ date: flags.date, paper: flags.paper, limit })
        empty = rows.length === 0 && (await store.countArticles()) === 0
      } finally {
        await store.close()
      }
      if (flags.json) return printJson(rows)
      if (empty) return printLines(['数据库里还没有文章。先用 newsbot ingest 导入报纸（运行 npm run demo 可看示例）'])
      if (rows.length === 0) return printLines([`没有符合条件的文章（${describeFilters(flags)}）。用 newsbot stats 查看已有的报纸和日期范围`])
      printLines([
        ...rows.map((r) =>
          [
            r.id.padEnd(16),
            padWidth(`${r.date ?? '日期不详'}${r.inferred ? '*' : ''}`, 11),
            padWidth(truncateWidth(r.paper || '报纸不详', 10), 10),
            truncateWidth(r.title || '（无标题）', 48),
          ].join('  '),
        ),
        ...(rows.some((r) => r.inferred) ? ['', '* 报纸或日期是从版面推测的；不对时可用 newsbot articles --set 更正'] : []),
      ])
    })
}

function describeFilters(f: ArticlesFlags): string {
  return [f.date && `日期 ${f.date}`, f.paper && `报纸 ${f.paper}`].filter(Boolean).join('，')
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}
