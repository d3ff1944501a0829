import { DURATION_UNIT, foldText, FREQUENCY_UNIT, HOUR_UNIT, loadLexicon, newWords, POST, tagWords, WEEKDAY_UNIT, type AskedBody, type ContactKind, type QuestionType } from '../retrieve/index.js'

// 3个月 is a span of time, not three things.
const NOT_A_SPAN = '(?!(?<=个)多?(?:月|小时|钟头|星期|礼拜|工作日))'

const FACT_PATTERNS: Record<QuestionType, RegExp | null> = {
  // Digits, or Chinese numerals from 二 up (五项, 十余家; a lone 一 is mostly the article 一个).
  amount: new RegExp(/(\d[\d.,，]*|[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*)\s*(余|多)?\s*(万亿|万|亿|千|百)?\s*(套|个|家|元|人民币|人|项|次|名|条|所|座|辆|期|批|台|篇|场|户|亩|平方米|公里|米|吨|%|％|倍|份|支|起|件|张|棵|株|只|块|根|盏|大类|类|种|余)/.source + NOT_A_SPAN),
  // Digits may stand apart from their units (到 2030 年, 7 月 26 日).
  time: /(\d{4}\s*年)?\d{1,2}\s*月(\s*\d{1,2}\s*日|底|初|中旬|上旬|下旬|份)?|\d{4}\s*年|年底|年内|上半年|下半年|今年|明年|近日|日前/,
  result: /冠军|亚军|季军|第[一二三1-3]名|[一二三特]等奖|[金银铜]奖|优胜|夺冠|获胜|胜出|荣获|名列|排名第|(位列|位居|排在?|居)[^，。；]{0,8}第[一二三四五六七八九十\d]+(位|名)?|第[一二三四五六七八九十\d]+(位|名)/,
  person: /[\u4e00-\u9fa5]{2,3}(书记|主任|局长|区长|县长|市长|部长|主席|经理|院长|校长|负责人|委员|董事长|总裁|主席|总理|大使|发言人|支书|组长|监督员|网格员|服务官)|(书记|主任|局长|区长|负责人|董事长|发言人|讲师|教官)[\u4e00-\u9fa5]{2,3}|领导[\u4e00-\u9fa5]{2,3}、[\u4e00-\u9fa5]{2,3}/,
  place: /[\u4e00-\u9fa5]{2,8}(区|村|社区|街道|办事处|路|园|镇|乡|广场|中心|小区|医院|学校|省|市|县)/,
  list: /[、；;]|一是|二是|分别/,
  how: /通过|采取|开展|推进|加强|实施|建立|组织|因为|由于|为了/,
  general: null,
}

// 3.8万亿元 has two magnitudes.
const NUMBER = '(\\d[\\d.,，]*|[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*)\\s*(余|多)?\\s*(万亿|万|亿|千|百)?\\s*'

// A day of the month (6月14日, 十五日, 3号), not 日前 and not 3号线.
const DAY = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(日|号(?![线楼院]))/

// A length of time: 三天, 24小时, 四到六个月, 半年.
const DURATION = new RegExp(`${NUMBER}个?(天|小时|分钟|周|星期|月|年|日|秒)|半(年|个月|天)`)

// How often: 每周至少…一次, 每月一次, 两周一次, 不定期组织会商.
// Or said as a schedule: round the clock (24小时全天候), cleared daily (日产日清), ranked monthly (月度排名).
const FREQUENCY = /不定期|每(天|日|周|个?星期|个?礼拜|个?月|季度?|年|半年)|[\d一二两三四五六七八九十半]+(天|日|周|个?星期|个?月|年)一次|全天候|日产日清|日清日结|月度(排名|考核|通报|调度)/

// A day of the week: 周五, 星期六, 礼拜天.
const WEEKDAY = /(周|星期|礼拜)[一二三四五六日天1-7]/
// The day of something held every week (卫生日定在哪天 → 周五卫生日) is a weekday.
const DAY_OR_WEEKDAY = new RegExp(`${DAY.source}|${WEEKDAY.source}`)

// An hour of the day: 下午3点, 9:30, 十点半, 8时; not 一点 (a little) or 重点.
const HOUR = /(\d{1,2}|[两二三四五六七八九十]|十[一二])\s*[点时](?![线])|\d{1,2}\s*[:：]\s*\d{2}/

/** Every place the text gives the kind of fact asked (in the asked unit, if any); none for a type that asks none. */
function factsIn(type: QuestionType, text: string, unit?: string): RegExpExecArray[] {
  const pattern = factPattern(type, unit)
  return pattern ? [...text.matchAll(new RegExp(pattern.source, 'g'))] : []
}

/** The pattern of the kind of fact the question type asks for (in the asked unit, if any); null for none. */
function factPattern(type: QuestionType, unit?: string): RegExp | null {
  if (unit === FREQUENCY_UNIT) return FREQUENCY
  if (type === 'amount' && unit) return new RegExp(`${NUMBER}(${unit})${NOT_A_SPAN}`)
  if (type === 'time' && unit === '日') return DAY_OR_WEEKDAY
  if (type === 'time' && unit === DURATION_UNIT) return DURATION
  if (type === 'time' && unit === WEEKDAY_UNIT) return WEEKDAY
  if (type === 'time' && unit === HOUR_UNIT) return HOUR
  return FACT_PATTERNS[type]
}

// A ranking (最高, 位列第一, 居首) or figures listed side by side (工作周报20期、工作周总结21期): what tells which is the most.
const RANKS = /最|第一|首位|居首|之首|名列|位列|排名|排在/
const FIGURES_LISTED = /\d[^、，,。；;]*、[^、，,。；;]*\d/

/** True when a sentence ranks things or lists their figures side by side, so that the most of them can be read off it. */
export function ranksOrCompares(text: string): boolean {
  return RANKS.test(text) || FIGURES_LISTED.test(text)
}

/** True when a text carries the kind of fact the question type asks for (in the asked unit, if any). */
export function hasFactFor(type: QuestionType, text: string, unit?: string): boolean {
  return factPattern(type, unit)?.test(text) ?? false
}

// A grade: a level of government that recognised it (省级, 国家级), a numbered level (二级响应, Ⅰ级, 8级风),
// stars (二星级), a hospital's class (三甲), a scenic rating (5A级).
const GRADE = /(国家|省|市|区|县)级|[\dⅠⅡⅢⅣⅤⅥ一二三四五六七八九十]+(\.\d+)?\s*级|[一二三四五六七1-7]星级?|[一二三]级?甲等?|(\d|[一二三四五])A级|A{2,5}级/

// What tells how something turned out: 效果显著, 取得较大改观, 得到明显提升, 群众纷纷点赞, 成功恢复了畅通与整洁.
const OUTCOME = /显著|明显|改观|好评|点赞|满意|成功|恢复|好转|赞誉|认可/

/** True when a text tells how something turned out. */
export function tellsOutcome(text: string): boolean {
  return OUTCOME.test(text)
}

// What tells how a thing found was dealt with: 督促商户及时进行更换, 立即进行制止, 设置便民疏导点, 下达停业整改书. 处理 alone
// (予以严肃处理) says only that something was done.
const HANDLING = /处罚|罚款|整改|更换|制止|取缔|查处|关停|拆除|清除|清理|疏导|安置|移交|约谈|纠正|修复/

/** True when a text tells how something was dealt with. */
export function tellsHandling(text: string): boolean {
  return HANDLING.test(text)
}

// What tells a plan or an aim: 下一步，…将…, 着力营造, 力争, 为…奠定基础, 将择期进行决赛; not what was done with the
// question's own verb (搭建了通道), which any sentence about it may hold.
const PLAN = /下一步|接下来|今后|(?<![即必])将(?![近军来])|着力|力争|致力|奠定|打基础|择期|不定期|目标/

/** True when a text tells what is planned or aimed at. */
export function tellsPlan(text: string): boolean {
  return PLAN.test(text)
}

/** True when a text gives a grade: 作为省级二星级产业集聚区, 综合性三甲医院. */
export function givesGrade(text: string): boolean {
  return GRADE.test(text)
}

// How each kind of contact is written: a phone number of 7 digits or more (0371-12345678, 12345),
// an e-mail address, a web address, an app or account named by its own name (“郑好办”APP, 郑州经开发布公众号).
const CONTACTS: Record<ContactKind, RegExp> = {
  phone: /\d{3,4}[-－—]?\d{7,8}|1\d{10}|\d{7,8}|(?<!\d)\d{5}(?!\d)/,
  email: /[\w.+-]+@[\w-]+\.[\w.]+/,
  web: /https?:\/\/|www\.|[\w-]+\.(com|cn|net|org|gov)\b/i,
  app: /[”」"》]\s*(app|APP|App|小程序|公众号|客户端|平台)|[\p{Script=Han}A-Za-z]{2,}(app|APP|App|小程序|公众号|客户端)/u,
}

/** True when a text gives the kind of contact asked for: 举报电话 0371-66886688 answers 举报电话是多少. */
export function givesContact(kind: ContactKind, text: string): boolean {
  return CONTACTS[kind].test(text)
}

// How far apart, in characters, a word and the fact it is asked about may sit, within one clause:
// 已完成544条 (0), 完成率100％ (1), not 3500余份，完成 (another clause).
const NEAR = 4

/**
 * How many times the text gives the asked kind of fact right beside one of the words: 完成了多少 is
 * answered twice by 截至目前已完成544条，完成率100％, not by 完成佐证材料的汇编 with a number in another clause.
 */
export function factsNear(type: QuestionType, text: string, unit: string | undefined, words: string[]): number {
  if (words.length === 0) return 0
  const facts = factsIn(type, text, unit).map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const close = (from: number, to: number) => to - from <= NEAR && !CLAUSE_BREAK.test(text.slice(from, to))
  let n = 0
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      const end = at + w.length
      if (facts.some((f) => (f.start >= end && close(end, f.start)) || (at >= f.end && close(f.end, at)))) n++
    }
  }
  return n
}

// Clauses: an amount counts what its own clause names (通报了3起扶贫领域以案促改典型案例), not what
// a clause beside it does (3所高校负责人、部分园中园项目负责人).
const CLAUSE_BREAK = /[，,。；;、：:！!？?]/

// A target set (力争…引进培育创新型企业100家以上, 计划完成…) runs to the end of its sentence, unless what was done is
// told after it (已完成…, 累计…).
const TARGET = /力争|争取|目标|计划|预计|拟/g
const DONE_AFTER = /已|累计|截至|截止/
const SENTENCE_END = /[。；;！!？?]/

/** True when the text gives an amount (in the unit, if any) that is not a target still to be met. */
export function givesAmountReached(text: string, unit?: string): boolean {
  const targets = [...text.matchAll(TARGET)].map((m) => m.index)
  const inTarget = (at: number) =>
    targets.some((t) => {
      const between = text.slice(t, at)
      return t < at && !SENTENCE_END.test(between) && !DONE_AFTER.test(between)
    })
  return factsIn('amount', text, unit).some((m) => !inTarget(m.index))
}

// The whole of a list is counted after 等 (瑞庭酒店全体员工、沿街门店负责人等60余人): the list runs back to the clause's start.
const LAST_CLAUSE = /[^，,。；;：:]*$/

/**
 * True when every amount the text gives in the unit counts a list (…、…等60余人) of which the people asked are one
 * member: the total, not how many of them came.
 */
export function countsWholeList(text: string, people: string, unit?: string): boolean {
  const amounts = factsIn('amount', text, unit)
  const ofList = (at: number) => {
    if (text[at - 1] !== '等') return false
    const members = LAST_CLAUSE.exec(text.slice(0, at - 1))![0].split('、')
    return members.length > 1 && members.some((m) => m.includes(people)) && !members.every((m) => m.includes(people))
  }
  return amounts.length > 0 && amounts.every((m) => ofList(m.index))
}

/** The text with the figures given blotted out (12 of 等12人, when the reader wrote 12个人里): no answer of theirs. */
export function withoutFigures(text: string, figures: string[]): string {
  return figures.reduce((t, f) => t.replace(new RegExp(`(?<![\\d.])${f.replace('.', '\\.')}(?![\\d.])`, 'g'), '…'), text)
}

/**
 * True when a clause of the text gives an amount in one of the units and names what is counted:
 * 通报了3起扶贫领域典型案例 answers 几个典型案子; 3所高校 does not answer 多少个园中园项目.
 */
export function countsInClause(text: string, counted: string[], unit: string): boolean {
  return text.split(CLAUSE_BREAK).some((clause) => hasFactFor('amount', clause, unit) && counted.some((word) => clause.includes(word)))
}

// The words names of each kind a list question asks for hold (郑州银行, 扬升金属部件有限公司, 郑州大学), and
// where a clause ends: the items of a list joined by 、 stay in one.
const LISTED_NAMES: Record<string, RegExp> = {
  银行: /银行|[工农中建交招]行|信用社|保险/g,
  公司: /公司|集团|企业|厂|有限|股份/g,
  学校: /大学|学院|学校|中学|小学|院校/g,
  项目: /项目|工程|园|中心|基地|路|学校|医院/g,
  园区: /园|港|基地|中心|区/g,
  社区: /社区/g,
  // Offices listed by name (区工信局、区开放办), not the kind alone (相关局办) or one office in a post (党工委委员).
  局办: /\p{Script=Han}{1,8}?(局|委|办|中心|部)(?=[、和与及])|(?<=[、和与及])\p{Script=Han}{1,8}?(局|委|办|中心|部)(?![办委事员])/gu,
  村: /村/g,
  路: /路|街|大道/g,
}
const LIST_CLAUSE_BREAK = /[，,。；;：:！!？?]/

/**
 * True when one clause of the text names two of a kind (郑州银行、中原银行; 马砦社区党支部联合客技路社区党支部);
 * a list of something else (the parks the banks went to) does not.
 */
export function namesTwoOf(kind: string, text: string): boolean {
  const names = LISTED_NAMES[kind]
  return names !== undefined && text.split(LIST_CLAUSE_BREAK).some((clause) => (clause.match(names) ?? []).length >= 2)
}

/** True when a clause of the text lists at least `size` members with 、 (美辰路、梅香路), whatever their kind. */
export function listsAsMany(text: string, size: number): boolean {
  return size > 1 && text.split(LIST_CLAUSE_BREAK).some((clause) => clause.split('、').length >= size)
}

// How a named body of each asked kind ends; 单位, 部门 and 机构 are answered by any office or firm.
const OFFICE = /(局|部|委员会|工委|委|办公室|办事处|办|中心|公司|集团|医院|银行|学校|大队|支队|中队|派出所|研究所|研究院|所|站|协会|街道|社区)$/
const BODY_ENDINGS: Record<string, RegExp> = {
  公司: /(公司|集团|厂)$/,
  林场: /(林场|林区)$/,
  山: /山$/,
  公园: /(公园|游园)$/,
  广场: /广场$/,
  市场: /(市场|商场)$/,
  银行: /银行$/,
  医院: /(医院|卫生院|卫生服务中心|附院)$/,
  学校: /(学校|小学|中学|大学|学院|幼儿园)$/,
  高校: /(大学|学院|学校)$/,
  单位: OFFICE,
  部门: OFFICE,
  机构: OFFICE,
  局: /局$/,
  村: /村$/,
  社区: /社区$/,
  小区: /(小区|家园|花园|苑)$/,
  街道: /(街道|办事处)$/,
  办事处: /(街道|办事处)$/,
  设计院: /(设计院|设计研究院|设计公司)$/,
  乡镇: /(乡|镇|街道|办事处)$/,
  路: /(路|街|大道)$/,
  街: /(路|街|大道)$/,
  会议室: /(会议室|会议中心|礼堂|会堂|大厅)$/,
  礼堂: /(礼堂|会堂)$/,
}
// Nouns that make the kind generic (商业银行, 金融机构): not a name.
const GENERIC_BODY = /^(施工|相关|有关|其他|合作|金融|商业|责任|主管|职能|成员|驻区|辖区|重点|地方|国有|民营|大型|中小|外资|上级|属地|基层)$/
// What a body is to the one named before it: 第一附属医院, 直属机构.
const ATTACHED = /^(附属|直属|所属)$/
// A name in Latin letters (OIP Land Systems, CNAS) names a firm or body as well.
const LATIN_NAME = /\b[A-Z][A-Za-z]*[A-Z]|\b[A-Z][a-z]+ [A-Z][a-z]+/

/**
 * True when a text names a body of the asked kind (中原银行, 扬升金属部件有限公司 for 公司), not only the
 * kind in general (组织银行进入园区, 施工单位, 商业银行, 原村): by jieba's tags, a noun that ends in the
 * kind with a name of its own, or the kind right after a noun of two or more characters that is not generic.
 */
export function namesBody(kind: string, text: string): boolean {
  const ending = BODY_ENDINGS[kind]
  if (!ending || LATIN_NAME.test(text)) return true
  const words = tagWords(text)
  // A name no dictionary holds, cut into pieces (众/安/防火/中心), is one jieba's HMM reads whole (众安); read only when
  // a word of the kind comes up.
  let unknown: string[] | undefined
  const folded = foldText(text)
  let at = 0
  return words.some(({ word, tag }, i) => {
    at += word.length
    if (!ending.test(word)) return false
    const lead = folded.slice(0, at - word.length)
    if ((unknown ??= newWords(text)).some((n) => new RegExp(`${n}\\p{Script=Han}{0,4}$`, 'u').test(lead))) return true
    const name = word.replace(ending, '')
    // A place jieba knows may have a one-character name (嵩山, 云山).
    if (tag.startsWith('n') && (name.length >= 2 || (tag === 'ns' && name.length === 1)) && !GENERIC_BODY.test(name)) return true
    // A body attached to another is named by that one (河南中医药大学第一附属医院).
    const before = ATTACHED.test(words[i - 1]?.word ?? '') ? words[i - 2] : words[i - 1]
    // An ordinal names one too (内蒙古自治区第四医院, 第一中学).
    return before !== undefined && (before.tag.startsWith('n') || /^第./.test(before.word)) && [...before.word].length >= 2 && !GENERIC_BODY.test(before.word)
  })
}

// Clauses where a body and its role are told together (施工单位为中建七局); a list's 、 and a label's ： stay inside.
const ROLE_CLAUSE_BREAK = /[，,。；;！!？?]/

/**
 * True when a text names a body of the asked kind in the asked role, in one clause: 哪家施工单位 is not
 * answered by 党工委 alone, nor 哪家设计单位 by 祥云办事处 in one clause and 设计方案 in another.
 */
export function namesAskedBody(body: AskedBody, text: string): boolean {
  if (body.role === undefined || OFFICE.test(body.role)) return namesBody(body.kind, text)
  // The role in any of its spellings (警察单位 is told by 公安分局); teaching in any of its words (讲课 by 讲解).
  const roles = [body.role, ...(loadLexicon().entries.get(body.role)?.synonyms ?? [])]
  const plays = (clause: string) => roles.some((r) => clause.includes(r)) || (TEACHING.test(body.role!) && TEACHING.test(clause))
  return text.split(ROLE_CLAUSE_BREAK).some((clause) => plays(clause) && namesBody(body.kind, clause))
}

/** The words a story tells teaching in (讲课, 讲解, 授课…). */
export const TEACHING = /授课|讲课|讲解|主讲|讲授|宣讲|上课|辅导|讲座/

// A word that names a place by its kind (马砦社区, 郑尧高速公路出入口, 党群服务中心); not one that only points (全区, 各社区).
const PLACE_WORD = /..(区|村|社区|街道|办事处|路|街|大道|沟|河|湖|渠|园|镇|乡|广场|中心|小区|医院|学校|山|林场|公园|现场|工地|口|场|馆|厅|室|楼|酒店|沿线|地块|基地)$/
const POINTING = /^(全|各|该|本|每|这|那|哪|其|属地|所在|当地|辖区|相关)/

/** True for a word that only points at a place or body (各处, 该局, 辖区派出所), naming none of its own. */
export function isPointing(word: string): boolean {
  return POINTING.test(word)
}

/**
 * True when a text names a place the question does not name already: 在马砦社区党群服务中心举办 answers
 * 竞赛在哪办的; 经开区森防办开展全区培训 does not answer 培训是在哪个地方搞的 (经开区 is asked of, 全区 points).
 */
export function namesPlace(text: string, question: string): boolean {
  return namesPlaceOf(PLACE_WORD, text, question, true)
}

// A road or street by its name (经北二路, 航海东路, 第八大街), not a road in general (道路, 马路, 公路, 线路).
const ROAD_WORD = /..(?<![道马公线铁思出网水])(路|大街|街|大道)$/

/** True when a text names a road or street the question does not name already (设在经北二路 answers 设在哪条路). */
export function namesRoad(text: string, question: string): boolean {
  return namesPlaceOf(ROAD_WORD, text, question, false)
}

function namesPlaceOf(kind: RegExp, text: string, question: string, anyPlaceName: boolean): boolean {
  // The district a store is about (经开区) is where all of its news happens: naming it tells no place.
  const district = (word: string) => loadLexicon().entries.get(word)?.district === true
  const unnamed = (word: string) => [...word].length >= 2 && !isPointing(word) && !question.includes(word) && !district(word)
  const words = tagWords(text)
  return (
    words.some(({ word, tag }) => ((anyPlaceName && tag.startsWith('ns')) || (tag.startsWith('n') && kind.test(word))) && unnamed(word)) ||
    nounRuns(words).some((run) => kind.test(run) && unnamed(run))
  )
}

// Tags of the pieces jieba cuts a place's name into (郑尧高速 nz, 公路 n, 出入口 i).
const NOUN_PIECE = /^(n|i|j|l)/

/** Runs of two or more nouns in a row, joined: a place's name cut into pieces is read whole. */
function nounRuns(words: { word: string; tag: string }[]): string[] {
  const runs: string[] = []
  let run: string[] = []
  for (const { word, tag } of [...words, { word: '', tag: 'x' }]) {
    if (NOUN_PIECE.test(tag)) run.push(word)
    else {
      if (run.length > 1) runs.push(run.join(''))
      run = []
    }
  }
  return runs
}

// Words for a post or a role a person's name stands beside (纪工委书记武斌, 李建国副主任, 通讯员鲁慧), also when jieba
// keeps the body with it (工会主席王宏伟).
const POST_WORD = /(书记|支书|副?主任|领导|总指挥|指挥长|讲师|教官|局长|部长|区长|县长|市长|镇长|乡长|校长|院长|所长|站长|队长|经理|总经理|董事长|主席|组长|行长|社长|主编|负责人|委员|处长|科长|同志|老师|记者|通讯员|监督员|网格员|服务官)$/
// 聘请王建国为廉洁监督员, 李明任组长: the name before the verb that gives the post.
const MADE = /^(为|任|担任)$/

// Names listed after a role (区领导刘明胜、万英奎), which jieba seldom tags as names.
const NAMES_LISTED = /(领导|书记|主任|委员|同志)(\p{Script=Han}{2,3}、)+\p{Script=Han}{2,3}/u

/**
 * True when a text gives a person's name beside a post (纪工委书记武斌, 副主任李建国, 聘请王建国为廉洁监督员), not only a post
 * (书记主任签批, 3所高校负责人). jieba's person tag alone is too loose (it tags 宣传部 as one); next to a
 * post it is reliable.
 */
export function namesPerson(text: string): boolean {
  if (NAMES_LISTED.test(text)) return true
  const words = tagWords(text)
  const isName = (i: number) => words[i]?.tag === 'nr'
  const madeBefore = (i: number) => [1, 2, 3].some((back) => MADE.test(words[i - back]?.word ?? '') && isName(i - back - 1))
  return words.some(({ word }, i) => POST_WORD.test(word) && (isName(i - 1) || isName(i + 1) || isName(i + 2) || madeBefore(i)))
}

// A role that is no post: 区领导刘明胜 says he is a leader, not what post he holds.
const NO_POST = /(领导|同志)$/

/** True when a text gives the post of the named person right beside the name (纪工委书记武斌, 主任王波, 王波主任). */
export function givesPostOf(text: string, name: string): boolean {
  return indicesOf(text, name).some((at) => {
    const before = text.slice(Math.max(0, at - 8), at).replace(/[、，,]$/, '')
    return (POST_WORD.test(before) && !NO_POST.test(before)) || POST_START.test(text.slice(at + name.length))
  })
}

/** Where a word stands in a text, every time. */
export function indicesOf(text: string, word: string): number[] {
  const at: number[] = []
  for (let i = text.indexOf(word); word !== '' && i >= 0; i = text.indexOf(word, i + word.length)) at.push(i)
  return at
}

// A post right after a name (王波主任, 王波副主任).
const POST_START = new RegExp(`^副?(${POST})`)

// The level of government a thing is of (省级文明单位, 市级, 国家级).
const LEVEL = /(国家|省|市|区|县)级/g

// The whole a rank is taken in (全省排第几, 位列全市第四位).
const SCOPE = /全(国|省|市|区|县)/g
const ASKS_RANK = /排[名在]?第?几|第几[名位]?|排名|名次|位列|位居/

/**
 * True when the question names a level (省级文明单位) and the text names only others (新增市级文明单位9家、区级7个), or
 * asks a rank in one whole (增速在全省排第几) and the text ranks it only in others (增速位列全市第四位).
 */
export function levelsClash(question: string, text: string): boolean {
  const clash = (of: RegExp) => {
    const asked = new Set([...question.matchAll(of)].map((m) => m[1]))
    const told = new Set([...text.matchAll(of)].map((m) => m[1]))
    return asked.size > 0 && told.size > 0 && ![...asked].some((l) => told.has(l))
  }
  return clash(LEVEL) || (ASKS_RANK.test(question) && clash(SCOPE))
}
