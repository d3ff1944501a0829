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
  // Digits, or Chinese numerals from 二 up (五项, 十余家; a lone 一 is mostly the article 一个).
  amount: /(\d[\d.,，]*|[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*)\s*(余|多)?\s*(万|亿|千|百)?\s*(套|个|家|元|人|项|次|名|条|所|座|辆|期|批|台|篇|场|户|亩|平方米|公里|米|吨|%|％|倍|份|支|起|件|余)/,
  time: /(\d{4}年)?\d{1,2}月(\d{1,2}日|底|初|中旬|上旬|下旬|份)?|\d{4}年|年底|年内|上半年|下半年|今年|明年|近日|日前/,
  person: /[\u4e00-\u9fa5]{2,3}(书记|主任|局长|区长|县长|市长|部长|主席|经理|院长|校长|负责人|委员)|(书记|主任|局长|区长|负责人)[\u4e00-\u9fa5]{2,3}/,
  place: /[\u4e00-\u9fa5]{2,8}(区|村|社区|街道|办事处|路|园|镇|乡|广场|中心|小区|医院|学校)/,
  list: /[、；;]|一是|二是|分别/,
  how: /通过|采取|开展|推进|加强|实施|建立|组织|因为|由于|为了/,
  general: null,
}

const NUMBER = '(\\d[\\d.,，]*|[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*)\\s*(余|多)?\\s*(万|亿|千|百)?\\s*'
const ASKED_UNIT = /(?:几|多少)\s*(?:万|亿)?\s*([套个家元人项次名条所座辆期批台篇场户亩吨倍份件])/

// Counters that answer for one another: 多少人 is answered by 13532名. 个 is too general to require.
const UNIT_FORMS: Record<string, string | undefined> = { 人: '人|名|位', 名: '人|名|位', 个: undefined }

/**
 * The unit an amount question names, as a pattern (多少套 → 套, 多少钱 → 元, 多少人 → 人|名|位), so
 * 四项工作 does not answer 省了多少钱.
 */
export function askedUnit(question: string): string | undefined {
  if (/多少钱|花了多少|省了多少|多少资金|金额/.test(question)) return '元'
  const unit = ASKED_UNIT.exec(question)?.[1]
  return unit !== undefined && unit in UNIT_FORMS ? UNIT_FORMS[unit] : unit
}

/** True when a sentence carries the kind of fact the question type asks for (in the asked unit, if any). */
export function hasFactFor(type: QuestionType, sentence: string, unit?: string): boolean {
  if (type === 'amount' && unit) return new RegExp(`${NUMBER}(${unit})`).test(sentence)
  return FACT_PATTERNS[type]?.test(sentence) ?? false
}
