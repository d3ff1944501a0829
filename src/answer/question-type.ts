/** What kind of fact a question asks for; the extractive answerer favours sentences that hold one. */
export type QuestionType = 'amount' | 'time' | 'person' | 'place' | 'list' | 'how' | 'general'

const TYPE_CUES: [QuestionType, RegExp][] = [
  ['time', /什么时候|啥时候|何时|哪天|哪一天|几月|几号|几时|什么时间|多久|日期|时间/],
  // 哪几条路 asks which ones, not how many.
  ['list', /哪几/],
  ['amount', /多少|几[个套家项次年万亿人名条所座辆期批台]|多大|多高|多长|多远|数量|金额|比例|规模|几成/],
  ['person', /谁|哪位|哪些人|什么人|负责人是|主持/],
  ['place', /哪里|哪儿|在哪|什么地方|哪个地方|地点|位置|哪个(区|村|街道|社区|园区)/],
  ['list', /哪些|有什么|有哪|包括|都有/],
  ['how', /怎么|如何|怎样|咋|为什么|为啥|原因|措施|办法|举措/],
]

export function detectQuestionType(question: string): QuestionType {
  return TYPE_CUES.find(([, cue]) => cue.test(question))?.[0] ?? 'general'
}

const FACT_PATTERNS: Record<QuestionType, RegExp | null> = {
  amount: /\d[\d.,，]*\s*(余|多)?\s*(万|亿|千|百)?\s*(套|个|家|元|人|项|次|名|条|所|座|辆|期|批|台|篇|场|户|亩|平方米|公里|米|吨|%|％|倍|份|支|起|件|余)/,
  time: /(\d{4}年)?\d{1,2}月(\d{1,2}日|底|初|中旬|上旬|下旬|份)?|\d{4}年|年底|年内|上半年|下半年|今年|明年|近日|日前/,
  person: /[\u4e00-\u9fa5]{2,3}(书记|主任|局长|区长|县长|市长|部长|主席|经理|院长|校长|负责人|委员)|(书记|主任|局长|区长|负责人)[\u4e00-\u9fa5]{2,3}/,
  place: /[\u4e00-\u9fa5]{2,8}(区|村|社区|街道|办事处|路|园|镇|乡|广场|中心|小区|医院|学校)/,
  list: /[、；;]|一是|二是|分别/,
  how: /通过|采取|开展|推进|加强|实施|建立|组织|因为|由于|为了/,
  general: null,
}

/** True when a sentence carries the kind of fact the question type asks for. */
export function hasFactFor(type: QuestionType, sentence: string): boolean {
  return FACT_PATTERNS[type]?.test(sentence) ?? false
}
