import type { Command } from 'commander'
import { buildDigest, createDigestSummarizer, type Digest } from '../../../digest/index.js'
import { openStoreContext, requireStoreArticles, type GlobalOptions } from '../context.js'
import { checkDateFlag } from '../flags.js'
import { printJson, printLines } from '../output.js'
import { toDigestJson } from '../../json.js'

interface DigestFlags {
  date?: string
  json?: boolean
}

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description('某一天的简报：按地区分组，每篇一句话概要（默认最新一期）')
    .option('--date <YYYY-MM-DD>', '哪一期（默认最新一期）')
    .option('--json', '输出 JSON')
    .action(async (flags: DigestFlags, cmd: Command) => {
      checkDateFlag('--date', flags.date)
      const { config, store, location } = await openStoreContext(cmd.optsWithGlobals<GlobalOptions>(), 'read')
      let digest: Digest
      const warnings: string[] = []
      try {
        await requireStoreArticles(store, location)
        const summarize = createDigestSummarizer(config.llm, () => warnings.push('fallback'))
        digest = await buildDigest(store, { date: flags.date, summarize })
      } finally {
        await store.close()
      }
      if (warnings.length > 0) process.stderr.write(`newsbot: 大模型概要失败 ${warnings.length} 次，这些条目改用导语。\n`)
      if (flags.json) return printJson(toDigestJson(digest))
      printLines(describeDigest(digest, flags.date))
    })
}

function describeDigest(d: Digest, date: string | undefined): string[] {
  if (d.sections.length === 0) {
    return [date ? `${date} 没有报道。用 newsbot stats 查看有哪些日期。` : '文章都没有日期，无法按期生成简报；用 newsbot articles --set date=YYYY-MM-DD 补上日期']
  }
  const lines = [`每日简报 · ${d.date}`]
  let n = 0
  for (const s of d.sections) {
    lines.push('', `【${s.heading}】`)
    for (const i of s.items) lines.push(`${++n}. ${i.title}  (${i.id})`, ...(i.summary && i.summary !== i.title ? [`   ${i.summary}`] : []))
  }
  return lines
}
