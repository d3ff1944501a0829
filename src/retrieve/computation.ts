// A figure the reader asks to have worked out from two the paper prints: an average (52个项目节约1361.26万元，平均每个
// 项目节约多少), what is left or how far apart two are (申请了127.58亿，已经发了13.92亿，还剩多少没发; 区级的比市级的多几个),
// a sum the reader asks for as one (建城区社区和村改居社区一共多少个), a share (673条意见建议里，针对班子成员的占百分之几) or a
// multiple (企业数量是银行数量的几倍). The paper prints the two figures; the answer says what they come to.

export type Operation = 'average' | 'difference' | 'sum' | 'share' | 'multiple'

export interface ComputationAsked {
  op: Operation
  /** Of an average: the words after 每 (平均每个项目节约多少 → 项目节约), which begin with what it is per. */
  per?: string
  /**
   * Of a difference or a sum: the question before the word that joins the two figures, and after it. Of a share: the
   * part, then the whole; of a multiple: what is measured, then what it is measured by.
   */
  sides?: [string, string]
}

// 平均每个项目, 平均一个组, 人均, 户均: what follows is what the average is per.
const AVERAGE = /平均(?:每一?|一)(?:个|名|位|支|家)?(\p{Script=Han}{1,4})|([人户])均(?![匀衡])/u
// What is left or how far apart: 减掉…是多少, 还剩多少, 其余的…有多少, 有几支没进决赛, 差多少, 比…多多少, 少了几个, 相差;
// not 扣除…后的净利润 nor 减少了多少, figures the paper prints as such, nor 多了几倍, a ratio said loosely.
const DIFFERENCE = /(?:扣掉|扣除|减掉|减去|除去|去掉)(?![^，,?？]*后的)[^?？]*(?:多少|几)|还?剩(?:下|余)?(?:了)?(?:多少|几)|其余|(?:多少|几)\p{Script=Han}{0,4}没|相差|差(?:了|距)?(?:多少|几)|(?<![多至最不减增缩])(?:多|少)(?:了|出)?(?:多少|几)(?![倍成])/u
// A sum asked as such: 加起来, 合计, 两个一共, A和B一共.
const SUM = /加起来|加在一起|相加|合计|总和|两(?:个|项|者|样)?(?:一共|总共|共)|[和与跟及][^，,?？]{1,12}?(?:一共|总共)/u
// A share: 占百分之几, 占了几成, 占申请额的比例, 占比多少, 占多大比例. Not 占地, 占用, 侵占; not 占多少 (an amount).
const SHARE = /(?<![侵抢霸])占(?![地用道领])([^，,。；;？?]{0,16}?)的?(?:几成|百分之(?:几|多少)|几分之几|(?:多大|多少|什么)?的?(?:比例|比重|百分比)|比(?:是|有|为)?(?:多少|几))/u
// What the part of a share is of, when the question names it before the part: 673条意见建议里，针对班子成员的; 社区里头村改居的.
const CONTAINER_END = /[，,；;：:]|(?<![公邻千万])里[面头边]?(?!程)|当中|之中|其中/gu
// Words of no weight right before 占 (…的意见，约占…; 大概占).
const SHARE_FILLER = /(?:大约|大概|大致|差不多|将近|接近|约|都|只|就|又|也|还)+$/u
// What a share is of, said as the whole itself (占总数的比例): the whole is what the question named before the part.
const WHOLE_ITSELF = /^(?:了|到|它|其|总数|总量|总额|全部|总体|整体|所有|的|总)*$/u
// A multiple: 是银行数量的几倍, 相当于去年的多少倍.
const MULTIPLE = /(?:是|为|相当于|等于)([^，,。；;？?]{1,16}?)的?(?:几|多少)倍/u

// The word between the two figures' sides: A比B, A和B, A扣掉B, A没进B, A离B还差.
// Not 比例, 参与, 和谐, 跟进 and the like.
const JOIN = /(?<![评对大赛同相无类])比(?![赛例拼较重分])|扣掉|扣除|减掉|减去|除去|去掉|(?<![参给授赋])与|(?<![总温共调缓])和(?![平谐睦])|跟(?![进踪随])|及(?![时早])|离(?![开婚职退休])|没/u

/** The figure a question asks to have worked out from two printed ones, or undefined. */
export function computationAsked(question: string): ComputationAsked | undefined {
  const share = SHARE.exec(question)
  if (share) return { op: 'share', sides: shareSides(question, share.index, share[1]!) }
  const multiple = MULTIPLE.exec(question)
  if (multiple) return { op: 'multiple', sides: [question.slice(0, multiple.index), multiple[1]!] }
  const average = AVERAGE.exec(question)
  if (average) return { op: 'average', per: average[1] ?? average[2]! }
  const sum = SUM.exec(question)
  const difference = sum ? undefined : DIFFERENCE.exec(question)
  const cue = sum ?? difference
  if (!cue) return undefined
  return { op: sum ? 'sum' : 'difference', sides: sidesOf(question, cue.index) }
}

// The cue may hold the joining word itself (有几支没进决赛): its first characters are read for one.
const CUE_HOLDS_JOIN = 4

/** The question before the last joining word ahead of the cue, and from it to the cue's end. */
function sidesOf(question: string, cueAt: number): [string, string] | undefined {
  const head = question.slice(0, cueAt + CUE_HOLDS_JOIN)
  const joins = [...head.matchAll(new RegExp(JOIN.source, 'gu'))]
  const join = joins.at(-1)
  if (!join || join.index === 0) return undefined
  return [question.slice(0, join.index), question.slice(join.index + join[0].length)]
}

/** The part (the clause before 占) and the whole: named after 占, or else what the question names before the part. */
function shareSides(question: string, at: number, after: string): [string, string] | undefined {
  // A part said as a clause of its own (…经开区拿到的钱，占它今年累计发行额的比例) ends at the break before 占.
  const head = question.slice(0, at).replace(SHARE_FILLER, '').replace(/[，,；;：:]$/u, '')
  const end = [...head.matchAll(CONTAINER_END)].at(-1)
  const part = end ? head.slice(end.index + end[0].length) : head
  const whole = WHOLE_ITSELF.test(after) ? (end ? head.slice(0, end.index) : '') : after
  return part && whole ? [part, whole] : undefined
}
