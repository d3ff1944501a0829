import type { Command } from 'commander'
import { InputError } from '../../../errors.js'
import { tokenizeForIndex } from '../../../retrieve/index.js'
import { ingestPaths, type IngestSummary } from '../../../store/index.js'
import { openContext, type GlobalOptions } from '../context.js'
import { printJson, printLines } from '../output.js'
import { createIngestProgress } from '../progress.js'

interface IngestFlags {
  json?: boolean
  paper?: string
  date?: string
  page?: string
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('读入版面文本文件、文件夹与 .jsonl/.jsonl.gz（可重复执行）')
    .argument('<paths...>', '文件或文件夹')
    .option('--paper <name>', '报纸名称（覆盖 manifest）')
    .option('--date <YYYY-MM-DD>', '出版日期（覆盖 manifest）')
    .option('--page <page>', '版次')
    .option('--json', '输出 JSON')
    .action(async (paths: string[], flags: IngestFlags, cmd: Command) => {
      if (flags.date && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new InputError('--date 应为 YYYY-MM-DD')
      const { db } = openContext(cmd.optsWithGlobals<GlobalOptions>())
      const progress = createIngestProgress(!flags.json)
      const summary = await ingestPaths(db, paths, {
        tokenize: tokenizeForIndex,
        meta: { paper: flags.paper, issueDate: flags.date, page: flags.page },
        onFile: progress.onFile,
        onBytes: progress.onBytes,
      })
      progress.stop()
      db.close()
      if (flags.json) printJson(summary)
      else printLines(describeSummary(summary))
      if (summary.failed.length > 0) process.exitCode = 2
    })
}

function describeSummary(s: IngestSummary): string[] {
  const lines = [
    `${s.files} 个文件：新增 ${s.added} 篇，更新 ${s.updated} 篇，未变 ${s.unchanged} 篇，移除 ${s.removed} 篇，失败 ${s.failed.length} 处`,
  ]
  for (const f of s.failed.slice(0, 50)) lines.push(`  ✗ ${f.path}${f.line ? `:${f.line}` : ''}  ${f.error}`)
  if (s.failed.length > 50) lines.push(`  … 另有 ${s.failed.length - 50} 处失败（用 --json 查看全部）`)
  return lines
}
