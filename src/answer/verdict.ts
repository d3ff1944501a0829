import { clausesOf, POST, versionsOffered } from '../retrieve/index.js'

// A question that asks whether the reader has a figure right (……安置房3663套，是吗？ / 是6月5日开的吧 / 这个数字对吗).
const CHECKS = /(是吗|对吗|对不对|是不是|对吧|是吧|没错吧|没记错吧|吧|准确吗|正确吗|是这样吗|属实吗)[？?！!。.\s]*$/

// A figure as the news prints it: a number with its unit, perhaps hedged (近150家, 3500余份, 14.1%), or a day of a month.
const FIGURE = /(?:近|约|逾|超过|超)?(\d+(?:\.\d+)?)(?:余|多)?\s*(个百分点|%|％|万元|亿元|元|倍|套|家|名|个人|人|位|篇|支|个|项|条|所|座|辆|台|户|件|场|次|期|份|亩|吨|公里|平方米|米)|(\d{1,2})月(\d{1,2})[日号]/g

// A name said right after a post (工会主席王洪伟, 党建办主任是程小华), as the news names people.
const NAMED_AFTER_POST = new RegExp(`(${POST})(?:是|为)?(\\p{Script=Han}{2,3}?)(?=[，,。？?！!、\\s]|对吗|是吗|对吧|是吧|吧|$)`, 'gu')

// Units that count the same thing: people are 名, 人, 个人 or 位.
const SAME_UNIT: Record<string, string> = { 人: '名', 个人: '名', 位: '名', '％': '%' }

// The room a verdict takes before the quotes: two figures said back, each a few characters.
export const VERDICT_CHARS = 40

interface Figure {
  /** As printed: 近150家, 6月3日. */
  text: string
  /** What it is compared by: 150家, 6-3. */
  key: string
  unit: string
}

// A year, a figure only where the reader offers it as their version (签的是2021年的责任书吗); elsewhere it sets the time asked of.
const YEAR = /(?:19|20)\d{2}年/g

function figuresIn(text: string, withYears = false): Figure[] {
  const years = withYears ? [...text.matchAll(YEAR)].map((m) => ({ text: m[0], key: m[0], unit: '年' })) : []
  return years.concat([...text.matchAll(FIGURE)].map((m) => {
    if (m[3]) return { text: `${m[3]}月${m[4]}日`, key: `${Number(m[3])}-${Number(m[4])}`, unit: '日' }
    const unit = SAME_UNIT[m[2]!] ?? m[2]!
    return { text: m[0].replace('号', '日'), key: `${Number(m[1])}${unit}`, unit }
  }))
}

/** The years of the versions the reader offers to be checked (签的是2021年的责任书吗 → 2021年). */
function yearsOffered(question: string): Figure[] {
  return versionsOffered(question).flatMap((v) => figuresIn(v, true).filter((f) => f.unit === '年'))
}

// The characters that say what a figure is of: its clause without the digits or the question's asking words.
function bigramsOf(text: string): Set<string> {
  const han = text.replace(/\d+(\.\d+)?/g, ' ').replace(/是吗|对吗|对不对|是不是|对吧|是吧|没错吧|吧|核实一下|请问/g, ' ')
  const out = new Set<string>()
  for (const run of han.match(/\p{Script=Han}{2,}/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2))
  return out
}

function shares(a: Set<string>, b: Set<string>): number {
  return [...a].filter((x) => b.has(x)).length
}

/** The posts and names the reader offers (主任是程小华 → 主任, 程小华); not a question word (主任是谁吧). */
function namesOffered(question: string): [string, string][] {
  return [...question.matchAll(NAMED_AFTER_POST)].map((m) => [m[1]!, m[2]!] as [string, string]).filter(([, name]) => !/谁|哪|什么|啥|多少|几/.test(name))
}

/** True when the question asks to have a figure or a name confirmed (……3663套，是吗？). */
export function checksVersion(question: string): boolean {
  return CHECKS.test(question) && (figuresIn(question).length > 0 || namesOffered(question).length > 0 || yearsOffered(question).length > 0)
}

/**
 * What the quotes say of the figure or name a reader asks to have confirmed (全区已分配安置房3663套，是吗？): the one
 * the quote prints in its place, when it prints another (报道写的是3636套，不是3663套。), or that it prints the same one.
 * Nothing when the question checks none, or no quote prints one of its kind beside the same words or post.
 */
export function verdictOn(question: string, quotes: string): string {
  if (!checksVersion(question)) return ''
  return [...figureVerdicts(question, quotes), ...nameVerdicts(question, quotes)].slice(0, 2).join('')
}

function figureVerdicts(question: string, quotes: string): string[] {
  const sentences = quotes.split(/(?<=[。！!？?；;])/)
  const years = yearsOffered(question)
  return clausesOf(question).flatMap((clause) =>
    [...years.filter((y) => clause.includes(y.text)), ...figuresIn(clause)].flatMap((offered) => {
      const year = offered.unit === '年'
      if (sentences.some((s) => figuresIn(s, year).some((f) => f.key === offered.key))) return [`报道写的正是${offered.text}。`]
      // A day is told in its sentence (6月3日上午，…召开…现场会), an amount in its clause (审减率为14.1%).
      const asked = bigramsOf(clause)
      const places = offered.unit === '日' ? sentences : sentences.flatMap((s) => s.split(/[，,；;：:]/))
      const beside = places.filter((p) => shares(bigramsOf(p), asked) >= 2)
      const others = new Set(beside.flatMap((p) => figuresIn(p, year).filter((f) => f.unit === offered.unit).map((f) => f.text)))
      return others.size === 1 ? [`报道写的是${[...others][0]}，不是${offered.text}。`] : []
    }),
  )
}

function nameVerdicts(question: string, quotes: string): string[] {
  return namesOffered(question).flatMap(([post, name]) => {
    const printed = [...quotes.matchAll(new RegExp(`${post}(\\p{Script=Han}{${[...name].length}})`, 'gu'))].map((m) => m[1]!)
    if (printed.includes(name)) return [`报道写的正是${name}。`]
    // A name misheard or mistyped keeps its surname (王洪伟 for 王宏伟).
    const others = new Set(printed.filter((p) => p[0] === name[0]))
    return others.size === 1 ? [`报道写的是${[...others][0]}，不是${name}。`] : []
  })
}
