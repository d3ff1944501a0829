// Two things compared in one question (大学路的竞赛跟蜜蜂张的竞赛比，哪边上场的人多; 马寨的座谈会和大学路的竞赛，哪个早;
// 福华街的仪式和蜜蜂张的竞赛是不是同一天; 蜜蜂张的竞赛是在马寨座谈会之前还是之后): each may be told by a story of its own,
// which shares only half the question's words, so the question can be asked of each in turn (马寨的座谈会是哪天？
// 大学路的竞赛是哪天？) and the reader compares the two quotes.

/**
 * The questions a comparison is asked as, one per thing; `firstAlone` when the reader asked the first outright
 * (A有多少家，比B多吗), which is then answered without the second. A second thing whose figure the reader gives
 * (示范区减费降费是2亿，哪个大) is not asked.
 */
export interface AskedApart {
  things: [string] | [string, string]
  firstAlone: boolean
  /**
   * 'compared': the reader compares the two (哪个早, 比…多吗); 'each': asks one thing of each (A与B分别是多少);
   * 'again': asks more after a first question (…又是…, 差得远不), often of the same story; 'two': asks two
   * questions that may be of two stories (马寨座谈会请了几所高校 对接会来的是哪个学校).
   */
  kind: 'compared' | 'each' | 'again' | 'two'
}

/** One pattern of alternatives, each written on a line of its own so that it can be read. */
function anyOf(alternatives: string[]): RegExp {
  return new RegExp(alternatives.join('|'), 'u')
}

// What is compared: the date (哪个早, 谁先办的, 之前还是之后, 是不是同一天, 隔了几天).
const WHEN = anyOf([
  String.raw`(?:哪一?个|哪一项|哪一?场|哪件事?|哪一?次|哪边|谁)[^，,？?]{0,4}?(?:更早|更晚|先|在前|在后|靠前|靠后|早|晚)`,
  String.raw`孰先孰后|孰早孰晚|谁前谁后|谁先谁后|孰前孰后|哪天(?:在)?先`,
  // Not the order asked of one story's steps (按先后顺序列下).
  String.raw`(?<![按照依])先后顺序`,
  String.raw`(?:之前|之后|以前|以后)还是(?:之前|之后|以前|以后)`,
  String.raw`(?:之前|之后|以前|以后)[^，,]{0,3}?(?:吗|吧|呢|不|没有?)$`,
  String.raw`(?:是不是|是否|是)?(?:为|发生在|在)?同一天|(?:日期|日子|时间)一样|(?:是不是|是)?一天的事`,
  String.raw`(?:是不是|是)?同一个月|(?:是不是|是)?一个月(?:吗|不)$`,
  String.raw`(?:赶|撞)在?(?:同)?一天|是(?:同)?一天(?:吗|不)`,
  // Days apart (中间隔了几天, 晚了几天).
  String.raw`(?:中间)?(?:大概|大约)?(?:隔|差|相隔|间隔)了?(?:几天|几日|多少天|几个月|多久|多长时间)`,
  String.raw`(?:早|晚)了?(?:几天|多少天|多久)`,
  // A day the reader names for both (是不是都在6月19日), or the first's day asked of the second (也是那天吗).
  String.raw`(?:是不是|是否)都(?:在|是)\d{1,2}月`,
  String.raw`(?:是不是|是否)?也(?:是|在)?(?:那|这|同)一?(?:天|个月)\p{Script=Han}{0,3}?(?:吗|吧|不)?$`,
])
// Or who or which body each is of (是一个记者写的吗, 记者是不是同一个, 是不是同一个部门在做, 是同一条路吗, 是一家吗).
const SAME = anyOf([
  String.raw`(?:是不是|是|是否为)?(?:一回事|一码事)(?:吗|不|吧)?$`,
  String.raw`(?:(?:是不是|是否|是|有无)(?:为|同属|出自|由)?同?|(?:出自|由)?同)一(?:(?:个|条|家|所|位|名)(?:(?:区|市|\p{Script=Han}{0,2}?)(记者|作者|人|部门|单位|局|地方|路|企业|公司|学校|领导))?|(人))[^，,]{0,4}?(?:吗|不)?$`,
  String.raw`(记者|作者|通讯员|负责人|部门|单位|领导|署名)(?:是不是|是否|是|有)?(?:同一个?人|同一个|一个人|一样的人|同样的(?:两个|几个)?人|一样|相同|一致)(?:吗|不)?$`,
  // The one the reader names for both (记者是否都是郭树勋, 都是张改华写的吗).
  String.raw`(记者|作者|通讯员)(?:是不是|是否)?都(?:是|署的?|为)\p{Script=Han}{2,3}(?:吗)?$`,
  String.raw`(?:是不是)?都是\p{Script=Han}{2,3}(写|采写|报道)的(?:吗)?$`,
])
// Or an amount (哪个多, 哪边的人更多, 比…多吗, 多还是少, 差多少). The cue ends the question (哪个多啊), so 哪个大学 is none;
// 比B多吗 and 多还是少 say it after the second thing. Group 1 is what is counted (哪边上场的人多), group 2 the unit a gap
// is asked in (相差多少万元).
const HOW_MUCH = anyOf([
  String.raw`(?:哪一?个|哪一项|哪一方|哪边|哪一?场|哪样|哪种|谁)(?:的)?([^，,？?]{0,8}?)(?:更|比较)?(?<!最)(?:多|少|大|小|高|低|快|慢)(?:一点|一些|些)?(?=[啊呀呢吧]?$)`,
  String.raw`(?:多还是少|少还是多|高还是低|低还是高|大还是小|多不多|大不大|高不高|多好多|多多少|少多少|差多少|相差多少|孰高孰低|孰多孰少|孰大孰小)(?=[啊呀呢吧]?$)`,
  String.raw`(?:多|少|大|高|低)(?:吗|不|没有?)$`,
  String.raw`(?:是不是|是否)?(?:一样|相同|一致|对得上)(?:多)?(?:吗|不一样|不|没有?)?$|(?:是不是|是否)?相等(?:吗|不)?$`,
  String.raw`(?:请)?比较(?:一下)?(?:两者|二者|两个|这两个?|两边)\p{Script=Han}{0,4}$`,
  // A total (加起来多少, 合计约多少, 两数加总).
  String.raw`(?:加起来|加一块|加一起|合计|加总|(?<=[，,])(?:一共|总共|共计))(?:有|是)?(?:大约|大概|约)?(?:有|是)?(?:一共)?(?:多少|几)\p{Script=Han}?$|(?:两数|两项)?加总$`,
  // A gap, with its unit (相差多少万元, 多几家, 高出多少个百分点, 差距有多大).
  String.raw`(?:相差|差距|差额|差了?|多了?|少了?|多出|少出|高出|低出|高了?|低了?)(?:有|是)?(?:大概|大约|约)?(?:多少|几)(?:个百分点|(\p{Script=Han}{0,2}))$|差距(?:有)?多大$`,
  // Set against the first thing asked (…是不是比它多).
  String.raw`(?<=比(?:它|这个?|他们|她))(?:还|更)?(?:多|少|大|高|低)$`,
])
// The two things, joined (A和B, A跟B比, A与B相比, A比B, A，比B多吗, A是在B之前). 比 in 比赛, 比例, 大比拼 joins nothing.
const COMPARE = String.raw`(?<![评对大赛同相无类])比(?![赛例拼较重分”"」]|武(?=[大竞活赛练技场]|$))`
// 同 in 同比, 同期, 同时, 同一 joins nothing either, nor 与 in 参与, 和 in 总和 or 和谐, 跟 in 跟进.
const WITH = String.raw`同(?![比期时一])`
const AND = String.raw`(?<![参给授赋])与|(?<![总温共调缓])和(?![平谐睦])|跟(?![进踪随])`
const JOIN = new RegExp(String.raw`${AND}|${WITH}|加上|${COMPARE}|^是?在|是在`, 'u')
const JOINED = new RegExp(String.raw`^(.{2,}?)(?:[，,]?(?:${AND}|${WITH}|加上)|[，,]?(?:是不是)?${COMPARE}|[，,]?是在|[，,]在)(.{2,}?)(?:相?比(?:较|一比|起来)?)?$`, 'u')
// A clause the join opens (…，和B比), its thing then said in the clause before.
const OPENS_WITH_JOIN = new RegExp(`^(?:是不是)?(?:${AND}|${WITH}|加上|${COMPARE}|是?在)`, 'u')
// The second thing after the first is asked outright (…有多少家，比B多吗).
const SECOND_JOINED = new RegExp(`^(?:${COMPARE}|${AND})(.{2,}?)(?:相?比(?:较|一比|起来)?)?$`, 'u')
// 是先A，还是先B: the two things are the two guesses.
const WHICH_FIRST = /^(.*?)是?先(.{2,}?)[，,]?还是先(.{2,})$/u
// A是否早于B: so does the date's.
const EARLIER = /^(.{2,}?)(?:是否|是不是|是)?(?:早于|晚于|先于)(.{2,}?)(?:吗|呢)?$/u
// A，是否多于B; A，大约是B的几倍: so does the amount's. The comma parts the two things (超过多少台 asks one amount).
const MORE_THAN = /^(.{2,}?)[，,](?:是否|是不是|是)?(?:多于|少于|高于|低于|大于|小于|超过)(.{2,}?)(?:吗|呢)?$|^(.{2,}?)[，,](?:大约|大概|约)?是(.{2,}?)的(?:几|多少)倍(?:左右)?$/u
// A的通讯员和B的通讯员，有没有重合的: the members of each.
const OVERLAP_CUE = /(?:有没有|是否有|有无)(?:重合|重名|重叠|重复)的?\p{Script=Han}{0,2}$|(?:有)?(?:重合|重名|重叠)的?吗$/u
const OVERLAP = new RegExp(`^(.{2,}?)[，,]?(?:${OVERLAP_CUE.source})`, 'u')
// …是…的几倍: a multiple asked of two things already asked.
const MULTIPLE = /(?:大约|大概|约)?是[^，,]{0,10}的(?:几|多少)倍(?:左右)?$/u
// 写A的记者，也写了B吗: the byline of each.
const WROTE_BOTH = /^写(.{2,}?)的(?:记者|作者)[，,]?(?:是不是|是否)?也写了(.{2,}?)(?:吗)?$/u
// A与B分别是多少: what is asked of each follows 分别.
const EACH = /^(.{2,}?)[，,]?(?:分别|各(?=是|在|有|为|自|多少|几|哪))(.*(?:哪|几|多少|什么|啥|谁).*)$/u
// A有没有B多: the second thing sits inside the cue.
const AS_MUCH_AS = /^(.{2,}?)[，,]?有没有(.{2,}?)(?:那么|这么)?(?:多|大|高)$/u
// A有多少家，比B多吗: the first thing is asked outright, and its measure asks the second.
const ASKED_FIRST = /^([^，,]{2,}?(?:多少|几)[^，,]*)[，,]([^，,]{2,})$/u
// A question asked outright and then compared (…发成功了多少钱？示范区争取的扶持资金跟它比谁多): what points back at
// the first thing (跟它比, 比这个, 这俩, 两边), and a question word.
const BACK = /[跟和与比](?:它们?|这个|这|他|她|前面的?|上面的?)(?:相?比(?:起来)?)?|^(?:他|她|它)们?[和跟与]|这俩|这两个?|两边|两者|中间|俩/gu
const ASKS = /哪|几(?![十百千万])|多少|多[长久]|什么|啥|谁/u
// What a clause before the comparison asks of its own (哪个社区排第一，比去年多吗); 谁 may open the comparison (谁先办的).
const ASKS_WHAT = /哪|几|多少|什么|啥/u
const SET_BESIDE = /比|一样|同一|一个人|那天|这天|差|倍|里面|里头|在不在|包不包括|重名|重合|搞混|对一下/u
const ASKED_WORDS = /哪[天个些里儿位家所条]?|几[号点月天个]?|多少|什么|啥|谁|是|的|呢|吗/gu
// Questions end with a question mark, or in a chat with a space (武斌调研是哪天 现场会哪天 差几天).
const SENTENCE_BREAK = /[？?]+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u
// How a reader frames the question (请问, 就时间而言, 在增速上), which says nothing of either thing.
const OPENER = '(?:请问|想问一下|想问|请)?'
const FRAME = new RegExp(`^${OPENER}(?:比较|对比)?[，,:]?(?:(?:就|从|在)[^，,]{1,6}(?:而言|来看|上)[，,])?`, 'u')
// What the reader says a comparison is for (为撰写简报，想确认一下：), before a colon; not the two things (A稿、B稿：两篇…).
const PREAMBLE = /^(?![^：:]*[和跟与、])[^：:？?]{2,20}[：:](?!这?两)(?=.{10})/u
// Two things joined as an editor jots them: A vs B, A / B, A 跟 B, 发行额对减费金额, 采购金额加奖励资金.
const SHORTHAND_JOIN = /\s*(?:\b[vV][sS]\.?|[/／]|(?<=\s)[和跟与](?=\s))\s*|(?<=[数额量率])对(?![接于照比得不上应])|(?<=[数额量])加(?![强快大入紧])/gu
// Two stories listed with 、 (锦旗稿、绿化稿; 综合调研、智慧乡村两稿): a pair, not a list.
const LISTED_PAIR = /^([^、，,：:]{2,}?[稿篇]?)、([^、，,：:]{2,}?(?:两[稿篇]|[稿篇](?=[，,：:])))/u
// How the reader wants the answer put, after the question (请分别说出姓名, 请列出各自走访的企业).
const REQUEST_AFTER = /[？?。]\s*(?:请|并)(?:分别|各自|一并)?(?:说出|列出|给出|写出|注明|说明|告知|列举)[^？?。]*$/u
// A comparison asked for in so many words (请比较A与B): the amount of each, unless it says what is compared.
const COMPARE_ASKED = new RegExp(`^${OPENER}(?:比较|对比)`, 'u')
// A head the two share (蜜蜂张和大学路这两个街道的知识竞赛; 金水区和管城区今年的竞赛): each is that head's.
const SHARED_HEAD = /^(.+?)这?两[个场次件篇项家所条](.+)$/u
const PLACE = /^\p{Script=Han}{1,8}?(市|区|县|街道|镇|乡|村|办事处|社区|局|大学|学院)$/u
const CLAUSE_BREAK = /(?<=[，,])/u
const TIMES_ONLY = /^(?:今年|去年|上年|前年|往年|明年|以前|之前|上次|这次|同期|上半年|下半年|上月|上个月|本月|[跟和与比同])+$/u

/**
 * One question per compared thing, when the question compares two and asks nothing else
 * (A和B，哪个早 → A是哪天？ and B是哪天？), or asks the first outright (A有多少家，比B多吗 → A有多少家？ and B有多少家？).
 */
export function askedApart(text: string): AskedApart | undefined {
  const ask = text
    // A space inside a quoted name (“迎七一 展风采”) parts nothing.
    .replace(/“[^”]*”/gu, (quoted) => quoted.replace(/\s+/gu, '·'))
    .replace(/[？?！!。\s]+$/u, '')
    // A hint in brackets (参赛人数（每队几个人、几支队）) asks nothing of its own.
    .replace(/[（(][^）)]*[）)]/gu, '')
    .replace(REQUEST_AFTER, '')
    .replace(/[啊呀呢吧啦]$/u, '')
    .replace(FRAME, '')
    .replace(SHORTHAND_JOIN, '和')
    .replace(LISTED_PAIR, '$1和$2')
  const listed = askedThenCompared(ask)
  if (listed) return listed
  if (!SENTENCE_BREAK.test(ask)) return inOne(ask.replace(PREAMBLE, '').replace(/[：:]/gu, '，')) ?? (COMPARE_ASKED.test(text) ? amountsOf(ask) : undefined)
  // A space may part the clauses of one comparison too (蜜蜂张和大学路的竞赛 哪个先).
  return askedInTurn(ask) ?? (/[？?]/u.test(ask) ? undefined : inOne(ask.replace(/\s+/gu, '，')))
}

/** 请比较A的参会人数与B的参赛人数: the amount of each. */
function amountsOf(ask: string): AskedApart | undefined {
  const pair = !ASKS_WHAT.test(ask) && comparedPair(ask)
  return pair ? apart([`${pair[0]}是多少`, `${pair[1]}是多少`], false) : undefined
}

/** A comparison said in one sentence. */
function inOne(ask: string): AskedApart | undefined {
  return whichFirst(ask) ?? wroteBoth(ask) ?? asMuchAs(ask) ?? earlier(ask) ?? moreThan(ask) ?? overlap(ask) ?? each(ask) ?? byCue(ask) ?? withGapAfter(ask)
}

/** A和B哪个多，差几家: the gap asked after which is more asks no more of either. */
function withGapAfter(ask: string): AskedApart | undefined {
  const m = /^(.{4,}?)[，,、](?:大约|大概)?(?:相差|差距|差额|差了?|多了?|少了?|多出|高出)(?:有|是)?(?:多少|几)\p{Script=Han}{0,4}$/u.exec(ask)
  return m ? byCue(m[1]!) : undefined
}

/**
 * A question asked outright, then compared with another thing: …是哪天？…又是哪天？中间隔了几天 asks both in turn;
 * …发成功了多少钱？示范区争取的扶持资金跟它比谁多 asks the second as the first is asked (…有多少钱).
 */
function askedInTurn(ask: string): AskedApart | undefined {
  const sentences = ask.split(SENTENCE_BREAK).map((s) => s.trim()).filter(Boolean)
  const first = sentences[0]!
  const last = sentences.at(-1)!
  // A comparison, then more asked of the two (是在同一天吗？分别是上午还是下午？哪个在前？): the comparison is asked.
  const compared = inOne(first)
  if (compared && sentences.slice(1).every((q) => !namesOwn(q) || /^(?:分别|各)/u.test(q) || comparesOnly(q, first))) return compared
  // The things asked of each (A与B分别是多少？哪个更高) are asked in turn.
  const both = each(first)
  if (both) return both
  const when = sentences.length < 2 ? null : WHEN.exec(last)
  const cue = sentences.length < 2 ? null : (when ?? SAME.exec(last) ?? HOW_MUCH.exec(last) ?? OVERLAP_CUE.exec(last))
  // Two questions, each of a thing of its own (…是哪所高校？马寨座谈会又邀请了几所高校): both must be answered,
  // unless the second asks the same again of another thing (又).
  if (!cue && sentences.length === 2 && ASKS.test(first) && ASKS.test(last)) return /又/u.test(last) ? apart([first, last], true, 'again') : apart([first, last], false, 'two')
  // Three questions in a chat message (A营收多少 涨了多少？B涨多少): the last that names a thing of its own is of
  // the second story, the ones before of the first.
  if (!cue && sentences.length === 3 && sentences.every((q) => ASKS.test(q)) && namesOwn(last)) return apart([sentences.slice(0, 2).join('？'), last], false, 'two')
  if (!ASKS.test(first)) return undefined
  // A question, then a remark setting it beside another story (差得远不, 也是那天吗, 在不在里头, 是不是多好几倍):
  // the first is asked alone.
  if (!cue) return sentences.slice(1).some((r) => SET_BESIDE.test(r)) ? apart([first], true, 'again') : undefined
  const middle = sentences.length > 2 ? sentences.at(-2)! : ''
  // A middle question that names a thing of its own is the second thing (A是哪天？B又是哪天？中间隔了几天), unless the
  // last names a third (A是哪所学校？会后去了哪两家企业？和银行进的园区是一回事吗); one that names nothing (谁主持的 哪天？)
  // asks more of the first thing.
  if (ASKS.test(middle) && namesOwn(middle)) return /^(?:那)?(?:和|跟|与)\p{Script=Han}{3}/u.test(last) ? undefined : apart([first, middle], true)
  const asked = when ? '是哪天' : askedAs(first)
  // 那B呢 asks of B what the first asked (…多少人次了？那二七区的新增就业呢 哪个多).
  const likewise = /^(?:那|那么)?(.{2,}?)呢$/u.exec(middle)
  if (likewise) return apart([first, `${likewise[1]}${asked}`], true)
  const named = last
    .slice(0, cue.index)
    .replace(BACK, '')
    .replace(/^[，,\s]*(?:那|那么)?(?:跟|和|与|比)?|[，,\s]*(?:相?比(?:较|一比|起来)?)?[，,\s]*(?:是不是|是|呢)?[，,\s]*$/gu, '')
  // 今年跟去年比 compares one thing over time, which its story tells in the sentence the first question finds.
  if (TIMES_ONLY.test(named)) return undefined
  if (hanCount(named) < 2 || /\d/u.test(named)) return apart([first], true)
  return apart([sentences.slice(0, -1).join('？'), ASKS.test(named) ? named : `${named}${asked}`], true)
}

/**
 * Each thing asked outright, then the two compared in words that name neither (A是几号，B是几号，相差多少天？;
 * A请了多少人？B来了多少人？加起来大概有多少？): the questions before the comparison are asked, those that name
 * nothing of their own (涨了多少) with the one before.
 */
function askedThenCompared(ask: string): AskedApart | undefined {
  const parts = ask
    .replace(PREAMBLE, '')
    .split(/[，,？?]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
    .map((p) => p.trim())
    .filter(Boolean)
  const last = parts.pop()
  if (!last || parts.length < 2 || !parts.every((p) => ASKS.test(p)) || !namesOwn(parts[0]!) || !comparesOnly(last, parts.join(''))) return undefined
  const asked: string[] = []
  for (const p of parts) {
    if (namesOwn(p)) asked.push(p)
    else asked[asked.length - 1] += `？${p}`
  }
  return asked.length === 2 ? apart(asked as [string, string], true) : undefined
}

/**
 * Whether a question only compares (中间隔了几天, 哪边多, 前面是后面的几倍左右): beside its cue it names nothing, or
 * only what the questions before it named (安置房套数是企业数的多少倍).
 */
function comparesOnly(question: string, before: string): boolean {
  // A cue may follow another (哪件早，早几天).
  const clauses = question.split(CLAUSE_BREAK).map((c) => c.replace(/[，,]$/u, ''))
  const cues = clauses.map((c) => WHEN.exec(c) ?? SAME.exec(c) ?? HOW_MUCH.exec(c) ?? MULTIPLE.exec(c))
  if (!cues.every(Boolean)) return false
  const rest = clauses
    .map((c, i) => c.replace(cues[i]![0], ''))
    .join('')
    .replace(/中间|前后|两个|两者|这俩|二者|前面|后面|前者|后者|大概|大约|左右|一共|一起|那|是/gu, '')
  const named = [...rest].filter((c) => /\p{Script=Han}/u.test(c))
  return named.length <= 1 || named.filter((c) => before.includes(c)).length >= 0.7 * named.length
}

/** How a first question asks its thing, to ask the second the same way (有多少钱 → 有多少钱, 哪天 → 是哪天). */
function askedAs(first: string): string {
  if (/哪天|几号|几月|几点|什么时候|啥时候/u.test(first)) return '是哪天'
  if (/记者|作者|通讯员/u.test(first) && /哪|谁/u.test(first)) return '是哪个记者写的'
  const measure = /(?:多少|几)\p{Script=Han}{0,2}$/u.exec(first)
  if (measure) return `有${measure[0]}`
  // 定了多少家企业 counts in 家.
  const counter = /(?:多少|几)([个家所条项名位支次天人套件])/u.exec(first)
  if (counter) return `有多少${counter[1]}`
  const which = /哪[个所家条位]\p{Script=Han}{0,2}?(?=[的了吗呢组写]|$)/u.exec(first)
  if (which) return `是${which[0]}`
  if (/谁|叫啥|叫什么|名字/u.test(first)) return '是谁'
  return /多少|几/u.test(first) ? '是多少' : '是什么'
}

function byCue(ask: string): AskedApart | undefined {
  const when = WHEN.exec(ask)
  const same = when ? undefined : SAME.exec(ask)
  const much = when || same ? undefined : HOW_MUCH.exec(ask)
  const cue = when ?? same ?? much
  if (!cue) return undefined
  const before = ask.slice(0, cue.index)
  // A question that asks something else before the comparison (哪个社区排第一，比去年多吗) is answered as it is,
  // unless it asks the first thing's amount outright (有多少家，比B多吗).
  if (ASKS_WHAT.test(before)) return much ? askedFirst(before) : undefined
  const pair = comparedPair(before)
  if (!pair) return undefined
  const said = when ? SAID_OF_DATE : same ? (whoOf(same) === BYLINE_ASKED ? SAID_OF_BYLINE : SAID_OF_SIGNING) : SAID_OF_COUNT
  const thing = (p: string) => p.replace(said, '')
  const asked = (p: string) => (when ? '是哪天' : same ? whoOf(same) : amountOf(thing(p), COUNTED_BY.exec(p)?.[1] ?? much![1] ?? much![2]))
  return apart(pair.map((p) => `${thing(p)}${asked(p)}`) as [string, string], false)
}

// What the question word asks already, so each thing is asked without it: 数量 (报道数量 would draw another story's
// count), 日期, 执笔, and 记者 when the byline is asked. A count named by its measure (举措条数, 企业家数) is asked in that
// measure, as the story counts (544条可量化举措).
const COUNTED_BY = /(?<=\p{Script=Han}{2})的?([条个家项所件户支])数$/u
const SAID_OF_COUNT = anyOf([String.raw`的?(?:数量|数目)$`, COUNTED_BY.source])
const SAID_OF_DATE = /的?(?:日期|日子|时间)$/u
const SAID_OF_SIGNING = /的?(?:执笔|署名|采写)$/u
const SAID_OF_BYLINE = /的?(?:执笔|署名|采写|记者署名|记者|作者|通讯员)$/u

/** A有多少家，比B多吗 → A有多少家？ B有多少家？ */
function askedFirst(before: string): AskedApart | undefined {
  const m = ASKED_FIRST.exec(before.replace(/(是不是|是)?[，,\s]*$/u, ''))
  if (!m) return undefined
  const second = SECOND_JOINED.exec(m[2]!)
  if (!second) return undefined
  const measure = /(?:多少|几)\p{Script=Han}?/u.exec(m[1]!)![0]
  return apart([m[1]!, `${second[1]}有${measure}`], true)
}

/** A是否早于B → A是哪天？ B是哪天？ */
function earlier(ask: string): AskedApart | undefined {
  const m = EARLIER.exec(ask)
  return m ? apart([`${m[1]!.replace(/[，,]$/u, '')}是哪天`, `${m[2]}是哪天`], false) : undefined
}

/** 写A那篇的记者，也写了B那篇吗 → A那篇是哪个记者写的？ B那篇是哪个记者写的？ */
function wroteBoth(ask: string): AskedApart | undefined {
  const m = WROTE_BOTH.exec(ask)
  return m ? apart([`${m[1]}${BYLINE_ASKED}`, `${m[2]}${BYLINE_ASKED}`], false) : undefined
}

/** A是否多于B → A是多少？ B是多少？ */
function moreThan(ask: string): AskedApart | undefined {
  const m = MORE_THAN.exec(ask)
  if (!m) return undefined
  const [first, second] = m[1] ? [m[1], m[2]!] : [m[3]!, m[4]!]
  // A figure the reader gives (有没有超过200人) is checked against the one story, not asked as a second thing.
  return ASKS_WHAT.test(first) || ASKS.test(second) || /^[\d一二三四五六七八九十百千万两]/u.test(second) ? undefined : apart([`${first.replace(/[，,]$/u, '')}是多少`, `${second}是多少`], false)
}

/** A的通讯员和B的通讯员有没有重合 → A的通讯员是谁？ B的通讯员是谁？ */
function overlap(ask: string): AskedApart | undefined {
  const m = OVERLAP.exec(ask)
  const pair = m && comparedPair(m[1]!)
  if (!pair) return undefined
  const asked = (thing: string) => (/通讯员|记者|作者|领导|干部|人员?$/u.test(thing) ? '是谁' : '有哪些')
  return apart([`${pair[0]}${asked(pair[0])}`, `${pair[1]}${asked(pair[1])}`], false)
}

/** A与B分别在哪天举行 → A在哪天举行？ B在哪天举行？ Both are asked outright. */
function each(ask: string): AskedApart | undefined {
  const m = EACH.exec(ask)
  // 签了几份协议，分别是什么 lists the members of one count, not two things.
  const pair = m && !ASKS.test(m[1]!) && comparedPair(m[1]!)
  return pair ? apart([`${pair[0]}${m[2]}`, `${pair[1]}${m[2]}`], true, 'each') : undefined
}

/** 是先搞的扬尘督导，还是先开的营商环境会 → 扬尘督导是哪天？ 营商环境会是哪天？ */
function whichFirst(ask: string): AskedApart | undefined {
  const m = WHICH_FIRST.exec(ask)
  if (!m) return undefined
  const scene = m[1]!.replace(/[，,]$/u, '')
  const thing = (s: string) => s.replace(/^(?:[搞开办去做签发看]了?的?)/u, '')
  return apart([`${scene}${thing(m[2]!)}是哪天`, `${scene}${thing(m[3]!)}是哪天`], false)
}

/** 银企对接会后贷到的钱，有没有经开区的专项债多 → each is asked its amount. */
function asMuchAs(ask: string): AskedApart | undefined {
  const m = AS_MUCH_AS.exec(ask)
  if (!m || ASKS_WHAT.test(m[1]!)) return undefined
  return apart([`${m[1]}是多少`, `${m[2]}是多少`], false)
}

/** Whether a question names a thing beside what it asks (二七区的新增就业呢, not 哪天 or 涨了多少). */
function namesOwn(question: string): boolean {
  return hanCount(question.replace(ASKED_WORDS, '')) >= 3
}

function hanCount(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length
}

function apart(things: AskedApart['things'], firstAlone: boolean, kind: AskedApart['kind'] = 'compared'): AskedApart | undefined {
  // Each names a thing of its own beside what is asked of it (是哪天, 是多少).
  const named = things.every((t) => hanCount(t) >= 5)
  return named ? { things: things.map((t) => `${t}？`) as AskedApart['things'], firstAlone, kind } : undefined
}

/** The two things the clauses before the comparison join, each with the head they share. */
function comparedPair(before: string): [string, string] | undefined {
  const clauses = before.replace(/(?:(?:是不是|是否|是|在不)?(?:为|发生|在|出自|由)?|撞在?|的)[，,\s]*$/u, '').split(CLAUSE_BREAK)
  // The clause that joins them, and the one before when the join opens it (A，和B比).
  const end = clauses.findLastIndex((c) => JOIN.test(c))
  if (end < 0) return undefined
  const at = OPENS_WITH_JOIN.test(clauses[end]!) ? Math.max(0, end - 1) : end
  const joined = JOINED.exec(clauses.slice(at, end + 1).join('').replace(/[，,]$/u, ''))
  if (!joined) return undefined
  const first = joined[1]!.replace(/[，,]$/u, '')
  const second = joined[2]!.replace(/[，,]$/u, '')
  const pair = withSharedHead(first, second)
  // What the clauses before say (明湖办事处那次观摩，建城区社区跟村改居社区…) is said of both, and so is what the
  // clauses after say (A与B，署名通讯员分别是谁).
  const scene = clauses.slice(0, at).join('')
  const tail = clauses
    .slice(end + 1)
    .join('')
    .replace(/[，,]/gu, '')
    .replace(/^(?:这?两[者项个篇稿件回次]事?|二者)(?:之间)?/u, '')
  return pair.every((p) => hanCount(p) >= 2 && !TIMES_ONLY.test(p)) ? [scene + pair[0] + tail, scene + pair[1] + tail] : undefined
}

function withSharedHead(first: string, second: string): [string, string] {
  // 综合调研和智慧乡村两稿: the two are named whole.
  if (/.两[稿篇]$/u.test(second)) return [first, second.slice(0, -2)]
  const counted = SHARED_HEAD.exec(second)
  if (counted) return [`${first}${counted[2]}`, `${counted[1]}${counted[2]}`]
  const place = PLACE.exec(first)
  const name = place && new RegExp(`^\\p{Script=Han}{1,8}?${place[1]}`, 'u').exec(second)
  return name && name[0].length < second.length ? [`${first}${second.slice(name[0].length)}`, second] : [first, second]
}

/** How to ask a thing's amount: with what is counted (哪边上场的人多 → 上场的人是多少), unless the thing names it (人数). */
function amountOf(thing: string, counted: string | undefined): string {
  // 数量, 数字 say only that it is counted, and 报道数量 would draw another story's count.
  const what = (counted ?? '').replace(/^(的|是)|数字$|数量$|数目$/gu, '')
  // People counted by what they did (来的人, 上场的人) are asked as the story counts them: 来了多少人.
  const did = /^(\p{Script=Han}{1,3}?)的?人$/u.exec(what)
  if (did) return `${did[1]}了多少人`
  if (what === '人') return '有多少人'
  // A gap asked with its unit (多几家, 相差多少万元) asks each thing in that unit.
  if (/^(?:[个家所条项名位支次天]|万?元|亿元|小时)$/u.test(what)) return `${/元|小时/u.test(what) ? '是' : '有'}多少${what}`
  return `${thing.includes(what) ? '' : what}是多少`
}

const BYLINE_ASKED = '是哪个记者写的'
// Who wrote or signed a story (记者是不是同一个, 署名一致吗, 都是张改华写的吗): its byline.
const BYLINE_KINDS = new Set(['记者', '作者', '通讯员', '署名', '写', '采写', '报道'])
const COUNTER: Record<string, string> = { 路: '条', 企业: '家', 公司: '家', 学校: '所' }

/** How to ask who or which body a thing is of, by the kind the reader says both share (是一家吗 → 是哪家). */
function whoOf(same: RegExpExecArray): string {
  const kind = same.slice(1).find(Boolean)
  if (kind && BYLINE_KINDS.has(kind)) return BYLINE_ASKED
  if (kind === '人') return '是谁'
  if (kind === '负责人') return '是谁负责的'
  if (kind === '领导') return '是哪位领导'
  const counter = /一(个|条|家|所|位|名)/u.exec(same[0])?.[1]
  // 是一回事吗 names no kind: what each is.
  if (!kind && !counter) return '是什么'
  return `是哪${kind ? (COUNTER[kind] ?? '个') + kind : counter}`
}
