import type { BotCommand } from 'grammy/types'
import { escapeHtml } from './format.js'

// Every sentence the bot says on its own behalf (answers and articles come from elsewhere).

export const AI_NOTICE = '回答由程序根据报道自动摘取或生成，可能有误，请以原文为准。'

/** The /help text: the built-in commands, then those of mounted features (e.g. the digest's). */
export function renderHelp(extra: BotCommand[] = []): string {
  return [
    '<b>使用方法</b>',
    '· 私聊时直接发送问题即可；在群里用 /ask 问题，或回复我、@我。',
    '· /search 关键词 —— 查找相关报道',
    '· /latest —— 最新报道',
    '· /source 编号 —— 阅读上一个回答引用的第几篇原文（也可点按钮）',
    '· /sources —— 再看一次上一个回答的来源',
    '· /about —— 数据来源与更新时间',
    '· /forget —— 删除我记下的你的对话和提问',
    ...extra.map((c) => `· /${c.command} —— ${escapeHtml(c.description)}`),
    '追问时可以接着上一个问题说，例如“那它什么时候完工？”',
  ].join('\n')
}

export const COMMANDS = [
  { command: 'ask', description: '提问，例如 /ask 王庄村改造到哪一步了' },
  { command: 'search', description: '按关键词查找报道' },
  { command: 'latest', description: '最新报道' },
  { command: 'sources', description: '上一个回答的来源' },
  { command: 'source', description: '阅读第 N 篇来源原文' },
  { command: 'about', description: '数据来源与更新时间' },
  { command: 'forget', description: '删除我的对话和提问记录' },
  { command: 'help', description: '使用说明' },
  { command: 'start', description: '简介' },
]

export const texts = {
  busy: '上一个问题还在回答中，请稍候再问。',
  askUsage: '请在 /ask 后面写上问题，例如：/ask 王庄村改造到哪一步了？',
  searchUsage: '请在 /search 后面写上关键词，例如：/search 安置房',
  sourceUsage: '请写上来源编号，例如：/source 1',
  nothingFound: (q: string) => `没有找到与“${escapeHtml(q)}”相关的报道，换个关键词试试。`,
  noArticles: '资料库里还没有报道。',
  noSources: '还没有可查看的来源，先提个问题吧。',
  noSuchSource: (n: number, max: number) => `没有第 ${n} 个来源（上一个回答共有 ${max} 个）。`,
  articleGone: '这篇报道已不在资料库中。',
  staleButton: '这个按钮已失效。',
  textOnly: '我只能回答文字问题，直接发送问题即可。',
  unknownCommand: '没有这个命令，发送 /help 查看用法。',
  adminOnly: '抱歉，这个命令仅限管理员使用。',
  noUnanswered: '最近没有答不上来的问题。',
  generic: '抱歉，处理时出了点问题，请稍后再试。',
  forgetInPrivate: '群聊的记录属于整个群，无法只删除你的。请私聊我发送 /forget 删除你自己的记录。',
  forgotten: (turns: number, questions: number) =>
    turns + questions === 0 ? '我没有保存你的对话或提问记录。' : `已删除你的 ${turns} 条对话记录和 ${questions} 条提问记录。`,
  rate: (sec: number) => `提问太频繁了，请 ${sec} 秒后再试。`,
  daily: (perDay: number) => `今天的提问次数已用完（每天 ${perDay} 次），明天再来吧。`,
}
