import type { Command } from 'commander'
import { openStoreContext, type GlobalOptions } from '../context.js'
import { formatLocalTime, printJson, printLines } from '../output.js'

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('数据库概况：文章数、报纸、日期范围')
    .option('--json', '输出 JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { config, store } = await openStoreContext(cmd.optsWithGlobals<GlobalOptions>(), 'read')
      const s = await store.getStoreStats().finally(() => store.close())
      if (flags.json) return printJson(s)
      printLines([
        `文章 ${s.articles} 篇，段落 ${s.passages} 个，来源文件 ${s.sources} 个`,
        `日期 ${s.firstDate ?? '—'} 至 ${s.lastDate ?? '—'}，最近入库 ${s.lastIngestAt ? `${formatLocalTime(s.lastIngestAt, config.timezone)}（${config.timezone}）` : '—'}`,
        ...(s.dbBytes != null ? [`数据库 ${(s.dbBytes / 1048576).toFixed(1)} MB`] : []),
        ...s.papers.map((p) => `  ${p.paper || '报纸不详'}：${p.articles} 篇，${p.firstDate ?? '—'} 至 ${p.lastDate ?? '—'}`),
      ])
    })
}
