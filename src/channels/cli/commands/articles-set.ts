import { resolve } from 'node:path'
import { InputError } from '../../../errors.js'
import { openStoreContext, type GlobalOptions } from '../context.js'
import { checkDateFlag } from '../flags.js'
import { printJson, printLines } from '../output.js'

export interface SetFlags {
  set?: string[]
  id?: string[]
  source?: string
  json?: boolean
}

/** `articles --set paper=经开时报 --set date=2022-09-15 --source 页面.txt`: corrects what was inferred. */
export async function runArticlesSet(flags: SetFlags, globals: GlobalOptions): Promise<void> {
  const to = parseAssignments(flags.set ?? [])
  if (!flags.id?.length && !flags.source) throw new InputError('--set 需要指明改哪些文章：--id <文章 id…> 或 --source <版面文件>')
  const { store } = await openStoreContext(globals, 'write')
  const changed = await store.setArticleOrigin({ ids: flags.id, source: flags.source && resolve(flags.source) }, to).finally(() => store.close())
  if (flags.json) return printJson({ changed })
  if (changed === 0) throw new InputError('没有找到要修改的文章：请用 newsbot articles 查看 id，或检查 --source 的路径')
  printLines([`已修改 ${changed} 篇文章${to.paper ? `，报纸：${to.paper}` : ''}${to.issueDate ? `，日期：${to.issueDate}` : ''}`])
}

function parseAssignments(items: string[]): { paper?: string; issueDate?: string } {
  const to: { paper?: string; issueDate?: string } = {}
  for (const item of items) {
    const m = /^(paper|date|报纸|日期)=(.+)$/.exec(item.trim())
    if (!m) throw new InputError(`--set ${item} 看不懂：应为 paper=报纸名称 或 date=YYYY-MM-DD`)
    if (m[1] === 'paper' || m[1] === '报纸') to.paper = m[2]!.trim()
    else {
      checkDateFlag('--set date', m[2])
      to.issueDate = m[2]
    }
  }
  if (!to.paper && !to.issueDate) throw new InputError('--set 应为 paper=报纸名称 或 date=YYYY-MM-DD')
  return to
}
