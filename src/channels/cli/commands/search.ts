import type { Command } from 'commander'
import { InputError } from '../../../errors.js'
import type { SearchHit } from '../../../retrieve/index.js'
import { openQuestionContext, requireStoreArticles, type GlobalOptions } from '../context.js'
import { checkDateFlag } from '../flags.js'
import { printJson, printLines, truncateWidth } from '../output.js'
import { toSearchJson } from '../../json.js'

interface SearchFlags {
  json?: boolean
  k: string
  dateFrom?: string
  dateTo?: string
  paper?: string
  exclude?: string
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('按问题或关键词检索文章（最相关的在前）')
    .argument('<query>', '问题或关键词，例如 "经开区分了多少套安置房"')
    .option('-k <n>', '最多几篇', '10')
    .option('--date-from <YYYY-MM-DD>', '只看这一天及以后的报纸')
    .option('--date-to <YYYY-MM-DD>', '只看这一天及以前的报纸')
    .option('--paper <name>', '只看某份报纸')
    .option('--exclude <ids>', '排除这些文章及其转载（逗号分隔的编号），用于检验检索')
    .option('--json', '输出 JSON')
    .action(async (query: string, flags: SearchFlags, cmd: Command) => {
      const k = Number(flags.k)
      if (!Number.isInteger(k) || k < 1 || k > 100) throw new InputError('-k 应为 1 到 100 之间的整数')
      checkDateFlag('--date-from', flags.dateFrom)
      checkDateFlag('--date-to', flags.dateTo)
      if (flags.dateFrom && flags.dateTo && flags.dateFrom > flags.dateTo) throw new InputError('--date-from 晚于 --date-to，这段时间里没有报纸')
      if (!/[\p{L}\p{N}]/u.test(query)) throw new InputError('查询是空的，请输入要检索的内容。')
      const { config, store, location, index } = await openQuestionContext(cmd.optsWithGlobals<GlobalOptions>())
      try {
        await requireStoreArticles(store, location)
        const exclude = flags.exclude?.split(',').map((id) => id.trim()).filter(Boolean)
        const filters = { k, dateFrom: flags.dateFrom, dateTo: flags.dateTo, paper: flags.paper, exclude }
        // The model client is loaded only when embeddings are configured: a plain search starts faster without it.
        const embedder = config.embedModel ? (await import('../../../llm/index.js')).createEmbedder(config) : null
        const { hits, notice } = await index.searchWithEmbedder(query, { ...filters, embedder })
        for (const line of notice) process.stderr.write(`newsbot: ${line}\n`)
        if (flags.json) return printJson(hits.map(toSearchJson))
        if (hits.length === 0) return printLines(['没有找到相关文章。换个说法或少用几个词试试。'])
        printLines(hits.flatMap(describeHit))
      } finally {
        await store.close()
      }
    })
}

function describeHit(h: SearchHit, i: number): string[] {
  const meta = [h.paper, h.date ?? '日期不详', h.id].filter(Boolean).join(' · ')
  return [
    `${i + 1}. ${truncateWidth(h.title || '（无标题）', 60)}  [${meta}]`,
    `   ${truncateWidth(h.snippet.replace(/\s+/g, ' '), 110)}`,
  ]
}
