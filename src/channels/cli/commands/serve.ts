import type { Command } from 'commander'
import { InputError } from '../../../errors.js'
import { createEmbedder, createLlmClient } from '../../../llm/index.js'
import { createWebApp, createWebDeps, startQuotaPruning, startRetention, startWebServer } from '../../web/index.js'
import { answerPoolFor } from '../../answer-pool.js'
import { loadConfig } from '../../../config.js'
import { openStoreContext, type GlobalOptions } from '../context.js'

interface ServeFlags {
  port?: string
  host: string
  exitAfterReady?: boolean
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('运行网页版和 JSON/SSE 接口（默认 http://127.0.0.1:8080）')
    .option('--port <n>', '端口（默认 NEWSBOT_PORT 或 8080；0 为任选空闲端口）')
    .option('--host <address>', '监听地址（对外开放用 0.0.0.0）', '127.0.0.1')
    // For tests of `npm run demo`: start, print the address, then stop as on SIGTERM.
    .option('--exit-after-ready', '启动后立即退出（测试用）')
    .addHelpText('after', SERVE_ENV_HELP)
    .action(async (flags: ServeFlags, cmd: Command) => {
      // Readers only read; the console ingests, corrects and deletes, so with it on the SQLite file is opened for writing.
      const { config, store, db, location } = await openStoreContext(cmd.optsWithGlobals<GlobalOptions>(), loadConfig().web.adminPassword ? 'write' : 'read')
      try {
        const port = flags.port === undefined ? config.web.port : Number(flags.port)
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('--port 应为 0 到 65535 之间的整数')
        if ((await store.countArticles()) === 0) process.stderr.write(`newsbot: ${db ? `数据库 ${location} ` : 'PostgreSQL 数据库'}里还没有文章：先用 newsbot ingest 导入报纸\n`)
        const onError = (err: unknown) => process.stderr.write(`newsbot: 网页请求出错：${err instanceof Error ? err.message : String(err)}\n`)
        const models = { llm: createLlmClient(config.llm), embedder: createEmbedder(config) }
        const pool = answerPoolFor(config, location, models)
        await pool?.warm()
        const deps = createWebDeps(db ?? store, config, { ...models, pool }, onError)
        const server = await startWebServer(createWebApp(deps), { host: flags.host, port }).catch((err: NodeJS.ErrnoException) => {
          throw new InputError(err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用：换一个 --port` : `无法在 ${flags.host}:${port} 上监听：${err.message}`)
        })
        const stopRetention = deps.admin ? startRetention(deps.store, deps.admin.retentionDays, onError) : () => {}
        const stopPruning = deps.rates ? startQuotaPruning(store, onError) : () => {}
        process.stdout.write(`listening on ${server.url}\n`)
        if (deps.admin) process.stdout.write(`console on ${server.url}/admin\n`)
        if (!flags.exitAfterReady) {
          // A second signal gets the default behaviour (exit at once): `once` has removed our listener.
          await new Promise<string>((resolve) => {
            process.once('SIGINT', resolve)
            process.once('SIGTERM', resolve)
          })
        }
        stopRetention()
        stopPruning()
        await server.close()
        await pool?.close()
      } finally {
        await store.close()
      }
    })
}

// Keep in step with config.ts and the README's environment table.
const SERVE_ENV_HELP = `
环境变量：
  NEWSBOT_PORT                        端口（默认 8080；--port 优先）
  NEWSBOT_WEB_RATE_PER_MINUTE         每个访问地址每分钟的提问和搜索次数（默认 20；0 为不限；PostgreSQL 上各副本共用）
  NEWSBOT_ADMIN_PASSWORD              管理后台 /admin 的密码（至少 10 个字符；不设置则后台关闭）
  NEWSBOT_EMBED_ORIGINS               允许用 iframe 嵌入 /embed 的网站（空格分隔；默认 * 为任何网站）
  NEWSBOT_PUBLIC_URL                  读者访问本站的地址（Telegram 机器人的来源按钮和简报条目链接到这里的文章页）
  NEWSBOT_ANSWER_THREADS              摘录式回答用的工作线程数（默认每核一个，最多 4；0 为在主线程回答）
  NEWSBOT_DB                          数据库文件（默认 data/newsbot.db；--db 优先）
  NEWSBOT_DATABASE_URL                postgres://… 时使用 PostgreSQL（--db 优先）
  OPENAI_BASE_URL、OPENAI_API_KEY、OPENAI_MODEL
                                      兼容 OpenAI 的大模型服务；都不设置时用摘录式回答
`
