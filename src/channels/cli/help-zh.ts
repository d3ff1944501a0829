import type { Command, Option } from 'commander'
import { displayWidth } from './output.js'

// Commander writes its help and usage errors in English; these rewrite them into Chinese, once, on output.
const PHRASES: [RegExp, string][] = [
  [/^error: unknown command '(.+?)'/m, "错误：没有 '$1' 这个命令"],
  [/^error: unknown option '(.+?)'/m, "错误：没有 '$1' 这个选项"],
  [/^error: missing required argument '(.+?)'/m, "错误：缺少参数 '$1'"],
  [/^error: option '(.+?)' argument missing/m, "错误：选项 '$1' 需要一个值"],
  [/^error: required option '(.+?)' not specified/m, "错误：必须给出选项 '$1'"],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+?)\.$/m, "错误：选项 '$1' 的值 '$2' 无效，可选：$3"],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\.(.*)$/m, "错误：选项 '$1' 的值 '$2' 无效$3"],
  [/^error: command-argument value '(.*?)' is invalid for argument '(.+?)'\.(.*)$/m, "错误：参数 '$2' 的值 '$1' 无效$3"],
  [/^error: too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\./m, "错误：'$1' 只接受 $2 个参数，收到了 $3 个（含空格的问题请加引号）"],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m, '错误：只接受 $1 个参数，收到了 $2 个'],
  [/^error: (.+?) cannot be used with (.+)$/m, '错误：$1 不能与 $2 同时使用'],
  [/\(Did you mean one of (.+?)\?\)/, '（是不是想用 $1？）'],
  [/\(Did you mean (.+?)\?\)/, '（是不是想用 $1？）'],
]

/** Rewrites commander's English help and error text into Chinese. */
export function translateCommander(text: string): string {
  let out = text
  for (const [re, to] of PHRASES) out = out.replace(re, to)
  return out
}

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
}
const WORDS: Record<string, string> = { '[options]': '[选项]', '[command]': '[命令]' }

/** The Chinese parts of help: headings, usage words, and an option's choices and default. */
const HELP = {
  // Chinese characters take two columns: commander's own width count would misalign the columns.
  displayWidth: (s: string) => displayWidth(s.replace(/\x1b\[\d*(;\d+)*m/g, '')),
  styleTitle: (s: string) => TITLES[s] ?? s,
  styleOptionText: (s: string) => WORDS[s] ?? s,
  styleSubcommandText: (s: string) => WORDS[s] ?? s,
  optionDescription(option: Option): string {
    const extra: string[] = []
    if (option.argChoices) extra.push(`可选：${option.argChoices.join('、')}`)
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`)
    }
    return [option.description, extra.length > 0 ? `（${extra.join('；')}）` : ''].filter(Boolean).join(' ')
  },
}

/** Sets Chinese help wording and output on a command; subcommands made after this inherit it. */
export function useChineseHelp(cmd: Command): Command {
  return cmd
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp(HELP)
    .configureOutput({
      writeOut: (s) => process.stdout.write(translateCommander(s)),
      writeErr: (s) => process.stderr.write(translateCommander(s)),
    })
}
