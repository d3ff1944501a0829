import { Option, type Command } from 'commander'
import { answerQuestion, pickModel, type AnswerMode, type AnswerResult } from '../../../answer/index.js'
import type { QuestionIndex } from '../../../retrieve/index.js'
import type { Store } from '../../../store/index.js'
import { openQuestionContext, requireStoreArticles, type GlobalOptions } from '../context.js'
import { printJson, printLines } from '../output.js'
import { toAskJson } from '../../json.js'
import { createEmbedder, createLlmClient, type LlmClient, type Embedder } from '../../../llm/index.js'

interface AskFlags {
  json?: boolean
  mode: AnswerMode
}

/** The --mode option shared by ask and chat. */
export const modeOption = () =>
  new Option('--mode <mode>', '回答方式：auto（配置了大模型就用大模型）、extractive（摘录）、llm').choices(['auto', 'extractive', 'llm']).default('auto')

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('回答一个问题，并列出引用的来源')
    .argument('<question>', '问题，例如 "经开区已经分配了多少套安置房？"')
    .addOption(modeOption())
    .option('--json', '输出 JSON')
    .action(async (question: string, flags: AskFlags, cmd: Command) => {
      const session = await openAskSession(cmd.optsWithGlobals<GlobalOptions>(), flags.mode)
      try {
        const globals = cmd.optsWithGlobals<GlobalOptions>()
        const stream = createTokenEcho(!flags.json && Boolean(process.stdout.isTTY && process.stderr.isTTY), session.llm !== null)
        const result = await answerQuestion(session.index, question, { mode: flags.mode, llm: session.llm, embedder: session.embedder, onToken: stream.onToken }).finally(stream.done)
        reportFallback(result, globals.verbose)
        if (flags.json) printJson(toAskJson(result))
        else printLines(describeAnswer(result, stream.text()))
      } finally {
        await session.store.close()
      }
    })
}

/** The store (SQLite read only, or PostgreSQL) and its index, the model the mode will use and the embedder, if any. */
export async function openAskSession(
  opts: GlobalOptions,
  mode: AnswerMode,
): Promise<{ store: Store; index: QuestionIndex; llm: LlmClient | null; embedder: Embedder | null }> {
  const { config, store, location, index } = await openQuestionContext(opts)
  try {
    await requireStoreArticles(store, location)
    const llm = pickModel(mode, createLlmClient(config.llm))
    return { store, index, llm, embedder: createEmbedder(config) }
  } catch (err) {
    await store.close()
    throw err
  }
}

/**
 * On a terminal, the model's tokens are echoed as they arrive; the checked answer follows if it differs.
 * Until the first token, a line on stderr counts the seconds waited, so a slow model is not a frozen screen.
 */
export function createTokenEcho(enabled: boolean, waitingForModel = false): { onToken?: (t: string) => void; text: () => string; done: () => void } {
  let text = ''
  if (!enabled) return { text: () => text, done() {} }
  const wait = waitingForModel ? startWaitLine() : undefined
  return {
    onToken: (t) => {
      if (!text) wait?.clear()
      text += t
      process.stdout.write(t)
    },
    text: () => text,
    done: () => wait?.clear(),
  }
}

function startWaitLine(): { clear: () => void } {
  const started = Date.now()
  const show = () => process.stderr.write(`\r正在等待大模型回答… ${Math.round((Date.now() - started) / 1000)} 秒`)
  show()
  const timer = setInterval(show, 1000)
  let cleared = false
  return {
    clear() {
      if (cleared) return
      cleared = true
      clearInterval(timer)
      process.stderr.write('\r\x1b[2K')
    },
  }
}

/** Why the model was not used goes to stderr with --verbose only: it may name the endpoint or an HTTP status. */
export function reportFallback(r: AnswerResult, verbose = false): void {
  if (verbose && r.fallbackReason) process.stderr.write(`newsbot: 大模型未能回答的原因：${r.fallbackReason}\n`)
}

/** The answer, its numbered sources (headline · paper · date) and any notices, for a terminal. */
export function describeAnswer(r: AnswerResult, streamed = ''): string[] {
  const lines: string[] = r.notice ? [`注意：${r.notice}`, ''] : []
  if (streamed) {
    lines.push('')
    if (streamed.trim() !== r.answer) lines.push('', `核对后的回答：${r.answer}`)
  } else lines.push(r.answer)
  if (r.citations.length > 0) lines.push('', '来源：', ...describeSources(r))
  if (r.abstained && r.suggestions.length > 0) {
    lines.push('', '查看原文：', ...r.suggestions.map((s) => `  newsbot show ${s.id}  ${headline(s)}`))
  }
  for (const w of r.warnings) lines.push(`注意：${w}`)
  return lines
}

export function describeSources(r: AnswerResult): string[] {
  return r.citations.map((c) => `[${c.n}] ${headline(c)}\n    “${c.quote}”`)
}

function headline(s: { title: string; paper: string; date: string | null }): string {
  return [s.title || '（无标题）', s.paper, s.date ?? '日期不详'].filter(Boolean).join(' · ')
}
