/** What kind of fact a question asks for; answers favour sentences that hold one. */
export type QuestionType = 'amount' | 'time' | 'result' | 'person' | 'place' | 'list' | 'how' | 'general'

const TYPE_CUES: [QuestionType, RegExp][] = [
  ['time', /什么时候|啥时候|何时|哪天|哪一天|几月|几号|几时|什么时间|多久|日期|时间/],
  // Who won: asked of a contest, answered only by a sentence that names a result.
  ['result', /冠军|亚军|季军|第[一二三1-3]名|拿了第一|得了第一|[一二三特]等奖|夺冠|获胜|胜出|名次|谁赢|哪.{0,3}赢/],
  // 哪几条路 asks which ones, not how many.
  ['list', /哪几/],
  ['amount', /多少|几[个套家项次年万亿人名条所座辆期批台]|多大|多高|多长|多远|数量|金额|比例|规模|几成/],
  ['person', /谁|哪位|哪些人|什么人|负责人是|主持|什么职务|啥职务|什么职位|担任什么|叫(什么|啥)|名字|姓名/],
  ['place', /哪里|哪儿|在哪|什么地方|哪个地方|地点|位置|哪个(区|村|街道|社区|园区)/],
  ['list', /哪些|有什么|有哪|包括|都有/],
  ['how', /怎么|如何|怎样|咋|为什么|为啥|原因|措施|办法|举措/],
]

export function detectQuestionType(question: string): QuestionType {
  return TYPE_CUES.find(([, cue]) => cue.test(question))?.[0] ?? 'general'
}

/** True when a question asks for a person's name in so many words (局长叫啥名字), not merely 谁. */
export function asksForName(question: string): boolean {
  return /叫(什么|啥)|名字|姓名|叫.{0,2}名/.test(question)
}

const ASKED_UNIT = /(?:几|多少)\s*(?:万|亿)?\s*([套个家元人项次名条所座辆期批台篇场户亩吨倍份件])/
// 多少亿, 几万 without a counter: the answer is a number of that magnitude (9.97亿元, 3万人).
const ASKED_MAGNITUDE = /(?:几|多少)\s*(万|亿)/
// Money asked by what it is: 放了多少贷款, 总投资多少, 补贴有多少.
const ASKED_MONEY = /多少钱|花了多少|省了多少|多少(资金|贷款|投资|经费|补贴|补助|奖金|税|费用|债)|(资金|贷款|投资|经费|补贴|补助|奖金|金额|费用|债券)[^，。？?]{0,4}多少|金额/
// A share asked for (报销比例是多少, 增长率多少, 占比几成) is answered by a percentage or 几成, not by
// another count or by 提高了5个百分点.
const ASKED_SHARE = /(比例|比率|占比|百分比|[^效]率)[^，。？?]{0,4}(多少|几)|多少(比例|百分比)|百分之几|几成/

// Counters that answer for one another: 多少人 is answered by 13532名. 个 is too general to require.
const UNIT_FORMS: Record<string, string | undefined> = { 人: '人|名|位', 名: '人|名|位', 个: undefined }

// 哪一天, 几号: a day is asked for, and 近日 or 今年 does not give one.
const ASKED_DAY = /哪一?天|几号|几月几[日号]|具体日期|什么日子/

/**
 * The unit an amount question names (or 日 when a when-question asks for the day), as a pattern (多少套 → 套, 多少钱 → 元, 多少人 → 人|名|位), so
 * 四项工作 does not answer 省了多少钱.
 */
export function askedUnit(question: string, type: QuestionType = 'amount'): string | undefined {
  if (type === 'time') return ASKED_DAY.test(question) ? '日' : undefined
  if (type !== 'amount') return undefined
  const unit = ASKED_UNIT.exec(question)?.[1]
  if (unit !== undefined) return unit in UNIT_FORMS ? UNIT_FORMS[unit] : unit
  const magnitude = ASKED_MAGNITUDE.exec(question)?.[1]
  if (magnitude !== undefined) return magnitude
  if (ASKED_MONEY.test(question)) return '元'
  return ASKED_SHARE.test(question) ? '%|％|成' : undefined
}
