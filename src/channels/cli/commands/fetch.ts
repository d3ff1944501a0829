import { dirname } from 'node:path'
import type { Command } from 'commander'
import { InputError } from '../../../errors.js'
import { createPoliteFetcher } from '../../../ingest/index.js'
import { createStoreWriter } from '../../../retrieve/index.js'
import { openStoreContext, type GlobalOptions } from '../context.js'
import { printJson, printLines } from '../output.js'
import { describeSummary } from './ingest.js'

interface FetchFlags {
  json?: boolean
  paper?: string
  delay?: string
  timeout?: string
}

export function registerFetch(program: Command): void {
  program
    .command('fetch')
    .description('抓取一期电子报（方正数字报版面地址）并导入（可重复执行，未更新的文章不会重新下载）')
    .argument('<url>', '某一期的版面地址，例如 http://epaper.example.cn/html/2024-06/01/node_1.htm')
    .option('--paper <name>', '报纸名称（覆盖网页上的报名）')
    .option('--delay <ms>', '两次请求之间的间隔毫秒数（默认 NEWSBOT_FETCH_DELAY_MS 或 1000）')
    .option('--timeout <ms>', '单个请求的最长等待毫秒数（默认 NEWSBOT_FETCH_TIMEOUT_MS 或 20000）')
    .option('--json', '输出 JSON')
    .action(async (url: string, flags: FetchFlags, cmd: Command) => {
      if (!/^https?:\/\/[^/]/i.test(url)) throw new InputError(`${url} 不是网址：请给出 http:// 或 https:// 开头的电子报版面地址`)
      const delayMs = msFlag('--delay', flags.delay)
      const timeoutMs = msFlag('--timeout', flags.timeout)
      const { config, store, location, created } = await openStoreContext(cmd.optsWithGlobals<GlobalOptions>(), 'create')
      if (created === 'folder') process.stderr.write(`newsbot: 新建文件夹 ${dirname(location)} 和数据库 ${location}\n`)
      else if (created) process.stderr.write(`newsbot: 新建数据库 ${location}\n`)
      try {
        const fetcher = createPoliteFetcher({ delayMs: delayMs ?? config.epaper.delayMs, timeoutMs: timeoutMs ?? config.epaper.timeoutMs })
        const summary = await createStoreWriter(store).fetch(url, { fetcher, meta: { paper: flags.paper } })
        if (flags.json) printJson(summary)
        else printLines(describeSummary(summary).map((line, i) => (i === 0 ? line.replace('个文件', '个页面') : line)))
        // Pages that could not be fetched are the network's doing, not the user's (exit 1, as DESIGN.md has it).
        if (summary.failed.length > 0) process.exitCode = 1
      } finally {
        await store.close()
      }
    })
}

function msFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InputError(`${name} 应为不小于 0 的整数毫秒数，例如 1000`)
  return n
}
