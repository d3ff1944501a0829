import { countForms, countValue } from './numerals.js'
import { tagWords } from './tokenize.js'

/** What kind of fact a question asks for; answers favour sentences that hold one. */
export type QuestionType = 'amount' | 'time' | 'result' | 'person' | 'place' | 'list' | 'how' | 'general'

// 几号 asks a day, 几号线 a line's number.
const WHICH_DAY = '几号(?![线楼院门])'
// How often, as a choice (一个月发一次还是一年发一次).
const FREQUENCY_CHOICE = '(一个?(天|周|星期|礼拜|月|季度?|年)|每(天|日|周|月|季度?|年))[^，,。？?]{0,4}一[次回趟][^，,。？?]{0,2}还是'
// 时间 asks when (报名时间), not in 那段时间 (during that time).
const TIME_CUE = new RegExp(`什么时候|啥时候|何时|哪天|哪一天|哪一?年|哪[一个]?月|几月|${WHICH_DAY}|几时|几点|什么时间|多久|日期|(?<!段)时间|(星期|礼拜|周)几|${FREQUENCY_CHOICE}`)

// 几 that asks, not the 几 of 前几年, 这几天, 好几个 or 十几 (a few).
const WHICH_NUMBER = '(?<![前这那好十上])几(?![十百千万])'

const TYPE_CUES: [QuestionType, RegExp][] = [
  ['time', TIME_CUE],
  // Who won: asked of a contest, answered only by a sentence that names a result.
  // A rank asked (排第几, 位列第几) is a result too: answered only by a sentence that ranks.
  ['result', /冠军|亚军|季军|第[一二三1-3]名|(?:拿|得|获|夺)[了的]?(?:第一(?![批次个书期届])|头名|榜首)|[一二三特]等奖|夺冠|获胜|胜出|名次|谁赢|哪.{0,3}赢|(排|排名|位列|位居|列)(在)?(第几|老几)|第几(位|名)|(排名|排|位列|位居)(第一|第1|头名|榜首|前[一二三四五六七八九十几\d])[^，。？?]{0,8}(哪|谁|什么|啥)|(哪|谁)[^，。？?]{0,8}(排名|排|位列|位居)(第一|第1|头名|榜首)/],
  // 哪几条路, 哪两家企业, 哪俩社区 ask which ones, not how many.
  ['list', /哪[几两二三四五六七八九十]/],
  ['amount', new RegExp(`多少|${WHICH_NUMBER}大?(?:[个套家间项次回遍年万亿人名条所座辆期批台支起场位件份类种组处棵株具块天]|车道|层(?![面次级]))|${WHICH_NUMBER}号(?=[线楼院])|多大(?!范围)|多高|多长|多远|数量|金额|比例|规模(?!以上)|几成|百分之几`)],
  // 叫啥/名字 asks a person's name only after a word for a person (局长叫啥名字); 做法全称叫啥 asks a thing's.
  ['person', /谁|哪位|哪些人|哪些(同志|领导|干部)|什么人|哪个(人|领导|干部|老师|记者|同志)|负责人是|主持|什么职务|啥职务|什么职位|担任什么|(人|者|员|长|师|官|书记|支书|主任|代表|领导|干部|委员|居民|村民|群众|师傅|叔叔|阿姨|爷爷|奶奶|伯伯|哥哥|姐姐|大妈|大爷|医生|经理|主席|记者|通讯员|作者)[^，。？?]{0,6}(叫(什么|啥)|名字|姓名|全名)/],
  // 去哪摆摊, 搬哪去 ask where; 去哪家, 去哪几个 ask which ones.
  ['place', /哪里|哪儿|在哪|(在|位于)[^，,。？?\s]{0,6}哪一?块|什么地方|哪个地方|地点|位置|哪个(区|村|街道|社区|园区)|(去|往|搬|迁|跑)哪(?![几两二三四五六七八九十些个位家天年一])/],
  ['list', /哪些|有什么|有哪|包括|都有(?![人没些点])/],
  ['how', /怎么|如何|怎样|咋|为什么|为啥|原因|措施|办法|举措/],
]

/** 多长, 多久, 多高, 多远 and 多大 ask how long, tall, far or big, as 多少 asks how many; not in 很多长者, 许多高校, 更多大项目. */
export const HOW_FAR = '(?<![很许众诸好大更最不])多[长久高远大]'
/** Question words that ask something of their own, unlike 呢 and 吗 (小微企业呢？ asks what the part before asked). */
export const ASKS_ITS_OWN = new RegExp(`多少|${HOW_FAR}|${WHICH_NUMBER}|什么|啥|哪|谁|何|怎|咋`)
/**
 * Words that make a sentence a question: a part of a question holds one of them; 不 or 没 ending it asks as spoken
 * (能申请不, 有热线没), and so does a verb asked both ways (还办不办, 能不能, 去没去); 是不是 checks what follows it.
 */
const QUESTION_CUE = new RegExp(`${ASKS_ITS_OWN.source}|吗|呢|是否|有没有|有无|了没|没有$|(?<!要)不$|没$|((?!是)\\p{Script=Han})[不没]\\1`, 'u')

// The reader's own story ending in 呢 with no question mark (俺家还等着回迁呢, 家里还等着回迁呢) tells, it does not ask;
// so does a 着…呢 clause, the spoken 'is still …ing' (孩子上学等着安置房落户呢, 线路等着改呢).
const TOLD_WITH_NE = new RegExp(`^(?!.*(${ASKS_ITS_OWN.source}|吗|是否|有没有))(?:(我|俺|咱|家里|家人).*|.*着.*)呢$`)

/** True when a piece of a question asks something, not only tells the reader's own story. */
export function asks(piece: string): boolean {
  return QUESTION_CUE.test(piece.replace(/[？?]+$/, '')) && !TOLD_WITH_NE.test(piece)
}

/** A clause of the reader's own story, told in the first person (我们是做建材供应的, 俺家还等着回迁呢). */
export const READERS_OWN_STORY = /我|俺|咱|本人/

/** The clauses of a question, each with the question mark that ends it, if any: 我家的呢？ asks, 俺家还等着回迁呢 does not. */
export function clausesOf(question: string): string[] {
  return question.match(/[^，,。；;：:！!？?\s]+[？?]?/g) ?? []
}

// A clause that only asks whether what the reader heard is so (有这回事没, 是真的吗, 对不对): what it asks is what they heard.
const ASKS_IF_TRUE = /^(?:这|那)?(?:是不是真的|是真的吗?|真的假的|真的吗?|有这回事(?:吗|没有?)?|是这样(?:吗|的吗)?|对吗|对不对|是吧|属实吗)$/

/**
 * The clauses of a question that ask (那些小摊贩被弄到哪儿去了), without the ones that only tell the
 * reader's own story (我刚搬到经北二路这边): the whole question when no clause holds a question word,
 * or when one only asks whether the rest is true.
 */
export function askingClauses(question: string): string[] {
  const asking = clausesOf(question).filter(asks).map((c) => c.replace(/[？?]$/, ''))
  return asking.length > 0 && !asking.some((c) => ASKS_IF_TRUE.test(c)) ? asking : [question]
}

/**
 * Where in clausesOf(question) the last clause that asks is. When none asks, askingClauses takes the whole question:
 * a question of one clause is then its own (0), one of several has none (-1).
 */
export function lastAskingClause(question: string): number {
  const clauses = clausesOf(question)
  return Math.max(-1, ...askingClauses(question).map((a) => clauses.findIndex((c) => c.includes(a))))
}

// A figure written in digits, with its magnitude (737.8万, 12, 9.97亿).
// Or a count in words with its counter (五项督查机制…减了多少项: 五 is no answer).
const DIGITS = /\d+(?:\.\d+)?(?:万亿|万|亿)?|[二两三四五六七八九十百千]+(?=[项个条家名人位所支])/g
// A clause that offers the reader's version or what they heard (60多人吧, 听说是12个) is to be checked, not given.
const OFFERS = /吧|吗|听说|据说|好像|记得|是不是|对不对|没错/

/**
 * The figures the reader already has: those written in the clauses before the one that asks, as what they ask about
 * (中小企业采购737.8万元里，给到小微企业的是多少钱), not as a version of theirs to check (收入40亿，是这个数吗).
 */
export function figuresGiven(question: string): string[] {
  const clauses = clausesOf(question)
  const asking = lastAskingClause(question)
  if (clauses.slice(Math.max(asking, 0)).some((c) => OFFERS.test(c))) return []
  return clauses.slice(0, Math.max(asking, 0)).filter((c) => !OFFERS.test(c) && !asks(c)).flatMap((c) => c.match(DIGITS) ?? [])
}

// Words the reader quotes from an article (“在不到3个月的时间绿化成这样”说的是哪里) are what they ask about, not how they ask.
const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」/g

// One member asked by its place in a list the story prints (那几项工作，排第一的是啥; 几个方面里第一个是啥; 名单里排第一个的是谁):
// the sentence that lists them answers, not one that ranks (排第一 of a contest) nor a count (几个方面).
const PLACE_IN_LIST = /(?:倒数)?第[一二三四五六七八九十\d]+(?:个|项|条|位|家|站|点|样|种|部分|方面)?的?(?:是|为)?[^，,。？?]{0,2}(?:什么|啥|哪|谁)|(?:最后|头)一(?:个|项|条|位|家|站|点|样|种)[^，,。？?]{0,6}(?:什么|啥|哪|谁)/
const A_LIST = new RegExp(`(?:${WHICH_NUMBER}|[那这]几|[一二两三四五六七八九十\\d]+)[项个条家位点样类种]|那些|这些|名单|里头|里面|当中|之中|其中|依次|顺序`)
// A place in a contest's ranking (竞赛里排第一的是哪个队) is its result.
const CONTEST = /赛|评比|评选|排名|得分|名次|考核/

/** True when the question asks for one member of a list by its place in it (那几项工作，排第一的是啥). */
export function asksPlaceInList(question: string): boolean {
  return PLACE_IN_LIST.test(question) && A_LIST.test(question) && !TIME_CUE.test(question) && !CONTEST.test(question)
}

export function detectQuestionType(question: string): QuestionType {
  if (figureLookedUp(question)) return 'general'
  const asking = question.replace(QUOTED, ' ')
  if (asksPlaceInList(asking)) return /谁|哪位/.test(asking) ? 'person' : 'list'
  return TYPE_CUES.find(([, cue]) => cue.test(asking))?.[0] ?? 'general'
}

// A figure of the paper looked up (3636套是什么的数量, “1.86倍”是跟哪个数比的, 90%以上这个数说的是啥): what it stands
// for is asked, not an amount or a person, and the sentence that prints it answers.
const FIGURE_LOOKED_UP = /(?<![\d.a-zA-Z-])(\d+(?:\.\d+)?(?:%|万|亿)?\p{Script=Han}?(?:以上|以下|余|多)?)[”"]?(?:这个数字?|这个)?(?:是|指|说的是|指的是|讲的是|代表|表示)(?:的是|跟)?\p{Script=Han}{0,4}?(?:什么|啥|哪)/u

/** The figure, as the reader writes it, whose meaning the question asks (3636套 of 3636套是什么的数量). */
export function figureLookedUp(question: string): string | undefined {
  return FIGURE_LOOKED_UP.exec(question)?.[1]
}

// A post asked who holds it (部长是谁, 书记是哪位) asks for the holder's name; 谁 alone may be answered by an office.
export const POST = '书记|支书|主任|总指挥|指挥长|局长|部长|区长|县长|市长|镇长|乡长|校长|院长|所长|站长|队长|经理|董事长|主席|组长|行长|社长|主编|一把手|监督员|网格员|服务官'
const ENDS_IN_POST = new RegExp(`(${POST}|负责人)$`)
// 部长是谁, 监督员都有谁, 首席服务官具体是由谁来担任的.
const HOLDER_ASKED = '[”"」]?\\s*(现在|具体|都|分别)?(是谁|是哪位|谁|有谁|是由谁|由谁|由哪些|由哪位|由哪几位)'
const POST_HOLDER = new RegExp(`(${POST})(${HOLDER_ASKED}|\\s*(现在)?叫)`)
const A_POST = new RegExp(`^(${POST})$`)

/** True for a word that names a post (组长, 局长, 主任): its holder is asked by name. */
export function isPost(word: string): boolean {
  return A_POST.test(word)
}

// A figure named by what it measures (床位数, 投资额, 年产值, 占比), not a many or a few (多数, 无数).
const FIGURE = /((?<![多少无算倒礼变术])数[字值]?|投资|额|(?<![效频草坦轻直])率|(?<![力能质考测商衡])量|产值|GDP|面积|数量|规模|总量|销量|产量|收入|营收|增速|增幅|增长率|占比|比例|费用|价格|票价|工资|预算|长度|里程|造价|税收|房价|均价|单价|售价|租金)$/i

// A time or a place named by its word (开诊时间, 报名日期; 活动地点, 办公地址): when, where.
const WHEN_NAMED = /(?<!起止|起讫)(时间|日期)$/
const WHERE_NAMED = /(地点|地址|位置)$/
// The first of a ranking named (观摩 排名第一的社区, 竞赛冠军): which one it was.
const RANK_NAMED = /(排名|排|位列|位居|获得?|拿了?)(第一|第1|头名|榜首|冠军)的?\p{Script=Han}{0,3}$|冠军$/u
// A post named by its word (王家鹏职务, 武斌的职务全称): which post the person holds.
const POST_NAMED = /的?(职务|职位|头衔)(全称)?$/
// A checker's remark after the query (核一下, 确认, 待核): what to do with the fact, not what it is.
const TERSE_CHECK = /[\s，,]*(?:请|麻烦)?(?:再)?(?:核一下|核实一下|核实|核对一下|核对|确认一下|确认|查一下|待核实?|待确认|待查)[\s？?。！!]*$/u
// How the paper words it (…，原文怎么说; 原文是怎么写的): the reader wants the article's own sentence, which any
// answer quotes; what they ask is the rest. Not 原话, what a person said.
const WORDING_ASKED = /[\s，,]*(?:原文|文中|报道里?|稿子里?)(?:里|中|上)?(?:是)?(?:怎么|咋|如何)(?:说|写|讲|表述|描述|提)的?[\s？?。！!]*$/u

/**
 * A search-box query asks for what it ends on: 郑大二附院新院区 床位数 asks how many, 京航办事处主任 who
 * holds the post. It is read as asked in so many words (…是多少, …是谁), so the type and the checks of what
 * an answer must give hold for it as they do for the question written out (开诊时间 when, 活动地点 where); a query
 * that asks is left as it is, but for a remark asking the paper's wording.
 */
export function withTerseAsked(text: string): string {
  const core = text.replace(WORDING_ASKED, '')
  const read = /\p{Script=Han}{2}/u.test(core) ? core : text
  if (asks(read)) return read
  const end = read.replace(TERSE_CHECK, '').replace(/[\s？?。！!，,]+$/u, '')
  if (FIGURE.test(end)) return `${end}是多少`
  if (ENDS_IN_POST.test(end)) return `${end}是谁`
  if (POST_NAMED.test(end)) return `${end.replace(POST_NAMED, '')}是什么职务`
  if (RANK_NAMED.test(end)) return `${end}是哪个`
  // A date (报名日期) asks the day, as 哪天 does; a time (开诊时间) when.
  if (WHEN_NAMED.test(end)) return whenAsked(end.replace(WHEN_NAMED, ''), end.endsWith('日期') ? '哪天' : '什么时候')
  if (WHERE_NAMED.test(end)) return `${end}在哪里`
  return read
}

// Who the people of a role were (那位负责人是谁, 那16名干部都有谁, 监督员是哪几个人): their names. So does which leader
// (哪位领导, 哪个区领导, 哪位同志): the story names them beside a post (区领导刘明胜, 纪工委书记武斌) or not at all.
const WHICH_LEADER = '(哪位|哪个|哪一位)(区|市|省|县)?(领导|同志)(?!小组|班子)'
// So do the people of a part they played (导师是谁, 评委都有谁) and the holder of a post asked which (哪位局长).
const PEOPLE_ASKED = new RegExp(`(负责人|干部|监督员|领导|导师|评委|裁判|嘉宾|主持人|专家|教练|讲师|教官|主讲人|发言人|考官)(都|分别|具体|又)?(是谁|有谁|是哪位|是哪几位|是哪几个人|都有谁)|${WHICH_LEADER}|(哪位|哪一位)(${POST})`)

/** True when a question asks for a person's name in so many words (局长叫啥名字, 部长是谁, 负责人是谁), not merely 谁. */
export function asksForName(question: string): boolean {
  return /叫(什么|啥)|名字|姓名|全名|叫.{0,2}名/.test(question) || POST_HOLDER.test(question) || PEOPLE_ASKED.test(question)
}

/**
 * When what a query names happens, asked with the cue given (什么时候, 哪天): 新院区 开诊(时间) asks 新院区 什么时候开诊,
 * the deed after its question word, as the time checks read it; 对接会(时间) asks 对接会是什么时候.
 */
function whenAsked(named: string, cue: string): string {
  const last = tagWords(named).at(-1)
  return last?.tag === 'v' ? `${named.slice(0, -last.word.length)}${cue}${last.word}` : `${named}是${cue}`
}

// 多少年 and 几天 ask a length of time (30年, 15天); 几年级 asks a grade. 几车道 and 几层 are counted in lanes and floors.
// 多少人民币 asks for money, not people.
const ASKED_UNIT = new RegExp(`(?:${WHICH_NUMBER}|多少)\\s*(?:万|亿)?\\s*(?:个小?(?=组))?([套个家间元项次回趟遍名位条所座辆期批台篇场户亩吨倍件天斤起组处棵株具]|块(?!钱)|份(?!额)|车道|层(?![面次级])|号线|号楼|号院|公斤|千克|平方米|平米|公里|米|人(?!民币)|年(?!级))`)
// 多少个小时, 几个月: a count of a unit of time, answered in that unit (24小时), not in things.
const TIME_COUNT = new RegExp(`(?:${WHICH_NUMBER}|多少)\\s*个?\\s*(小时|钟头|星期|礼拜|月|工作日)`)
// 多少 or 几 right before the thing counted, with no counter between.
const BARE_COUNT = new RegExp(`(?:${WHICH_NUMBER}|多少)(?=\\p{Script=Han})`, 'u')
// 多少亿, 几万 without a counter: the answer is a number of that magnitude (9.97亿元, 3万人).
const ASKED_MAGNITUDE = new RegExp(`(?:${WHICH_NUMBER}|多少)\\s*(万|亿)`)
// Money asked by what it is: 放了多少贷款, 总投资多少, 补贴有多少, 工业产值是多少.
const ASKED_MONEY = /多少钱|多少块钱|花了多少|省了多少|多少(资金|贷款|投资|经费|补贴|补助|奖金|税|费用|债)|(资金|贷款|投资|经费|补贴|补助|奖金|金额|费用|债券|产值|营收|营业收入|销售额|营业额|利润|税收)[^，。？?]{0,4}多少|金额/
// A count named by its counter (企业家数, 整改书份数, 户数): told in that counter.
const COUNTER_NUMBER = /([家份户项件套篇所辆台条起批])数(?![字值据量])/
// A share asked for (报销比例是多少, 增长率多少, 占比几成) is answered by a percentage or 几成, not by
// another count or, unless a change is asked (提高了多少), by 提高了5个百分点.
const SHARE_CHANGE = /(提高|提升|提|增长|增加|上升|上涨|涨|下降|降低|降|减少|下调|上调)了?(百分之)?(多少|几)|(增速|增幅|涨幅|降幅)(是|为|有)?(百分之)?(多少|几)/
const ASKED_SHARE = /(比例|比率|占比|百分比|份额|[^效]率)[^，。？?]{0,4}(多少|几)|多少(比例|百分比|份额)|百分之几|几成/
// An age asked (都是多大岁数的党员, 多大年纪): told in 岁 (六七十岁, 80岁以上).
const ASKED_AGE = /多大(岁数|年纪|年龄)|(岁数|年纪|年龄)(有)?多大/

// Counters that answer for one another: 多少人 is answered by 13532名. 个 is too general to require.
const WEIGHT = '斤|公斤|千克|吨'
const LAND = '平方米|平米|㎡|亩'
const PEOPLE = '人|名|位'
const TIMES = '次|回|趟|遍'
const UNIT_FORMS: Record<string, string | undefined> = {
  人: PEOPLE, 名: PEOPLE, 位: PEOPLE, 个: undefined, 斤: WEIGHT, 公斤: WEIGHT, 千克: WEIGHT, 平方米: LAND, 平米: LAND,
  // 分成了几组 and 分成几个组 are answered by 5个小组 or 17个专项小组.
  组: '个[^，。、；\\d]{0,4}?组|组', 棵: '棵|株', 株: '棵|株',
  // 多少间企业 (Cantonese, or shops) is answered by 12家.
  间: '间|家',
  // 来了几回, 跑了几趟 are answered by 5次.
  回: TIMES, 趟: TIMES, 遍: TIMES,
  // 一共几块 asks how many parts, in whatever counter the article uses (五项内容).
  块: undefined,
}
/** The counters that answer for a counter asked (人 → 人|名|位); undefined for one too general to require (个). */
function formsOf(counter: string): string | undefined {
  return counter in UNIT_FORMS ? UNIT_FORMS[counter] : counter
}
// People counted with 个 (参加的人有多少个, 多少个志愿者, 新增多少个就业) are counted in 人, 名 or 位.
const PEOPLE_NOUNS = '人员|党员|群众|居民|村民|代表|干部|职工|员工|志愿者|学生|学员|老人|孩子|儿童|家长|队员|民警|医生|护士|教师|老师|专家|人才|患者'
const COUNTED_PEOPLE = new RegExp(`(人|${PEOPLE_NOUNS}|就业)$`)
// A noun for people, with at most a few words before it (养护人员, 参赛党员).
const PEOPLE_NAMED = new RegExp(`^\\p{Script=Han}{0,4}?(${PEOPLE_NOUNS})$`, 'u')
// …or named first, then what they did (多少个党员参加, 派了多少个干部下去).
const PEOPLE_DOING = new RegExp(`^(${PEOPLE_NOUNS})`)

// The people a count asks of, named after the question word (多少名员工参加) or before it (企业代表有几位).
const PEOPLE_AFTER = new RegExp(`(?:${WHICH_NUMBER}|多少)\\s*[名位个]?\\s*\\p{Script=Han}{0,4}?(${PEOPLE_NOUNS})`, 'u')
const PEOPLE_BEFORE = new RegExp(`(${PEOPLE_NOUNS})(?:一共|总共|共|大概)?(?:有|是)?(?:${WHICH_NUMBER}|多少)\\s*[名位个人]`, 'u')

// A list the reader names them in (领导、导师、高校和企业代表一共多少人), or all sides of it (各方代表, 全体党员), asks the whole of it.
const NAMED_IN_LIST = /[、和及与]|各[方界类路]|所有|全部|全体/

/** Who a count of people asks of (员工 of 瑞庭酒店有多少名员工参加), when it names them apart from others. */
export function peopleCounted(question: string): string | undefined {
  const m = PEOPLE_AFTER.exec(question) ?? PEOPLE_BEFORE.exec(question)
  if (!m) return undefined
  const clause = clausesOf(question).find((c) => c.includes(m[0])) ?? question
  return NAMED_IN_LIST.test(clause.slice(0, clause.indexOf(m[1]!))) ? undefined : m[1]
}

/** The unit of a when-question that asks how long (多久): answered by 三天 or 24小时, not by a date. */
export const DURATION_UNIT = '时长'

// 每周哪天, 星期几: a day of the week is asked for (周五卫生日), not a date; 上个星期 is only when.
const ASKED_WEEKDAY = /星期几|礼拜几|周几|每周|每个?礼拜|每个?星期/
/** The unit of a when-question that asks a day of the week. */
export const WEEKDAY_UNIT = '周'

// 多久搞一次, 每周至少几次, 一个月一次还是一年一次: how often is asked (每周至少…一次, 每月一次), not how long nor how many.
const ASKED_FREQUENCY = new RegExp(`(多久|多长时间|几天|多少天)[^，,。？?]{0,6}一[次回趟]|[每一](天|日|周|月|年|个?星期|个?礼拜|个?月)[^，,。？?]{0,8}(几|多少)[次回趟]|${FREQUENCY_CHOICE}`)
/** The unit of a question that asks how often. */
export const FREQUENCY_UNIT = '频次'

// 几点开始, 几点到几点: an hour of the day is asked (下午3点, 9:30), not a date.
const ASKED_HOUR = /几点/
/** The unit of a when-question that asks the hour. */
export const HOUR_UNIT = '点'

// 哪一天, 几号, a date (举办日期): a day is asked for, and 近日 or 今年 does not give one.
const ASKED_DAY = new RegExp(`哪一?天|${WHICH_DAY}|几月几[日号]|日期|什么日子`)

// The words after 个 are what is counted (多少个过期灭火器, 多少个过期的灭火器), up to a particle or the end.
const COUNTED = /^\s*(\p{Script=Han}{2,8}?(?:的\p{Script=Han}{2,8}?)?)(?:了|呢|啊|吗|呀|的|[，。？?！!、\s]|$)/u
// Or, with nothing after 个, the words before the question (棚改类的有几个, 园中园项目现在一共有几个啊).
const COUNTED_BEFORE = new RegExp(`(\\p{Script=Han}{2,6}?)的?(?:现在|目前|如今|到底|一共|总共|共)*(?:有|是)?(?:${WHICH_NUMBER}|多少)个[啊呀呢吧]?\\s*[？?。！!]?\\s*$`, 'u')
// 多少个 counts things, so it is answered in any counter of things (5项, 3家, 12处), not in people (12人) or money.
const THINGS = '个|项|家|所|座|条|批|起|件|处|支|次|趟|班|架次|场|类|种|期|套|台|辆|户|篇|份|村|棵|株|只|张|块|盏|根|余个'
// A sum of money, in yuan or another currency (6亿人民币, 5亿美元).
const MONEY = '元|人民币|英镑|港币|卢布'
// How much a sum grew (出口金额同比增长了多少) is told in money or as a share of it (增长58.1%).
const MONEY_OR_SHARE = `${MONEY}|%|％|个?百分点`
// Money asked as an amount of something (放了多少贷款, 总投资多少): the sum must be of that thing.
const MONEY_WORDS = '资金|贷款|投资|经费|补贴|补助|奖金|费用|房租|租金'
// Not those paid it, counted after 多少 (发高龄补贴的有多少人, 拿到贷款的有多少家).
const MONEY_THING = new RegExp(`多少(?:[万亿]?元)?(${MONEY_WORDS})|(${MONEY_WORDS})[^，。？?]{0,4}多少(?!\\s*(?:人|户|家|个|位|名|所))`)
const MONEY_NOUN = new RegExp(`(${MONEY_WORDS}|钱|款|金|预算)$`)
const SUM_OF = /(\p{Script=Han}{2})(?:总?金额|总额)\s*(?:是|有|为|大概|一共|总共|共)*\s*(?:同比)?\s*(?:(?:增长|增加|提高)了?)?\s*多少/u

/** What an amount question is an amount of, and the units that count it. */
export interface CountedThing {
  /** The words naming it, and what it did, as the question says them (过期灭火器, 贷款, 部门确定). */
  thing: string
  /** The thing without what it did (队 of 队参加): the article counts it in its own words for the act (参赛的队伍共有13支). */
  head: string
  /** A pattern of the units an answer may count it in; empty for any amount. */
  unit: string
}

/**
 * What an amount question counts when its counter leaves the kind open: 多少个过期灭火器 (个 says
 * nothing of the kind, so 12人 or 3所高校 must not answer it) or 放了多少贷款 (a sum of something else,
 * 总投资58亿元, must not answer it). A question in a counter of its own (多少套, 几项) is held to that counter.
 */
export function countedThing(asked: string): CountedThing | undefined {
  // Quotation marks around a name (多少个“园中园”项目) are not part of what is counted.
  const question = asked.replace(/[“”"]/g, '')
  const m = ASKED_UNIT.exec(question)
  if (m?.[1] === '个' && !TIME_COUNT.test(question)) {
    const thing = thingCounted(question, m)
    const head = thing === undefined ? '' : nounHead(thing)
    return thing && !countsPeople(thing, head) ? { thing, head, unit: THINGS } : undefined
  }
  // A share of it (贷款中有多少比例) is not counted in it.
  const money = ASKED_SHARE.test(question) ? null : MONEY_THING.exec(question)
  if (money) return whole(money[1] ?? money[2]!, MONEY)
  if (m) return undefined
  // A sum asked by what it was paid for (放贷金额多少, 出口金额是多少): money, in a clause that names that.
  // A total (预算总额多少) may be asked a share of (预留预算总额的50%以上).
  const sum = SUM_OF.exec(question)
  if (sum) return whole(sum[1]!, SHARE_CHANGE.test(question) || sum[0].includes('总额') ? MONEY_OR_SHARE : MONEY)
  // The number of a thing (更换灭火器 数量是多少): counted as 多少个 counts it.
  const quantity = QUANTITY_OF.exec(question)?.[1]
  if (quantity && !COUNTED_PEOPLE.test(quantity)) return whole(quantity, THINGS)
  // A figure asked by what it measures (年产值是多少, GDP多少): any amount, in a clause that names it.
  const figure = FIGURE_ASKED.exec(question)
  if (figure) return whole(figure[1]!, '')
  // 多少 right before a noun, with no counter (换了多少灭火器), counts it as 多少个 does; money is counted in money.
  const bare = /多少/.exec(question)
  const after = bare ? question.slice(bare.index + bare[0].length) : ''
  const thing = ASKED_MAGNITUDE.test(question) || NOT_A_THING.test(after) ? undefined : COUNTED.exec(after)?.[1]
  const head = thing === undefined ? '' : nounHead(thing)
  if (!thing || countsPeople(thing, head) || !isNounPhrase(head)) return undefined
  if (MONEY_NOUN.test(head)) return { thing, head, unit: MONEY }
  return /(面积|率|时间|时长)$/.test(head) ? undefined : { thing, head, unit: THINGS }
}

/** A thing named in full, with nothing it did after it (贷款, 更换灭火器). */
function whole(thing: string, unit: string): CountedThing {
  return { thing, head: thing, unit }
}

// A verb or a place word (下 of 干部下到厂里) after the thing named says what it did, not what it is.
const ACT_TAG = /^(v(?!n)|f)/

/** The noun a counted stretch starts with, without what it did after it (队参加 → 队, 干部下到厂里 → 干部, 人领高龄津贴 → 人). */
function nounHead(stretch: string): string {
  const words = tagWords(stretch)
  const act = words.findIndex((w, i) => i > 0 && ACT_TAG.test(w.tag) && words.slice(0, i).some((b) => /^n/.test(b.tag)))
  return act < 0 ? stretch : words.slice(0, act).map((w) => w.word).join('')
}

/** Whether a counted stretch counts people: by its end (城镇就业, 参赛党员) or by the noun it starts with (干部下到厂里). */
function countsPeople(stretch: string, head = nounHead(stretch)): boolean {
  return COUNTED_PEOPLE.test(stretch) || COUNTED_PEOPLE.test(head)
}

// The number of a thing, said as 数量 or 总数 after it (更换灭火器 数量是多少).
const QUANTITY_OF = /(\p{Script=Han}{2,6}?)\s*的?\s*(?:数量|总数)\s*(?:是|有|为|大概|一共|总共|共)*\s*多少/u
// Figures an article names when it gives them (年产值达10亿元, GDP增长, 占地面积3万平方米); others it words its own way (营收 as 营业收入).
const FIGURE_ASKED = /((?:(?!的)\p{Script=Han}){0,2}(?:产值|GDP|面积|销量|产量|税收|造价|床位|里程))数?\s*(?:是|有|为|大概|一共|总共|共)*\s*多少/iu
// What follows 多少 without being a thing counted: a counter, a unit, money, time, an age, a rate, a pause.
const NOT_A_THING = /^(\s|[钱万亿千百吉兆瓦克升时分秒年月天岁度倍次位支间只张块本头匹根届级号层]|小时|钟头|平方|公里|百分|比例|金额)/

/** True when words start and end as nouns do: 过期灭火器, not 领高龄津贴 or 老人发. */
function isNounPhrase(text: string): boolean {
  const words = tagWords(text)
  return words.length > 0 && /^n/.test(words[0]!.tag) && /^n/.test(words.at(-1)!.tag)
}

// Which of a kind are counted, said before 的 (拉进黑名单的企业有几家, 列入“黑名单”的一共有几家企业, 列入黑名单的企业或个人有多少个).
const COUNT_QUALIFIED = new RegExp(`([\\p{Script=Han}“”"]{2,10})的(?:\\p{Script=Han}{0,3}?|\\p{Script=Han}{1,3}[或和及与]\\p{Script=Han}{1,3})(?:一共|总共|共)?(?:有|是)?(?:${WHICH_NUMBER}|多少)`, 'u')

// The ones counted by what was done to them (把几家企业列进了黑名单, 共向多少家企业下达了停业整改书).
const COUNT_THEN_DONE = new RegExp(`(?:把|给|向|对)(?:一共|总共|共)?(?:${WHICH_NUMBER}|多少)\\s*[个家名位]?\\p{Script=Han}{0,4}?(?:列进|列入|拉进|纳入|下达|下发|颁发|发放|发了|下了)了?[“"]?(\\p{Script=Han}{2,8})`, 'u')
// The ones counted by where they went (多少人进了黑名单, 几家企业被纳入重点监管).
const COUNT_THEN_ENTERED = new RegExp(`(?:${WHICH_NUMBER}|多少)\\s*[个家名位人]\\p{Script=Han}{0,4}?被?(?:列进|列入|拉进|纳入|进了|进入|上了)了?[“"]?(\\p{Script=Han}{2,8})`, 'u')
// The kind counted named right before the question (规模以上文化企业现在有多少家).
const KIND_COUNTED = new RegExp(`(\\p{Script=Han}{2,12}?)(?:现在|目前|如今|到底|一共|总共|共)*(?:有|是)?(?:${WHICH_NUMBER}|多少)[家所个]`, 'u')

/**
 * The noun that says which ones an amount question counts: right before 的 (拉进黑名单的企业有几家 → 黑名单),
 * in what was done to them (把几家企业列进了黑名单 → 黑名单), or right before the kind (规模以上文化企业有多少家 →
 * 文化). A count of the whole kind (确定典型企业40家) does not answer it.
 */
export function countQualifier(question: string): string | undefined {
  const qualifier = COUNT_QUALIFIED.exec(question)?.[1]
  if (qualifier) return qualifierWord(tagWords(qualifier.replace(/[“”"]/g, '')))
  // Or what was done to them, said after the count (把几家企业列进了黑名单, 给多少家企业下了停业整改书, 多少人进了黑名单).
  const done = COUNT_THEN_DONE.exec(question)?.[1] ?? COUNT_THEN_ENTERED.exec(question)?.[1]
  if (done) return tagWords(done).find((w) => [...w.word].length > 1)?.word
  // Or the noun right before the kind counted (规模以上文化企业有多少家 → 文化).
  const phrase = KIND_COUNTED.exec(question)?.[1]
  const words = phrase ? tagWords(phrase) : []
  const before = words.at(-2)
  return words.length > 1 && isBodyKind(words.at(-1)!.word) && before && /^n/.test(before.tag) && [...before.word].length > 1 ? before.word : undefined
}

/**
 * The word that says which are counted: the noun that ends the qualifier (黑名单), or, when jieba cut a document off a
 * verb (停业整改书 → 停业/整改/书), that verb. Not a place's name cut short (大学路 → 大学/路).
 */
function qualifierWord(words: { word: string; tag: string }[]): string | undefined {
  const [before, last] = [words.at(-2), words.at(-1)]
  if (!last || !/^n/.test(last.tag)) return undefined
  if ([...last.word].length > 1) return last.word
  return before && [...before.word].length > 1 && /^v/.test(before.tag) ? before.word : undefined
}

/** The words a 多少个 counts: after it (多少个过期灭火器), or with nothing after it, before it (棚改类的有几个). */
function thingCounted(question: string, m: RegExpExecArray): string | undefined {
  return COUNTED.exec(question.slice(m.index + m[0].length))?.[1] ?? COUNTED_BEFORE.exec(question)?.[1]
}

// 多久, 多长时间, 几天: a length of time is asked (三天, 24小时), not a date.
const ASKED_DURATION = /多久|多长时间|多少天|几天|多少年|几年|几个月|多少个月|多少小时|几个小时|(时间|时长)[^，,。？?]{0,4}多长/
// A verb or a function word before the question word (通车, 是从) names no event; the noun before it does.
const EVENT_TAG = /^(n|vn|j|l|i)/

/**
 * What a when-question asks the time of: the last noun before the question word (初心杯决赛是哪天 →
 * 决赛; 郑大二附院周边的路什么时候通车 → 郑大二附院). A date given for something else in the article
 * (the first round's) does not answer it. None for a length of time or a day of the week.
 */
export function timedThing(question: string, words: string[]): string | undefined {
  const cue = TIME_CUE.exec(question)
  if (!cue || ASKED_DURATION.test(question) || ASKED_WEEKDAY.test(question)) return undefined
  const tags = new Map(tagWords(question.slice(0, cue.index)).map((t) => [t.word, t.tag]))
  // Not the kind another question word asks (现场会是哪个单位哪天开的 times the 现场会, not the 单位).
  const askedKind = (w: string) => ['哪', '什么', '啥'].some((q) => ['', '个', '家', '所', '位', '些'].some((c) => question.includes(`${q}${c}${w}`)))
  return lastWordBefore(question, cue.index, words.filter((w) => EVENT_TAG.test(tags.get(w) ?? 'n') && !isPlanWord(w) && !TIME_NOUN.test(w) && !askedKind(w)))
}

// A deadline asked by its word (通车节点定在什么时候, 整改期限到啥时候): the time itself, not the event it is the time of.
export const DEADLINE = /节点|期限|时限/
const TIME_NOUN = new RegExp(`^(时间)?(${DEADLINE.source})$`)

// Words that say a time is planned (目标什么时候通车, 计划哪年建成): the event is what follows, not these.
const PLAN_WORD = /^(目标|计划|预计|打算|争取|力争|预期|估计|原定|按计划|原计划)$/

/** True for a word that only says the time asked is a planned one. */
export function isPlanWord(word: string): boolean {
  return PLAN_WORD.test(word)
}

// Verbs that say only that something happens (几点开始, 哪天举行): the event is the thing named before them.
const HAPPENS = /^(开始|结束|举行|举办|召开|进行|开展|启动|发生|出发|到达)$/

/**
 * The event a when-question asks the time of, told by the verb after its question word (啥时候正式开诊 →
 * 开诊, 哪天开始接诊 → 接诊), within the clause, passing over verbs that say only that something happens;
 * none when no other verb of the question's words follows it.
 */
export function askedEvent(question: string, words: string[]): string | undefined {
  const cue = TIME_CUE.exec(question)
  if (!cue) return undefined
  const clause = question.slice(cue.index + cue[0].length).split(/[，,。；;！!？?\s]/)[0]!
  const tagged = tagWords(clause)
  // jieba tags some deeds as nouns (通车, 开业); one after a modal that ends the clause (能通车, 会开业了) is the deed,
  // not 全部 of 能全部清走.
  const ends = (i: number) => tagged.slice(i + 1).every(({ word }) => /^[了呀啊吗呢吧嘛哦啦的\s]*$/.test(word))
  const deed = (tag: string, i: number) => tag === 'v' || (tag.startsWith('n') && i > 0 && MODAL.test(tagged[i - 1]!.word) && ends(i))
  return tagged.find(({ word, tag }, i) => deed(tag, i) && /^\p{Script=Han}{2,}$/u.test(word) && words.includes(word) && !HAPPENS.test(word))?.word
}

const MODAL = /^(能|会|可以|才能|能够|可|要|将)$/

/**
 * What a question asks the change of (上半年GDP增长了多少 → GDP): the word right before the change. Another
 * figure's growth in the article (文化企业收入同比增长8.2%) does not answer it.
 */
export function changedThing(question: string, words: string[]): string | undefined {
  const change = SHARE_CHANGE.exec(question)
  return change ? lastWordBefore(question, change.index, words.filter((w) => !COMPARED_WITH.test(w))) : undefined
}

// What a change is measured against (增加值同比增长多少, 收入跟去年同期比涨了多少), and a measure the article may word its own way
// (装机规模, 出口金额 as 新增装机, 出口额): the thing that changed is named before them.
const COMPARED_WITH = /^(同比|环比|相比|相较|比起|比去年|较去年|比上年|较上年|去年|上年|同期|以前|之前|上次|往年|前年|分别|累计|年均|平均|一共|总共|规模|数量|总量|总额|金额|水平)$/

/** The word of two or more characters that ends last before `at` in the question. */
export function lastWordBefore(question: string, at: number, words: string[]): string | undefined {
  let last: string | undefined
  let end = -1
  for (const w of words) {
    const start = question.lastIndexOf(w, at - w.length)
    if ([...w].length > 1 && start >= 0 && start + w.length > end) [last, end] = [w, start + w.length]
  }
  return last
}

const NAME_CUE = new RegExp(`叫(什么|啥)|名字|姓名|全名|(?<=${POST})${HOLDER_ASKED}|(?<=${WHICH_LEADER})`)

/**
 * Whose name a person question asks: its last word before 叫啥/名字/是谁 (建设局局长叫啥名字 → 局长). A name
 * given in a sentence about someone else (the meeting's chair) does not answer it.
 */
export function namedPerson(question: string, words: string[]): string | undefined {
  const cue = NAME_CUE.exec(question)
  return cue ? lastWordBefore(question, cue.index, words) : undefined
}

// 哪家银行, 哪个单位, 哪三所高校, 哪家施工单位: a body is asked for by its kind (with what it does, if said), and
// only a sentence naming one answers. 哪类企业 asks a category (小微企业), not a body; 哪些园区给企业讲 asks the parks,
// 靠啥办法帮企业 a way of helping firms, and 哪条地铁线路 a line (地铁3号线), not a road.
const BODY_KINDS = '施工队|工程队|施工方|厂家|厂商|供应商|公司|企业|银行|医院|设计院|高校|学校|单位|部门|机构|局(?![面势长限领])|村|社区|小区|街道|办事处(?!领导|主任|书记|干部|负责人)|乡镇|林场|山|公园|广场|市场|会议室|礼堂'
const ASKED_BODY = new RegExp(`(?:哪|(?<![为凭干])什么|(?<![为凭干])啥)(?:一|几|些|[两二三四五六七八九十])?\\s*(?:家|个|所|条|座|处|间)?\\s*(?![类种])([^\\P{Script=Han}的是在有和与了给向跟帮为对把让替]{0,3}?)(${BODY_KINDS}|(?<!线)路(?![线径程子费况])|街(?![头巷]))`, 'u')
// A building crew, as readers call the firm that builds (施工队, 工程队, 施工方).
const WORK_CREW = /^(施工队|工程队|施工方)$/
// A maker or seller, as readers call the firm (厂家, 供应商).
const MAKER = /^(厂家|厂商|供应商)$/
const A_BODY_KIND = new RegExp(`^(${BODY_KINDS}|路|街)$`)

// Asked which road or street something is on (便民疏导点具体设在哪条路上); not 哪几条路, a list.
const ASKS_ROAD = /哪一?条(路|街|大街|大道|马路)/

/**
 * What a question asks which road it is on: the last of its words before 哪条路 in the same sentence (便民疏导点，具体设在
 * 哪条路 → 便民疏导点), '' when that sentence names nothing before it (…整治得好。是哪条路上的), undefined when it asks no road.
 */
export function roadAsked(question: string, words: string[]): string | undefined {
  const m = ASKS_ROAD.exec(question)
  if (!m) return undefined
  const clause = question.slice(0, m.index).split(/[。？?！!]/).at(-1)!
  return lastWordBefore(clause, clause.length, words) ?? ''
}

// Asked where a thing is (便民疏导点具体设在哪个位置, 堆土场在哪儿), not where an event was held or where to go.
const ASKS_WHERE_IT_IS = /(具体)?(是)?(设|位于|建|放|落)?在(哪(?![个家所条座些](?!位置|地方))|什么地方|啥地方)(里|儿|个位置|个地方)?(?=[\s?？，,。]|$)/

/** The thing a question asks the place of (便民疏导点 of 便民疏导点具体设在哪), if it asks where a thing is. */
export function locatedThing(question: string, words: string[]): string | undefined {
  const clause = askingClauses(question).find((c) => ASKS_WHERE_IT_IS.test(c))
  if (clause === undefined) return undefined
  return lastWordBefore(clause, ASKS_WHERE_IT_IS.exec(clause)!.index, words)
}

/** True for a word that names a kind of body or place a question may ask which of (企业, 单位, 社区). */
export function isBodyKind(word: string): boolean {
  return A_BODY_KIND.test(word)
}

// 施工单位是哪家, 承办的公司叫啥: the kind named first and then asked which (not 这医院是啥级别, its grade).
const BODY_THEN_ASKED = /([^\P{Script=Han}的是在有和与了那这个家所]{0,3}?)(公司|企业|银行|医院|高校|学校|单位|部门|机构)(?:是|为|叫)(?:哪[一几些]?[家个所]?|什么|啥)(?:名字|名称)?(?=[？?，,。！!\s啊呀呢]|$)/u

// 参加的银行名单, 获奖单位名单, 咨询机构，全称, 施工单位名称: bodies of a kind asked by name, in a list, and the role named with it.
const BODY_ROSTER = /(施工|承建|设计|监理|主办|承办|协办)?(公司|银行|医院|高校|学校|单位|机构|部门)[\s，,]*的?\s*(名单|名字|全称|名称)/

// The part a body played, said after it (哪家单位来授课的, 哪个公司承建), or its people did (哪个单位的教员来授课): the role it is asked in.
const ROLE_AFTER = /^(?:的\p{Script=Han}{1,3}?)?(?:来|去|给|在)?(授课|讲课|主办|承办|协办|施工|设计|承建|监理)/u

// Before 什么/啥, a verb that asks which kind a thing is (算啥医院, 算个啥医院, 属于什么单位, 是个啥公司), not which one.
const KIND_ASKED = /(算|算是|属于)(个|一个|一所|一家)?$|是(个|一个|一所|一家)$/

/** A body or place a question asks to be named: its kind (公司, 银行, 单位, 村, 路…) and the role it names with it (施工 of 哪家施工单位). */
export interface AskedBody {
  kind: string
  role?: string
}

/** The body or place a question asks to be named, if any. */
export function askedBody(question: string): AskedBody | undefined {
  const listed = BODY_ROSTER.exec(question)
  if (listed) return { kind: listed[2]!, ...(listed[1] ? { role: listed[1] } : {}) }
  const m = ASKED_BODY.exec(question) ?? BODY_THEN_ASKED.exec(question)
  if (!m) return undefined
  // 算啥医院, 是个什么医院: the kind of hospital is asked (综合性三甲医院), not its name.
  if (/^(什么|啥)/.test(m[0]) && KIND_ASKED.test(question.slice(0, m.index))) return undefined
  // 哪些企业 asks no name (企业 is any firm, office or shop); 哪家企业 asks the one firm, 哪家施工企业 the firm doing the work.
  if (m[2] === '企业') return m[1] ? { kind: '公司', role: m[1] } : /哪一?家/.test(m[0]) ? { kind: '公司' } : undefined
  // 哪家施工队 asks the firm that builds it (中建七局): a crew is named by its firm.
  if (WORK_CREW.test(m[2]!)) return { kind: '公司', role: '施工' }
  // 哪家厂家, 哪个供应商: the firm that made or sold it.
  if (MAKER.test(m[2]!)) return { kind: '公司' }
  // 哪两条道路, 哪条马路: a road asked in everyday words (道路, 马路, 公路) names no role.
  const role = (m[2] === '路' ? m[1]!.replace(/[道马公]$/, '') : m[1]) || ROLE_AFTER.exec(question.slice(m.index + m[0].length))?.[1]
  return { kind: m[2]!, ...(role ? { role } : {}) }
}

// 那3起案例涉及的都是谁, 5项采购具体都是啥, 十项标准是哪十条, 五项机制都有哪些, 5个项目名称列一下: the members of a set the
// article counts are asked, and only a sentence that lists them answers.
const COUNTED_SET = /(\d+|[一二两三四五六七八九十]+)\s*([项条个所家起类种点件批支])[^。？?！!]{0,16}?(?:(?:具体|分别|都|究竟)[^。？?！!，,]{0,6}?(?:哪|啥|什么|谁)|哪[一二两三四五六七八九十\d]+[项条个所家起类种点件批支]|(?:都有|是|有|包括)哪些|(?:名称|名单|名字)?(?:列一下|列出来|列举)|(?:名称|名单)$|逐条|逐项)/

/** A set the question asks the members of: how the article may write its count (5项, 五项). */
export interface AskedMembers {
  counts: string[]
  /** How many members the reader says there are. */
  size: number
}

/** The count of a set a question asks the members of (那5项采购具体都是啥 → 5项, 五项), if it asks the members of a set the article counts. */
export function askedMembers(question: string): AskedMembers | undefined {
  if (/多少|(?<!哪)几/.test(question)) return undefined
  const m = COUNTED_SET.exec(question)
  if (!m) return undefined
  const [, number, counter] = m
  return { counts: countForms(number!, counter!), size: countValue(number!) }
}

// The kinds a list question may name right after 哪几/哪些 (哪几家银行, 哪些企业) or just before them
// (参加的银行都是哪几家), each as the kind the answer is checked for (see namesTwoOf).
const LISTED_KINDS: [string, string][] = [
  ['银行|金融机构', '银行'],
  ['企业|公司|厂家?|工厂', '公司'],
  ['高校|大学|学校|院校', '学校'],
  ['项目', '项目'],
  ['园区|产业园', '园区'],
  ['社区', '社区'],
  // Offices named by their kind of office (哪几个局办); 部门 may be listed by short names (经发、房管、国土), so it is not one.
  ['局办|局委|科室', '局办'],
  ['村|村子', '村'],
  ['路|道路|马路', '路'],
]
const KIND_AFTER = LISTED_KINDS.map(([forms, kind]) => [new RegExp(`^(${forms})`), kind] as const)
// 哪几家 closes its clause when the kind came before it (银行都是哪几家？), not when a thing follows (村里有哪些变化).
const CLAUSE_END = /^($|[？?，,。！!；;\s]|呢|啊|呀|吗|来着)/
const KIND_BEFORE = LISTED_KINDS.map(([forms, kind]) => [new RegExp(`(${forms})(都|分别|具体|主要|一共)?(是|有|包括)?$`), kind] as const)
// The 项 of 项目 is the kind's, not a counter (哪些项目).
// 哪类企业, 哪几种企业 ask a category (小微企业), not the names of firms.
const WHICH_OF = /哪(?:几|些|[一二两三四五六七八九十])?(?:[个家所位条座处间场支]|项(?!目))?(?![种类])/

/**
 * The kind of things a list question asks for, when it names it right after 哪几/哪些 (哪几家银行 → 银行)
 * or just before them (银行都是哪几家 → 银行); none for a kind whose names end any way (哪些单位, 哪几个地方).
 */
export function listedKind(question: string): string | undefined {
  const m = WHICH_OF.exec(question)
  if (!m) return undefined
  const after = question.slice(m.index + m[0].length)
  const before = question.slice(0, m.index)
  return KIND_AFTER.find(([kind]) => kind.test(after))?.[1] ?? (CLAUSE_END.test(after) ? KIND_BEFORE.find(([kind]) => kind.test(before))?.[1] : undefined)
}

// 什么级别, 几星, 啥档次: a grade is asked (省级二星级产业集聚区, 三甲医院), not the sentence that only repeats the name.
const ASKED_GRADE = /(什么|啥|哪个|哪一?)(级别|档次|等级)|几星|(什么|啥)级(?!别)|几级/

// Which one is the most (金额最大的是哪个项目, 哪家银行利率最低, 得分最高的乡镇是哪个), ranks last (排名里垫底的是哪个单位) or
// came first (哪个社区评了第一, 哪个队拿了冠军): one member against the others.
const EXTREME = '(?:最(?:多|少|高|低|大|小|早|晚|快|慢|长|短|强|好|差)|垫底|末位|排名(?:最后|靠后|末位)|(?:第一|头)名|第一(?=[？?。，,！!吗呢啊]|$)|冠军)'
const ASKS_EXTREME = new RegExp(`${EXTREME}[^，,。？?！!]{0,8}(?:哪|谁)|(?:哪|谁)[^，,。？?！!]{0,10}${EXTREME}`)

/** True when a question asks which member of a set is the most of something (预算最大的一笔是哪个项目). */
export function asksExtreme(question: string): boolean {
  return ASKS_EXTREME.test(question)
}

/** True when a question asks the grade of something (马寨产业集聚区是什么级别). */
export function asksGrade(question: string): boolean {
  return ASKED_GRADE.test(question)
}

// 效果咋样, 成效怎么样, 群众反响咋样, 最后结果如何, 得到了啥好处: how something turned out is asked, which the sentence that tells
// the outcome answers (形势取得较大改观, 群众纷纷点赞), not the one that only tells what was done.
const ASKED_OUTCOME = /(效果|成效|结果|反响|反应|评价|成绩|收效)[^，,。？?]{0,4}(咋样|怎么样|怎样|如何|好不好|大不大|明显吗)|最后(咋样|怎么样|如何)|(有|得到了?|带来了?|看到了?)(啥|什么|哪些)(好处|变化)/

/** What a question asks the outcome of, when it asks how something turned out: 效果 of 座谈会开得效果咋样, '' for 最后咋样. */
export function askedOutcome(question: string): string | undefined {
  const m = ASKED_OUTCOME.exec(question)
  return m ? (m[1] ?? '') : undefined
}

// 最后咋处理的, 后来处罚了没有, 怎么安置的, 咋清理的: how a thing found was dealt with is asked, which the sentence telling
// the handling answers (对拒不整改的流动商贩，则依法依规进行处理), whatever else the story's lead repeats of the question.
const ASKED_HANDLING = /(怎么|咋|如何|怎样)(处理|处置|处罚|解决|安置|整改|清理|弄|办)的?|(处罚|罚|处理|整改|解决|安置)了?(没有?|吗|么)/

/** The verb a question asks how something was dealt with by (处理 of 最后咋处理的), or undefined. */
export function askedHandling(question: string): string | undefined {
  for (const clause of askingClauses(question)) {
    const m = ASKED_HANDLING.exec(clause)
    if (m) return m[2] ?? m[3]
  }
  return undefined
}

// 下一步打算怎么搞, 接下来要营造啥, 往后要打造成个啥, 最终想让企业达到啥效果: what is planned or aimed at is asked,
// which the sentence telling the plan answers (下一步，…将加强调度; 着力营造…; 为下一步…打基础), not the story's opening.
// Said in the reader's own clause (以便我单位后续对接), it is why they ask, not what.
const ASKED_PLAN = /下一步|接下来|往后|今后|将来|打算|后面(想|要|准备)|最终(想|要)|打造成/

/** True when a question asks what is planned or aimed at (下一步打算怎么搞). */
export function asksPlan(question: string): boolean {
  return askingClauses(question).some((c) => ASKED_PLAN.test(c))
}

// 锦旗上写的是啥, 横幅上印着什么字, 绣的是哪几个字, 口号是什么: the words printed on something are asked, and only a
// sentence quoting them answers. Not a name's characters (名字到底是哪几个字), nor what another copy of the story writes
// (摘要写的是什么时候, the reader's version read as asked).
const ASKED_WORDING = /(?<!(?:摘要|稿子|稿件|原稿|原文|简报|通稿)[里上中]?)(写|印|绣|刻)(的|着|了)?(是)?(啥|什么)|(啥|什么)字|(?<!名字?[^，,。？?\s]{0,4})哪[几些]个?字|(标语|口号|题词|原话)(是|叫)?(啥|什么)/

/** What a question asks the printed words of (锦旗上写的是啥 → 锦旗): '' when it names nothing; undefined when it asks no wording. */
export function askedWording(question: string, words: string[]): string | undefined {
  const cue = ASKED_WORDING.exec(question)
  return cue ? (lastWordBefore(question, cue.index, words) ?? '') : undefined
}

/** How a reader reaches someone: the kinds of contact a question may ask for. */
export type ContactKind = 'phone' | 'email' | 'web' | 'app'

// 举报电话是多少, 热线号码, 邮箱地址是啥, 官网网址, 在哪个APP上能看, 公众号叫啥: asked, not told (打电话咨询了).
const ASKED_CONTACT: [ContactKind, RegExp][] = [
  ['phone', /(电话|热线|手机号?|号码)[^，。？?]{0,4}(多少|是啥|是什么|几号|哪个)|(多少|什么|啥)[^，。？?]{0,2}(电话|热线|号码)/],
  ['email', /(邮箱|电子邮件|e-?mail)[^，。？?]{0,4}(多少|是啥|是什么|地址|哪个)|(什么|啥)(邮箱|电子邮件)/i],
  ['web', /(网址|网站|官网|链接)[^，。？?]{0,4}(多少|是啥|是什么|哪个)|(什么|啥|哪个)(网址|网站|链接)/],
  // A platform built (搭个啥平台) is a kind of forum, not an app to look up.
  ['app', /(?<!(搭|搭建|建|建立|打造)[个一了]?)(哪个|什么|啥)(app|APP|App|小程序|公众号|平台)|(app|APP|App|小程序|公众号)[^，。？?]{0,3}(叫啥|叫什么|是啥|是什么|名字)/],
]

/** The kind of contact a question asks for (举报电话是多少 → phone), or undefined. */
export function askedContact(question: string): ContactKind | undefined {
  return ASKED_CONTACT.find(([, cue]) => cue.test(question))?.[0]
}

/**
 * The unit an amount question names (or 日 when a when-question asks for the day), as a pattern (多少套 → 套, 多少钱 → 元, 多少人 → 人|名|位), so
 * 四项工作 does not answer 省了多少钱.
 */
export function askedUnit(question: string, type: QuestionType = 'amount'): string | undefined {
  if ((type === 'time' || type === 'amount') && ASKED_FREQUENCY.test(question)) return FREQUENCY_UNIT
  if (type === 'time') {
    if (ASKED_DURATION.test(question)) return DURATION_UNIT
    if (ASKED_WEEKDAY.test(question)) return WEEKDAY_UNIT
    // The day asked where the question asks, not in a remark (前面日期写错了，…发行了多少钱).
    const day = askingClauses(question).some((c) => ASKED_DAY.test(c))
    if (ASKED_HOUR.test(question) && !day) return HOUR_UNIT
    return day ? '日' : undefined
  }
  if (type !== 'amount') return undefined
  const time = TIME_COUNT.exec(question)?.[1]
  // 钟头 is said; articles write 小时.
  if (time !== undefined) return time === '钟头' ? '个?(?:小时|钟头)' : `个?${time}`
  const m = ASKED_UNIT.exec(question)
  const unit = m?.[1]
  const counted = unit === '个' ? thingCounted(question, m!) ?? '' : ''
  if ((counted !== '' && countsPeople(counted)) || PEOPLE_DOING.test(counted)) return PEOPLE
  if (unit !== undefined) return formsOf(unit)
  // People counted with no counter at all (出动了多少养护人员, 有几党员参加) are counted in 人, 名 or 位 too.
  const bare = BARE_COUNT.exec(question)
  const people = bare ? COUNTED.exec(question.slice(bare.index + bare[0].length))?.[1] ?? '' : ''
  if (PEOPLE_NAMED.test(people) || PEOPLE_DOING.test(people)) return PEOPLE
  const magnitude = ASKED_MAGNITUDE.exec(question)?.[1]
  if (magnitude !== undefined) return magnitude
  // A share is asked as one, of people or of money (贷款中有多少比例用于…): told as 92%, not as a sum.
  // How much a share went up or down (报销比例提高了多少) is also told in points (提高了5个百分点).
  if (ASKED_SHARE.test(question)) return SHARE_CHANGE.test(question) ? '%|％|成|个?百分点' : '%|％|成'
  if (ASKED_AGE.test(question)) return '岁'
  // 参加人数是多少 asks a count of people; 家数, 份数 a count in that counter.
  if (/人数|人次/.test(question)) return PEOPLE
  const counter = COUNTER_NUMBER.exec(question)?.[1]
  if (counter !== undefined) return formsOf(counter)
  if (ASKED_MONEY.test(question)) return SHARE_CHANGE.test(question) ? MONEY_OR_SHARE : MONEY
  return undefined
}
