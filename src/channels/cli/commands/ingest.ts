import { dirname } from 'node:path'
import type { Command } from 'commander'
import type { Config } from '../../../config.js'
import { NewsbotError } from '../../../errors.js'
import { createIndex, embedPending, writeToStore, type VectorWriter, type WriteOptions } from '../../../retrieve/index.js'
import { createSqliteStore, isPostgresUrl, openStore, type IngestSummary } from '../../../store/index.js'
import { loadConfig } from '../../../config.js'
import { openContext, storeLocation, type GlobalOptions } from '../context.js'
import { checkDateFlag } from '../flags.js'
import { printJson, printLines } from '../output.js'
import { createIngestProgress } from '../progress.js'
import { createEmbedder } from '../../../llm/index.js'

interface IngestFlags {
  json?: boolean
  paper?: string
  date?: string
  page?: string
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('读入版面文本文件、版面 PDF、文件夹、.jsonl/.jsonl.gz 与另存的电子报网页（可重复执行）')
    .argument('<paths...>', '文件或文件夹')
    .option('--paper <name>', '报纸名称（覆盖 manifest）')
    .option('--date <YYYY-MM-DD>', '出版日期（覆盖 manifest）')
    .option('--page <page>', '版次')
    .option('--json', '输出 JSON')
    .action(async (paths: string[], flags: IngestFlags, cmd: Command) => {
      checkDateFlag('--date', flags.date)
      const global = cmd.optsWithGlobals<GlobalOptions>()
      const progress = createIngestProgress(!flags.json)
      const stop = stopOnSignal(progress.stop)
      const options: WriteOptions = {
        meta: { paper: flags.paper, issueDate: flags.date, page: flags.page },
        onFile: progress.onFile,
        onBytes: progress.onBytes,
        onWait: () => progress.note('另一个进程正在写入这个数据库，等它写完再继续…'),
        signal: stop.signal,
      }
      let written: Written
      try {
        const location = storeLocation(global, loadConfig())
        written = isPostgresUrl(location)
          ? await ingestIntoPostgres(location, paths, options, progress.stop, !flags.json)
          : await ingestIntoSqlite({ ...global, db: location }, paths, options, progress.stop, !flags.json)
      } finally {
        stop.dispose()
      }
      const { summary, embedded } = written
      if (flags.json) printJson(embedded ? { ...summary, embeddings: embedded } : summary)
      else printLines([...describeSummary(summary), ...(embedded ? [describeEmbeddings(embedded)] : [])])
      if (summary.interrupted) {
        process.stderr.write(`${describeInterruption(summary.interrupted, paths)}\n`)
        process.exitCode = 130
      } else if (summary.failed.length > 0) process.exitCode = 2
      else if (embedded?.error) process.exitCode = 1
    })
}

const LOCK_POLL_MS = 200

interface Written {
  summary: IngestSummary
  embedded?: EmbedSummary
}

async function ingestIntoSqlite(opts: GlobalOptions, paths: string[], options: WriteOptions, stopProgress: () => void, verbose: boolean): Promise<Written> {
  // A short busy wait: while another ingest writes, lockForWrite waits asynchronously and says so.
  const { config, db, dbPath, created } = openContext(opts, 'create', LOCK_POLL_MS)
  if (created === 'folder') process.stderr.write(`newsbot: 新建文件夹 ${dirname(dbPath)} 和数据库 ${dbPath}\n`)
  else if (created) process.stderr.write(`newsbot: 新建数据库 ${dbPath}\n`)
  try {
    let summary: IngestSummary
    try {
      summary = await createIndex(db).write(paths, options)
    } finally {
      stopProgress()
    }
    return { summary, embedded: summary.interrupted ? undefined : await embedPassages(createSqliteStore(db), config, verbose) }
  } finally {
    db.close()
  }
}

async function ingestIntoPostgres(url: string, paths: string[], options: WriteOptions, stopProgress: () => void, verbose: boolean): Promise<Written> {
  const store = await openStore(url)
  try {
    let summary: IngestSummary
    try {
      summary = await writeToStore(store, paths, options)
    } finally {
      stopProgress()
    }
    return { summary, embedded: summary.interrupted ? undefined : await embedPassages(store, loadConfig(), verbose) }
  } finally {
    await store.close()
  }
}

/** Ctrl-C (or SIGTERM) stops the ingest at the next record instead of killing it; a second one exits at once. */
function stopOnSignal(restoreTerminal: () => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = () => {
    if (controller.signal.aborted) {
      restoreTerminal()
      process.exit(130)
    }
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

/** What an interrupted ingest kept and what to run again (the same command: finished files are skipped). */
function describeInterruption(i: NonNullable<IngestSummary['interrupted']>, paths: string[]): string {
  const done = i.filesDone > 0 ? `前 ${i.filesDone} 个文件已全部保存；` : ''
  const kept = i.kept > 0 ? `，已保存其中 ${i.kept} 条` : '，这个文件的内容没有保存'
  return [
    `newsbot: 导入已中断。${done}${i.path} 未导完${kept}。`,
    `重新运行 newsbot ingest ${paths.join(' ')} 即可继续（已导入的文章不会重复）。`,
  ].join('\n')
}

interface EmbedSummary {
  model: string
  embedded: number
  pending: number
  error?: string
}

/** When embeddings are configured, vectors for the passages that lack one; a failure keeps what was saved. */
async function embedPassages(store: VectorWriter, config: Config, verbose: boolean): Promise<EmbedSummary | undefined> {
  const embedder = createEmbedder(config)
  if (!embedder) return undefined
  const { model } = embedder
  const tty = verbose && process.stderr.isTTY
  let embedded = 0
  let error: string | undefined
  try {
    await embedPending(store, embedder.embed, {
      model,
      batchSize: config.embedBatch,
      onProgress: (done, total) => {
        embedded = done
        if (tty) process.stderr.write(`\r向量 ${done}/${total} 段`)
      },
    })
  } catch (err) {
    // The endpoint's failures (UpstreamError) leave the saved batches and are reported; anything else is a bug.
    if (!(err instanceof NewsbotError)) throw err
    error = err.message
  }
  if (tty && embedded > 0) process.stderr.write('\n')
  return { model, embedded, pending: await store.countPendingPassages(model), ...(error ? { error } : {}) }
}

function describeEmbeddings(e: EmbedSummary): string {
  if (!e.error) return `向量（${e.model}）：新算 ${e.embedded} 段`
  return `向量（${e.model}）计算中断：${e.error}；已保存 ${e.embedded} 段，重新运行 ingest 会接着算剩下的`
}

/** The summary lines ingest and fetch print. */
export function describeSummary(s: IngestSummary): string[] {
  const lines = [
    `${s.files} 个文件：新增 ${s.added} 篇，更新 ${s.updated} 篇，未变 ${s.unchanged} 篇，移除 ${s.removed} 篇，失败 ${s.failed.length} 处`,
  ]
  for (const f of s.failed.slice(0, 50)) lines.push(`  ✗ ${f.path}${f.line ? `:${f.line}` : ''}  ${f.error}`)
  if (s.failed.length > 50) lines.push(`  … 另有 ${s.failed.length - 50} 处失败（用 --json 查看全部）`)
  return lines
}
