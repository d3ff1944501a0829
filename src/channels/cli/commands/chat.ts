import { createInterface } from 'node:readline'
import type { Command } from 'commander'
import { answerQuestion, withTurn, type AnswerMode, type AnswerResult, type Turn } from '../../../answer/index.js'
import { InputError } from '../../../errors.js'
import type { GlobalOptions } from '../context.js'
import { printLines } from '../output.js'
import { createTokenEcho, describeAnswer, describeSources, modeOption, openAskSession, reportFallback } from './ask.js'

const HELP = ['直接输入问题即可，可以追问（如“那它什么时候完工？”）。', '/sources 查看上一个回答的来源  /clear 清空对话  /quit 退出']

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('在终端里连续提问（支持追问），与机器人的回答逻辑相同')
    .addOption(modeOption())
    .action(async (flags: { mode: AnswerMode }, cmd: Command) => {
      const { store, index, llm, embedder } = await openAskSession(cmd.optsWithGlobals<GlobalOptions>(), flags.mode)
      const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY)
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty })
      rl.setPrompt('问> ')
      if (tty) printLines(['newsbot 对话（/quit 退出）', ...HELP])
      let history: Turn[] = []
      let last: AnswerResult | undefined
      try {
        if (tty) rl.prompt()
        for await (const line of rl) {
          const q = line.trim()
          if (q === '/quit' || q === '/exit') break
          if (q === '/sources') printLines(last && last.citations.length > 0 ? describeSources(last) : ['上一个回答没有引用来源。'])
          else if (q === '/clear') history = []
          else if (q === '/help') printLines(HELP)
          else if (q.startsWith('/')) printLines([`未知命令 ${q}。`, ...HELP])
          else if (q) {
            if (!tty) printLines([`问：${q}`])
            const stream = createTokenEcho(tty, llm !== null)
            try {
              last = await answerQuestion(index, q, { mode: flags.mode, llm, embedder, history, onToken: stream.onToken }).finally(stream.done)
              reportFallback(last, cmd.optsWithGlobals<GlobalOptions>().verbose)
            } catch (err) {
              // A bad question is the user's to fix; the conversation goes on.
              if (!(err instanceof InputError)) throw err
              printLines([err.message])
              if (tty) rl.prompt()
              continue
            }
            history = withTurn(history, { question: q, searched: last.searched, answer: last.answer })
            printLines([...describeAnswer(last, stream.text()), ''])
          }
          if (tty) rl.prompt()
        }
      } finally {
        rl.close()
        await store.close()
      }
    })
}
