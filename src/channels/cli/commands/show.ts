import type { Command } from 'commander'
import { InputError } from '../../../errors.js'
import type { Article } from '../../../store/index.js'
import { openStoreContext, type GlobalOptions } from '../context.js'
import { printJson, printLines } from '../output.js'
import { toShowJson } from '../../json.js'

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('显示一篇文章全文')
    .argument('<id>', '文章 id（见 newsbot articles）')
    .option('--json', '输出 JSON')
    .action(async (id: string, flags: { json?: boolean }, cmd: Command) => {
      const { store } = await openStoreContext(cmd.optsWithGlobals<GlobalOptions>(), 'read')
      const article = await store.getArticle(id).finally(() => store.close())
      if (!article) throw new InputError(`没有 id 为 ${id} 的文章`)
      if (flags.json) return printJson(toShowJson(article))
      printLines(describeArticle(article))
    })
}

function describeArticle(a: Article): string[] {
  const when = a.date ? `${a.date}${a.dateInferred ? '（推测）' : ''}` : '日期不详'
  return [
    ...(a.introTitle ? [a.introTitle] : []),
    a.title || '（无标题）',
    ...(a.subtitle ? [a.subtitle] : []),
    `${a.paper ? `${a.paper}${a.paperInferred ? '（推测）' : ''}` : '报纸不详'} · ${when}${a.page ? ` · 第 ${a.page} 版` : ''}${a.section ? ` · ${a.section}` : ''}`,
    '',
    ...(a.dateline ? [a.dateline] : []),
    a.text,
    ...(a.byline ? ['', a.byline] : []),
    ...(a.url ? ['', `原文：${a.url}`] : []),
  ]
}
