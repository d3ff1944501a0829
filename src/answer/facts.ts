import type { QuestionType } from '../retrieve/index.js'

const FACT_PATTERNS: Record<QuestionType, RegExp | null> = {
  // Digits, or Chinese numerals from 二 up (五项, 十余家; a lone 一 is mostly the article 一个).
  amount: /(\d[\d.,，]*|[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*)\s*(余|多)?\s*(万|亿|千|百)?\s*(套|个|家|元|人|项|次|名|条|所|座|辆|期|批|台|篇|场|户|亩|平方米|公里|米|吨|%|％|倍|份|支|起|件|余)/,
  time: /(\d{4}年)?\d{1,2}月(\d{1,2}日|底|初|中旬|上旬|下旬|份)?|\d{4}年|年底|年内|上半年|下半年|今年|明年|近日|日前/,
  result: /冠军|亚军|季军|第[一二三1-3]名|[一二三特]等奖|[金银铜]奖|优胜|夺冠|获胜|胜出|荣获|名列|排名第/,
  person: /[\u4e00-\u9fa5]{2,3}(书记|主任|局长|区长|县长|市长|部长|主席|经理|院长|校长|负责人|委员|董事长|总裁|主席|总理|大使|发言人)|(书记|主任|局长|区长|负责人|董事长|发言人)[\u4e00-\u9fa5]{2,3}/,
  place: /[\u4e00-\u9fa5]{2,8}(区|村|社区|街道|办事处|路|园|镇|乡|广场|中心|小区|医院|学校|省|市|县)/,
  list: /[、；;]|一是|二是|分别/,
  how: /通过|采取|开展|推进|加强|实施|建立|组织|因为|由于|为了/,
  general: null,
}

const NUMBER = '(\\d[\\d.,，]*|[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*)\\s*(余|多)?\\s*(万|亿|千|百)?\\s*'

// A day of the month (6月14日, 十五日, 3号), not 日前 and not 3号线.
const DAY = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(日|号(?![线楼院]))/

/** True when a text carries the kind of fact the question type asks for (in the asked unit, if any). */
export function hasFactFor(type: QuestionType, text: string, unit?: string): boolean {
  if (type === 'amount' && unit) return new RegExp(`${NUMBER}(${unit})`).test(text)
  if (type === 'time' && unit === '日') return DAY.test(text)
  return FACT_PATTERNS[type]?.test(text) ?? false
}
