// A figure the reader asks to have worked out from two the paper prints: an average (52个项目节约1361.26万元，平均每个
// 项目节约多少), what is left or how far apart two are (申请了127.58亿，已经发了13.92亿，还剩多少没发; 区级的比市级的多几个),
// or a sum the reader asks for as one (建城区社区和村改居社区一共多少个). The paper prints the two figures; the answer
// says what they come to.

export type Operation = 'average' | 'difference' | 'sum'

export interface ComputationAsked {
  op: Operation
  /** Of an average: the words after 每 (平均每个项目节约多少 → 项目节约), which begin with what it is per. */
  per?: string
  /** Of a difference or a sum: the question before the word that joins the two figures, and after it. */
  sides?: [string, string]
}

// 平均每个项目, 平均一个组, 人均, 户均: what follows is what the average is per.
const AVERAGE = /平均(?:每一?|一)(?:个|名|位|支|家)?(\p{Script=Han}{1,4})|([人户])均(?![匀衡])/u
// What is left or how far apart: 减掉…是多少, 还剩多少, 其余的…有多少, 有几支没进决赛, 差多少, 比…多多少, 少了几个, 相差;
// not 扣除…后的净利润 nor 减少了多少, figures the paper prints as such.
const DIFFERENCE = /(?:扣掉|扣除|减掉|减去|除去|去掉)(?![^，,?？]*后的)[^?？]*(?:多少|几)|还?剩(?:下|余)?(?:了)?(?:多少|几)|其余|(?:多少|几)\p{Script=Han}{0,4}没|相差|差(?:了|距)?(?:多少|几)|(?<![多至最不减增缩])(?:多|少)(?:了|出)?(?:多少|几)/u
// A sum asked as such: 加起来, 合计, 两个一共, A和B一共.
const SUM = /加起来|加在一起|相加|合计|总和|两(?:个|项|者|样)?(?:一共|总共|共)|[和与跟及][^，,?？]{1,12}?(?:一共|总共)/u
// The word between the two figures' sides: A比B, A和B, A扣掉B, A没进B, A离B还差.
// Not 比例, 参与, 和谐, 跟进 and the like.
const JOIN = /(?<![评对大赛同相无类])比(?![赛例拼较重分])|扣掉|扣除|减掉|减去|除去|去掉|(?<![参给授赋])与|(?<![总温共调缓])和(?![平谐睦])|跟(?![进踪随])|及(?![时早])|离(?![开婚职退休])|没/u

/** The figure a question asks to have worked out from two printed ones, or undefined. */
export function computationAsked(question: string): ComputationAsked | undefined {
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
