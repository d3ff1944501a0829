import { splitSentences } from '../ingest/index.js'
import { askedBody, askedContact, askedEvent, askedUnit, askedMembers, askedWording, askingClauses, asksForName, asksGrade, changedThing, clausesOf, countedThing, countQualifier, DEADLINE, foldText, isBodyKind, hasCommonSurname, isPersonWord, isPlanWord, isPost, POST, lastAskingClause, lastWordBefore, listedKind, loadLexicon, locatedThing, namedPerson, peopleCounted, periodsClash, periodsNamed, roadAsked, yearsClash, type PeriodsNamed, timedThing, tokenize, versionsOffered, type QuestionPart, type WeightedWord } from '../retrieve/index.js'
import { focusOf, mentions, type Asked, type Candidate } from './evidence.js'
import { countsInClause, countsWholeList, givesAmountReached, givesContact, givesGrade, givesPostOf, hasFactFor, indicesOf, isPointing, levelsClash, listsAsMany, namesAskedBody, namesPerson, namesPlace, namesRoad, namesTwoOf, TEACHING } from './facts.js'
import { aboutQuestion, FACT_COVERAGE, FACT_REQUIRED, inContext, textIn, type Scored } from './scored.js'
import { asksForVisits, tellsVisitStop, visitStops } from './visits.js'

// Whether the evidence gives the kind of fact a question asks (an amount of what it counts, the date of the event it
// names, a winner, a person's name, a body, a place, a penalty): the checks that let the extractive answerer refuse
// a question about a story that is in the paper but does not say.

// The share of the question's words a sentence must hold for the body it names to be the one asked for.
const BODY_COVERAGE = 0.4

// A word that names a contest (初心杯, 知识竞赛, 大比武, 评选).
const CONTEST = /赛|杯|比武|评比|评选/

// The first item of a list told a sentence each: 一是…, 第一…, （一）….
const ENUMERATION_FOLLOWS = /^[\s。；;：:]*(一是|第一|其一|首先|（一）|\(一\)|1[.、．])/

// The members of a counted set, listed right before the count (区城管局、区税务局五家单位, 康桥华城社区、嵩山社区等6支
// 代表队) or introduced right after it (三项活动，即自查整改活动、百分考核活动); not a list of something else
// beside it (导师及集聚区内3所高校负责人、部分企业代表, 市级文明单位9家、区级7个).
const LISTED_BEFORE = /、[^、，,。；;的]{1,10}?(等|共|这)?$/

const LISTED_AFTER = /^[^、，,。；;]{0,10}?([：:（(]|[，,]?\s*(即|分别是|分别为|包括|主要有|主要是|具体是|有))[^。]*[、；;]/

// Words quoted: “不忘初心”, 「为民服务」.
const QUOTED = /“[^”]{2,}”|「[^」]{2,}」|"[^"]{2,}"/

const WON = /(获得|荣获|夺得|摘得|斩获|取得|获)[^，。；]{0,12}(冠军|亚军|季军|第[一二三1-3]名|[一二三特]等奖|[金银铜]奖)|夺冠|获胜|胜出/

// Deeds a story names the doer of whenever it tells them (王宏伟主持召开…; 郑老师向大家讲解了…), each as
// asked and as told, and a question that checks the reader's own version of who did it (是不是纪工委书记主持的).
const DEEDS: { asked: RegExp; told: RegExp }[] = [
  { asked: /主持/, told: /主持/ },
  { asked: /致辞/, told: /致辞/ },
  { asked: /宣读/, told: /宣读/ },
  { asked: /通报/, told: /通报/ },
  { asked: /讲的?课|授的?课|上的?课/, told: new RegExp(`${TEACHING.source}|党课`) },
]

const CHECKS_VERSION = /是不是|吗/

// A person leading a group's visit: 带队, 带领…一行, 率队.
const LED = /带队|带领|率队|率领/

// A plan or an order the story reports (确保9月底前建成通车, 要求相关部门…, 加快完成申报): not what came of it, unless it says
// the thing is still to come (决赛将择期进行), which answers whether it has happened, or that a result was reached (…取得较大
// 改观). The 将 of a plan is followed by when or how (将于, 将继续, 将全力); the 将 of 将一面锦旗送至 only moves a thing.
const PLAN = '确保|力争|争取|计划|预计|拟|将(?=于|在|会|要|是|成为|继续|进一步|持续|全力|加快|不断|逐步|着力|全面|力争|择期|以|按照|对|为|进行|开展|实现|建成|完成|启动|推进|投入|达到)|要(?!求)|加快|下一步'
const PLANNED_ONLY = new RegExp(`^(?!.*(择期|尚未|还未|正在|(?<!确保|力争|争取)(取得|得到)了?[^，,。；;]{0,4}(较大|明显|显著|有效|很大|长足)))(?=.*(${PLAN}))`)

// What came of it later (后来通车了吗, 后来整改到位了没有) is told by a result (已完成, 建成, 显著, 依法依规进行处理) or word that
// it is still to come (尚未, 择期), not by the plan or the order the story reports (确保9月底前建成通车, 要求相关部门…).
const LATER: DetailAsked = {
  asked: /^(?!.*(多少|几)).*(后来|事后|到后来|后续|最后|最终)[^，,。？?]*(了吗|了没有?|没有|怎么样|咋样|如何|有没有|是否|成功)/,
  told: /已完成|完成率|全部完成|顺利完成|建成|竣工|通车|投用|投入使用|开业|成功|显著|明显|改观|好评|点赞|满意|好转|恢复|下降|减少|提升了|提高了|处理|处罚|评为|获评|荣获|授予|入选|尚未|还未|正在|择期/,
  unless: PLANNED_ONLY,
}

// Details a story tells only in so many words, or not at all: what a person did before or after it (之前在哪个单位
// 干的, 后来调到哪里, 分管哪块: 曾任, 调任, 分管), not told by a story that names them at a meeting; and which
// pesticide or fertiliser was used (喷的是什么药), told only by its name (吡虫啉, 多菌灵), not by 喷药 alone.
const TOLD_IN_WORDS: DetailAsked[] = [
  { asked: /调到|调任|调去|调走|(之前|以前|原来)[^，,。？?]{0,8}(在|是|干|当)/, told: /调任|任职|曾任|历任|原任|调往|调至|此前|曾在|先后在/ },
  // 分管 as a word, not the 分 and 管 of 划分管理.
  { asked: /(?<![划区])分管(?!理)/, told: /(?<![划区])分管(?!理)/ },
  { asked: /(什么|啥|哪种|哪一种)\s*(农药|药物|药剂|药|杀虫剂|化肥|肥料)/, told: /\p{Script=Han}{2,}(啉|灵|锌|津|菌素|霉素|菊酯|合剂|多液|乳油|粉剂|水剂|悬浮剂)/u },
  // Whether or what an agreement was signed (签合作协议没有, 协议签了几年) is told by its signing, not by talks about working together.
  { asked: /签[了没订署约]?[^，,。？?]{0,8}(协议|合同)|(协议|合同)[^，,。？?]{0,6}(签|期限|几年)/, told: /签订|签约|签署|签下|签了/ },
  // Which ones were chosen (评出来的精品点位是哪几个, 谁评上了) is told by the choice, not by the plan to choose (推荐一个精品点位).
  { asked: /(评|选)(出来|出|上)了?的?[^，,。？?]{0,10}(哪|谁)|(哪|谁)[^，,。？?]{0,6}(评上|选上|入选|当选)/, told: /被评为|获评|评为|评选出|评出|选出|入选|当选|荣获|命名为|授予/ },
  // Whether an event is over (竞赛办完没, 调研做完了吗) is told by the report that it was held (6月19日…组织开展了…竞赛活动);
  // not a stage of it the reader names (竞赛的决赛办完了没有), which the rule after reads.
  { asked: /(?<!决)(竞赛|比赛|会议?|活动|培训|演练|仪式|观摩|调研|座谈)[都也已经]{0,2}(办|开|搞|比|做|举办|举行)完了?(吗|没有?|了没)/, told: /举办|举行|召开|开展|组织|落下帷幕|结束|择期|尚未|还未/ },
  // Whether it is all done (全部完成了吗, 干完了没有) is told by how much is done (已完成544条，完成率100%, 完成全年任务的66.3%),
  // a deed reported done (完成与管城区…的委托) or one still to come (择期进行决赛), not by the task alone.
  { asked: /(完成|干完|做完|弄完|办完|完工|竣工|建成|建好|修好|修完)了?(吗|没有?|了没)/, told: /已完成|已经完成|完成率|全部完成|均已完成|已全部|已基本|顺利完成|完成了|完成(?=与|对)|完成[^，,。；;]{0,12}\d+(?:\.\d+)?[%％]|已建成|已竣工|已完工|已投用|投入使用|尚未|还未|未完成|正在|择期/ },
  // Online or on site (线上还是线下) is told by the one it was (线上线下相结合, 现场), not by the event alone.
  { asked: /(线上|网上|视频)[^，,。？?]{0,4}还是[^，,。？?]{0,4}(线下|现场)|(线下|现场)[^，,。？?]{0,4}还是[^，,。？?]{0,4}(线上|网上|视频)/, told: /线上|线下|网上|网络|视频|直播|云|现场|实地/ },
  // Whether it won an honour (文明城市评上了没, 获评了吗) is told by the honour, or that it is still to come, not by how the
  // work improved (显著提升).
  { asked: /(评上|评为|获评|评到|选上|入选|获得?[^，,。？?]{0,6}称号)[^，,。？?]{0,10}(了吗|了没有?|没有?|吗)$/, told: /被评为|获评|评为|荣获|授予|命名为|入选|当选|称号|尚未|还未|正在|择期/ },
  LATER,
  // Why a place is called so (为什么蜜蜂张街道叫蜜蜂张, 马寨这名字咋来的) is told by where the name comes from, not by a story there.
  { asked: /(为什么|为啥|为何)[^，,。？?]{0,8}叫(?!停)|名字[^，,。？?]{0,4}(怎么|咋)来|由来|来历/, told: /得名|名字(来源|来自|源于|取自)|由来|来历|取名|故名|之称/ },
  // How those there felt (比赛的时候紧不紧张, 小贩开心吗) is told only in words of that feeling.
  { asked: /紧不紧张|紧张(吗|不)/, told: /紧张/ },
  { asked: /开不开心|开心(吗|不)|高不高兴|高兴(吗|不)|激不激动|激动(吗|不)/, told: /开心|高兴|喜悦|欢乐|欢喜|欢声笑语|激动|兴奋/ },
  { asked: /(什么|啥)(心情|感受)|(心情|感受)(怎么样|如何|咋样)/, told: /开心|高兴|喜悦|激动|感动|心情|感受|获得感|幸福感|满意|点赞|好评/, unless: PLANNED_ONLY },
  { asked: /累不累|累(吗|不)|辛不辛苦|辛苦(吗|不)|怕不怕|害怕(吗|不)/, told: /累|辛苦|疲|害怕|恐惧|担心/ },
  // Whether people backed it or were willing (村民都支持吗, 有没有人不愿意拆, 大企业有没有意见) is told only in words of their
  // stance (拥护, 纷纷点赞, 送来锦旗), not by the story of the measure nor by what the government 支持.
  {
    asked: /支不支持|支持(吗|不|没)|赞不赞成|赞成(吗|不)|反对(吗|不)|愿不愿意|愿意(吗|不)|不愿意|有没有意见|有意见(吗|没|不)|满意(吗|不)|满不满意/,
    told: /拥护|赞成|反对|愿意|满意|认可|点赞|好评|称赞|感谢|锦旗|一致认为|纷纷(表示|说)|踊跃/,
    unless: PLANNED_ONLY,
  },
  // Whether it was of use (看了觉得有用吗, 管不管用) is told by its effect (进一步提高了…业务技能) or by what those there said of it.
  { asked: /(觉得|感觉)[^，,。？?]{0,4}(有用|管用)|有用(吗|没|不)|有没有用|管用(吗|不|没)/, told: /效果|成效|显著|作用|(提高|提升|增强)了|纷纷(表示|说)|达到/, unless: PLANNED_ONLY },
  // How satisfied people were (群众满意度如何) is told by a rate of it, not by the praise of one occasion (群众纷纷点赞).
  { asked: /满意度/, told: /满意(率|度)(达到?|为|超过)?\s*\d/ },
]

// What happens to those who break a rule (怎么罚, 会受到啥处分, 怎么追责, 罚了多少) is told by a penalty or a sanction
// (处以罚款, 纳入黑名单, 通报, 依法依规进行处理), not by the rule itself or the inspection that checks it; besides any
// amount asked (罚多少钱 wants the sum too). How a case was handled (灭火器过期了怎么处理的) is any step taken.
const ASKS_PENALTY = /(怎么|咋|如何)(罚|处罚|处分|问责|追责|惩处|惩罚)|罚[款了]?[^，,。？?]{0,4}(多少|几)|(啥|什么|哪些|何种)[^，,。？?]{0,4}(处分|处罚|惩罚|惩处)|(被|受到?)[^，,。？?]{0,4}(处分|处罚|问责|追责|约谈|惩处|罚)/

const TELLS_PENALTY = /罚|处分|问责|追责|追究|约谈|诫勉|通报|处理|处置|黑名单|扣分|扣除|惩|查处|移送|立案|停业|停产|责令|吊销|取消|曝光|计入|纳入/

// Where the money came from or who pays (钱是从哪来的, 资金怎么筹措, 谁出钱, 商户自己掏还是街道补) is told by a source of
// funds (申请项目资金, 财政拨款, 出资, 补贴), not by the work it pays for (实地察看…建设情况) nor by a sum alone.
const ASKS_FUNDING = /(钱|资金|经费|费用)[^，,。？?]{0,8}(怎么|咋|如何|从哪|打哪|哪来|哪儿来|哪里来|谁|哪家|哪个|来源|筹|出资|掏|补)|(谁|哪家|哪个单位|哪个部门|自己)[^，,。？?]{0,4}(出资|出钱|掏钱|买单|拨款|掏)/
const TELLS_FUNDING = /资金|经费|出资|投资|拨款|拨付|财政|筹资|筹措|筹集|自筹|补贴|补助|专项|债券|投入|预算|买单|承担|费用|掏|赞助|捐/

// Whether something costs or pays (摆摊收不收钱, 要交费吗, 有补贴不, 评好了有奖没, 发了什么奖品) is told by a fee, a reward or a
// sum (免费, 补贴, 奖励, 200元), not by the event the question names: a story that leaves money out does not answer it.
const ASKS_CHARGE = /收不收钱|要不要(交|缴|花)?钱|(交|缴|收|付)(钱|费)|收费|免费|(有|发|给)(啥|什么)?奖(?!励机制)|奖品|奖金|补贴(吗|不|没)|(有|给|发)(没有)?补贴|\p{Script=Han}{2}费(谁|是|多少|怎么|咋)/u
const TELLS_CHARGE = /费|钱|奖|补贴|津贴|补助|补偿|资金|经费|元/

// What only a sentence of its own kind tells, whatever else the question asks: a penalty, a source of funds, a fee or reward.
// A fee or reward asked beside another question (上场多少人，奖金有多少钱) is that part's to answer, not the whole's: it holds
// only when every clause asks it.
const TOLD_BY_KIND: { asked: RegExp; told: RegExp; everyClause?: boolean }[] = [
  { asked: ASKS_PENALTY, told: TELLS_PENALTY },
  { asked: ASKS_FUNDING, told: TELLS_FUNDING },
  { asked: ASKS_CHARGE, told: TELLS_CHARGE, everyClause: true },
]

// What a body or a person does (区开放办是干啥的, 主要负责什么, 是个啥机构) is not told by a sentence that only lists it
// among others (联合区工信局、区开放办、区投资促进局等职能部门; 赴郑煤机、安图生物开展对接).
const ASKS_WHAT_IT_DOES = /(是|主要)?(干啥|干什么|做什么|做啥|干嘛)的|(主要)?(负责|管)(什么|啥|哪些)|主要(生产|做|经营|从事)(什么|啥)|是(个|一个)?(啥|什么)(机构|单位|部门|组织|公司|企业)/

const LISTED_BEFORE_NAME = /、[区市县]?$/

const LISTED_AFTER_NAME = /^(、|等|和|及|与)/

// The names one meeting goes by (那个大会 of 召开…会议).
const MEETING_NAME = /大会|会议/

// Asked which building or floor (哪栋楼, 几楼; not 哪个楼盘), and a building or floor named (办公楼, 创业大厦, 三楼).
const ASKS_BUILDING = /(哪[栋座幢个]|几号)楼(?![盘市])|哪一?层|几楼/

const BUILDING = /\p{Script=Han}{1,8}(楼|大厦)(?![盘市])|[\d一二三四五六七八九十]+\s*[楼层]/u

// Asked a person's post (什么职务, 啥官, 担任什么).
const ASKS_POST = /(什么|啥|哪个|何)(职务|职位|官职|头衔|官)|担任什么|是干(什么|啥)的/

// Asked where an event was held (在哪开的, 在什么地方举办, 举办地点), not which one of a kind (在哪个社区搞的), and a venue
// told: a place the event was held at (在郑州供电段组织开展, 于…召开, 来到…) or a building of one (瑞庭酒店, 会议室). A meeting
// the news says was called (召开王庄村推进会) tells no place, though its name holds one.
const ASKS_VENUE = /(在哪(?![个家所条座些])|在哪个地方|在什么地方|哪里|哪儿)[^，,。？?]{0,4}(开|举行|举办|办|召开|搞|进行|比)|(举办|举行|召开|开会)的?(地点|地方)|^(地点|场地)(是)?在?(哪|什么地方)/
const VENUE = /(在|于|到|赴|走进|来到)[^，,。；;]{2,16}?(组织|开展|召开|举行|举办|进行|参加|观摩|调研)|酒店|宾馆|会议室|礼堂|广场|公园|大厅|体育馆|会议中心|活动中心/

// Asked when something is finished, opened or handed over (啥时候之前全部完成, 哪年全面上线, 截止到哪天), and the words that tell it
// (确保9月底前全部建成通车).
const ASKS_FINISHED = /(什么时候|啥时候|什么时间|啥时间|何时|哪天|哪年|哪月|几月|几号|多久)[^，。？?]{0,6}(弄完|干完|完工|完成|建成|建好|修好|弄好|竣工|通车|投用|投产|交付|交房|开业|开通|开放|落成|上线|启用|结束|截止)|(截止|结束|完工|竣工)(到|于|在)?(什么时候|啥时候|何时|哪天|哪一天|几号|几月)/

const TELLS_FINISHED = /完成|完工|建成|建好|竣工|通车|投用|投入使用|投产|上线|启用|交付|交房|开业|开通|开放|落成|结束|截止|底前|前全部|[至到]\s*(\d{4}\s*年|今年|明年)?\s*(\d{1,2}\s*月|年底|年末)/

// How much more or less than before or than another (比去年多分了多少套, 比第二名多多少): told by a change or a
// comparison (同比增长8.2%, 提高了5个百分点, 是2019年的1.86倍), not by this year's figure alone, or by both figures
// side by side when the other is a thing the article counts too (企业比银行多多少家: 参会企业近150家，参与银行机构近20家).
const COMPARISON = {
  asked: /比(?![例重赛如较率])[^，,。？?！!]{0,12}?(多|少|增加|增长|提高|降低|减少|涨|降|高|低|快|慢|提前|推迟)\p{Script=Han}?了?(多少|几)/u,
  told: /同比|环比|比(?![例重赛如率])|较|增|提高|提升|上升|上涨|下降|减少|降低|幅|倍|百分点|多出|提前|推迟|翻/,
}
// Amounts worked out from others, each as asked and as a sentence tells it: how many are left (还剩多少套没分: 尚有600套
// 待分配, not 已分配3636套), an average (平均每人服务了多少小时: 人均, 日均, not 35万人次 and
// 200万小时), a share (占了多大比例: 占比, 62.5%) and a comparison. An article that prints only the figures it would be
// worked out from does not answer, unless the reader asks to work it out (大概算下).
const DERIVED_AMOUNTS: { asked: RegExp; told: RegExp }[] = [
  { asked: /还剩|剩下|剩余|还有(?!没有)[^，,。？?！!]{0,12}(没|未)/, told: /剩|尚未|未|没有|还有|待|余下/ },
  { asked: /平均|人均|户均/, told: /均/ },
  { asked: /占了?(多大|多少|几成)?(比例|比重)|占比(多少|是多少|几)|百分之几/, told: /%|％|比例|比重|占/ },
  COMPARISON,
]
// What a figure is compared with (企业比银行多多少家 → 银行).
const COMPARED_WITH = /比([^，,。？?！!\s]{1,6}?)(?:多|少|高|低|快|慢)/
const FIGURE = /\d+(?:\.\d+)?\s*[^\d\s，,。；;、]/g

/** True when a sentence prints the figure of what the question compares with beside another (参会企业近150家，参与银行机构近20家). */
function printsBoth(question: string, sentence: string): boolean {
  const other = COMPARED_WITH.exec(question)?.[1]
  return other !== undefined && sentence.includes(other) && (sentence.match(FIGURE) ?? []).length >= 2
}

const WORKS_IT_OUT = /算一?下|估算|大概算/

// A category named with 类 (棚改类专项债报了几个项目): a count of the whole kind does not answer it. Not 多少类, 几大类,
// 各类, 类似 or 类型. The article may name the kind without 类 (文化类企业 told as 文化企业).
const CATEGORY = /([^\P{Script=Han}多少几各等这那哪些大每]{2})类(?![似型别])(\p{Script=Han}{0,2})/u

/** True when a text names the category a question asks of, with 类 or without it (文化类企业 or 文化企业). */
function namesCategory(text: string, category: RegExpExecArray): boolean {
  const [, kind, after] = category
  return text.includes(`${kind}类`) || (after!.length > 0 && text.includes(kind! + after))
}

const ASKS_NEXT = /明年|下一[届次期步场轮批]|下[届次回期轮]/
const ASKS_REACHED = /已|到现在|到目前|至今|迄今|截至|截止|目前/

export const TELLS_PLAN = /明年|下一[届次期步场轮批]|下[届期轮]|将于|将在|计划|拟|预计|择期/

/**
 * False when the question asks for a kind of fact (an amount of what it counts, a date of the event it
 * names, a winner, a person's name, a body or place of the kind it names) that no sentence about it gives.
 */
export function givesAskedFact(asked: AskedFor, scored: Scored[], candidates: Candidate[], manyParts = false): boolean {
  const textOf = textIn(candidates)
  const gives = factCheckOf(asked, candidates)
  // The fact is given in an article that names the local bodies and places the question names (the lexicon's):
  // 森防办's training is not answered by 五里堡街道's drill (60余人), however much else the two share.
  // Not one the reader offers as their version to be checked (是经开区管委会6月1号开的吧): the article may name another.
  const offered = versionsOffered(asked.whole ?? asked.text)
  const localNames = (text: string) => {
    const ofQuestion = text.split(CLAUSE_BREAK).filter((c) => !READERS_OWN.test(c))
    return asked.words.filter(
      (w) =>
        w.docs > 0 &&
        isLocalBody(w) &&
        ofQuestion.some((c) => c.includes(w.text)) &&
        !offered.some((v) => v.includes(w.text)),
    )
  }
  // A part that names none (完成率几成？) asks of those the question named before it (建设局巡察整改…).
  const own = localNames(asked.text)
  const names = own.length > 0 || !asked.before ? own : localNames(asked.before)
  // Each candidate's headline and text, folded once: the checks below read them sentence by sentence.
  const stories = new Map<number, string>()
  const storyOf = (c: number) => stories.get(c) ?? stories.set(c, foldText(`${candidates[c]!.title}\n${candidates[c]!.text}`)).get(c)!
  const namesAll = (e: Scored) => names.every((w) => mentions(storyOf(e.candidate), w))
  const about = aboutQuestion(scored)
  if (toldOnlyAsPlanned(asked.text, asked.words, candidates)) return false
  // The article of the best sentence: whose remarks, or which list, the answer would quote.
  const bestQuoted = candidates[scored[0]?.candidate ?? 0]
  if (speakerUnquoted(asked.text, asked.words, bestQuoted)) return false
  if (noOthersBeside(asked.text, asked.words, bestQuoted)) return false
  // Who went on a visit (去地铁3号线工地督导的是哪位领导) is who the best story's lead says led it (纪工委书记武斌…带队
  // 开展综合督导调研), though the sentence of the stop (督导组一行来到地铁3号线施工现场) names no one.
  const ledVisit = (s: Scored) =>
    asked.type === 'person' &&
    s.candidate === scored[0]?.candidate &&
    LED.test(textOf(s)) &&
    leadOf(candidates[s.candidate]!).includes(textOf(s)) &&
    scored.some((o) => o.candidate === s.candidate && about(o) && tellsVisitStop(textOf(o)))
  const answering = gives && scored.find((s) => (about(s) || ledVisit(s)) && gives(s) && namesAll(s))
  if (gives && !answering) return false
  // The best sentence giving the amount or date tells of another stretch of time (今年1~6月 for 去年全年, 上半年 for
  // 下半年, 第二季度的观摩 for 一季度那次); so may the best sentence about a question asking no amount (22年下半年营收咋样).
  const told = asked.type === 'amount' || asked.type === 'time' ? answering : scored.find((s) => inContext(s) >= FACT_COVERAGE)
  const periods = periodsAsked(foldText((asked.before ?? '') + asked.text))
  const toldPeriods = told && periodsNamed(foldText(textOf(told)))
  if (toldPeriods && periodsClash(periods, toldPeriods)) return false
  // Or of another year than the question's 去年 or 前年, counted from the year of the story's issue.
  if (told && toldPeriods && yearsClash(yearsAsked(asked.text), toldPeriods, periodsNamed(storyOf(told.candidate)), yearOf(candidates[told.candidate]!.date))) return false
  // So may it tell of another level (市级文明单位 for 省级), or rank in another whole (全市 for 全省).
  if (told && levelsClash(asked.text, textOf(told))) return false
  if (!listsMembers(asked, scored, candidates)) return false
  if (!listsKind(asked, scored, candidates)) return false
  // Of a question in several parts, the body is asked by one part (具体修的是哪几条路) and checked with it.
  const body = manyParts ? undefined : askedBody(asked.text)
  if (!body) return true
  // The body is named in a sentence about the question, or in the lead of its best article (近日，公安部交通管理局
  // 发布…); one named in a sentence that says little of it (a firm the inspectors visited next) is not the one asked for,
  // nor one in the role asked of another story that does not name the local bodies asked of (五里堡's teacher for
  // 森防办's training).
  const best = scored[0] && candidates[scored[0].candidate]!
  // The clause that asks it (…会议上，哪几家单位作了典型发言) is what the sentence must be about: the clauses
  // before it tell which story, which the article's other sentences already hold.
  const clause = askingClauses(asked.text).find((c) => askedBody(c))
  // All of its words count, those no article holds too, but not the kind asked (单位), which any body's name fills.
  const ofClause = asked.words.filter((w) => clause !== undefined && clause.includes(w.text) && !isBodyKind(w.text) && !w.text.includes(body.kind))
  const clauseWeight = ofClause.reduce((sum, w) => sum + w.weight, 0)
  // The role asked (来讲课) is told in the sentence's own words for it (讲解).
  const aboutClause = (s: Scored) => {
    const read = foldText(textOf(s))
    const told = (w: WeightedWord) => mentions(read, w) || (w.text === body.role && namesAskedBody(body, textOf(s)))
    return clauseWeight > 0 && ofClause.reduce((sum, w) => sum + (told(w) ? w.weight : 0), 0) / clauseWeight >= BODY_COVERAGE
  }
  // A sentence of another story names the body asked only where that story holds every word of the question the best
  // story holds: a sentence on the meeting's opinions (会前共牵头征集…) names no one who led the banks' visits to the parks.
  // A sentence of the best story with a word of what the body asked did names it, sharing few other words of the question
  // (哪些社区进了决赛 → 康桥华城社区、嵩山社区等6支代表队…进入决赛).
  const asking = asked.words.filter((w) => w.docs > 0 && [...w.text].length > 1 && !isBodyKind(w.text))
  const topic = best ? asking.filter((w) => mentions(storyOf(scored[0]!.candidate), w)) : []
  const ofStory = (s: Scored) => s.candidate === scored[0]!.candidate || (namesAll(s) && (body.role !== undefined || topic.every((w) => mentions(storyOf(s.candidate), w))))
  // What it did is said after the kind (哪些社区进了决赛); asked of nothing done, the scene is said before it where it is asked
  // (周边在建的是哪两条路), or else in the headline the reader quotes (看到“郑大二附院周边道路9月底建成通车”，具体是哪几条路).
  const kindClause = askingClauses(asked.text).find((c) => c.includes(body.kind)) ?? ''
  const kindAt = kindClause.lastIndexOf(body.kind)
  const quoted = [...asked.text.matchAll(/[“"「【]([^”"」】]+)[”"」】]/gu)].map((m) => m[1]!).join('，')
  // The deed's rarest word is told, and one no article holds is said another way with a character of it (打入决赛 → 进入
  // 决赛); 作了表态发言 is not 作了典型发言, 评了第一 not 第二季度观摩. Of the scene, one word is enough.
  const deed = asked.words.filter((w) => [...w.text].length > 1 && !isBodyKind(w.text) && kindClause.slice(kindAt + body.kind.length).includes(w.text))
  const rarest = deed.filter((w) => w.docs > 0).sort((a, b) => a.docs - b.docs)[0]
  const scene = [kindClause.slice(0, Math.max(0, kindAt)), quoted].map((t) => asking.filter((w) => t.includes(w.text))).find((ws) => ws.length > 0) ?? []
  const holdsAsked = (s: Scored) => {
    const read = foldText(textOf(s))
    const toldDeed = (!rarest || mentions(read, rarest)) && deed.every((w) => w.docs > 0 || [...w.text].some((ch) => read.includes(ch)))
    return body.role === undefined && s.candidate === scored[0]!.candidate && (deed.length > 0 ? toldDeed : scene.some((w) => mentions(read, w)))
  }
  // A stop of the visit asked about (看完中铁项目之后去的是哪家企业) names it, sharing few of the question's words.
  return (
    (best !== undefined && namesAskedBody(body, leadOf(best))) ||
    scored.some((s) => (((s.coverage >= BODY_COVERAGE || aboutClause(s)) && ofStory(s)) || holdsAsked(s)) && namesAskedBody(body, textOf(s))) ||
    (asksForVisits(asked.text) && visitStops(scored, textOf).some((s) => namesAskedBody(body, textOf(s))))
  )
}

/**
 * False when the question asks the members of a set the article counts (那5项采购具体都是啥) and no sentence
 * about it lists them with its count (共实施中小企业采购5项737.8万元 counts them and no more), nor is the
 * count's sentence followed by 一是….
 */
function listsMembers(asked: AskedFor, scored: Scored[], candidates: Candidate[]): boolean {
  const members = askedMembers(asked.text)
  if (!members) return true
  const about = scored.filter((s) => inContext(s) >= FACT_COVERAGE)
  const unitOf = (s: Scored) => candidates[s.candidate]!.text.slice(s.span.start, s.span.end)
  // A count the reader gives of their own (周边在修两条路，是哪两条) that no sentence about it prints is answered by
  // one that lists as many (周边美辰路、梅香路建设情况).
  if (!about.some((s) => members.counts.some((c) => unitOf(s).includes(c)))) return about.some((s) => listsAsMany(unitOf(s), members.size))
  return about.some((s) => {
    const text = candidates[s.candidate]!.text
    const unit = unitOf(s)
    const at = Math.max(...members.counts.map((c) => unit.indexOf(c)))
    if (at < 0) return false
    return LISTED_BEFORE.test(unit.slice(0, at)) || LISTED_AFTER.test(unit.slice(at)) || ENUMERATION_FOLLOWS.test(text.slice(s.span.end, s.span.end + 12))
  })
}

/**
 * False when the question asks for things of a kind (哪几家银行) and no clause about it names two of that kind
 * (郑州银行、中原银行; 马砦社区党支部联合客技路社区党支部); a list of something else (the parks the banks
 * went to, the departments that took part) does not answer it.
 */
function listsKind(asked: AskedFor, scored: Scored[], candidates: Candidate[]): boolean {
  const kind = asked.type === 'list' ? listedKind(asked.text) : undefined
  if (!kind) return true
  return scored.some((s) => inContext(s) >= FACT_COVERAGE && namesTwoOf(kind, candidates[s.candidate]!.text.slice(s.span.start, s.span.end)))
}

/**
 * True when the text names the post only as another's: right after another body than the one asked (区党建办主任程晓华
 * for 明湖办事处主任, 纪工委书记 for 党工委书记), or as the deputy's (副书记 for 书记). The asked body's kind alone
 * (办事处主任) is the asked one's.
 */
function postOfAnother(text: string, post: string, of: string[], question: string): boolean {
  const at = indicesOf(text, post)
  return at.length > 0 && at.every((i) => anothersPostAt(text, i, post, of, question))
}

/** Whether the post written at a place in the text is another's, as postOfAnother reads it. */
function anothersPostAt(text: string, at: number, post: string, of: string[], question: string): boolean {
  const before = text.slice(Math.max(0, at - 8), at)
  const deputy = before.endsWith('副') && !question.includes(`副${post}`)
  // With no body asked, a post of any body is the one asked.
  return deputy || (of.length > 0 && BODY_WORD.test(before) && !of.some((f) => before.endsWith(f.slice(-3))))
}

/** An article's first sentence: a news lead names who acted. */
function leadOf(c: Candidate): string {
  const first = splitSentences(c.text)[0]
  return first ? c.text.slice(first.start, first.end) : ''
}

/** What is asked, for the fact checks; a part of a question carries the question before it (what 啥时候完工？ is about). */
type AskedFor = Pick<Asked, 'type' | 'text' | 'words'> & {
  before?: string
  whole?: string
  /** The message as the reader sent it, with the ways to choose from (园区通知还是网上报名) that the search's reading leaves out. */
  message?: string
}

/** What a sentence must hold to answer how a step was done. */
function meansCheck(asked: AskedFor, textOf: (e: Scored) => string): ((s: Scored) => boolean) | undefined {
  const guesses = asked.message ?? asked.whole ?? asked.text
  const asks = actOfMeans(asked.text, asked.words)
  if (asks === undefined) return undefined
  const guessed = /还是/.test(guesses) || CHANNEL.test(asked.text)
  // Asked without guesses, only a step of a procedure is checked (怎么申请, 咋通知的): the news reports it done, seldom how.
  const step = asks.act
  if (!guessed && step && PROCEDURE.test(step.text)) return (s) => mentions(foldText(textOf(s)), step)
  // One no article names (怎么选聘的, 怎么招募的) cannot be looked for, but the sentence must tell some way of doing.
  if (!guessed && !asks.unheld) return undefined
  const act = guessed ? step : null
  const ways = guessed ? waysOffered(guesses) : []
  const openGuess = OPEN_GUESS.test(guesses)
  const formGuessed = FORM_OFFERED.test(guesses)
  // With no act to look for, the way told is of the thing asked: a clause beside it names it (开辟线上专栏 is no way 黑名单 is made public).
  const topical = asked.words.filter((w) => w.docs > 0 && [...w.text].length > 1 && !MEANS_WORD.test(w.text) && !MEANS_VERB.test(w.text))
  return (s) => {
    const clauses = textOf(s).split(CLAUSE_BREAK)
    return clauses.some((c, i) => {
      const read = foldText(c)
      const guessedWay = ways.some((b) => read.includes(b))
      const ledIn = MEANS_CLAUSE.test(clauses[i - 1]?.trim() ?? '')
      // With ways guessed (A还是B) and no act to look for, only one of those ways, or a span or form of its own, tells which;
      // a step no article names (怎么选拔的) only a means brought in (通过…方式, 抽签, 推荐), not the form of the event (线上线下).
      const told =
        guessed && act === null && ways.length > 0
          ? guessedWay || (formGuessed && FORM_TOLD.test(read)) || (openGuess && MANNER_TOLD.test(c))
          : guessed
            ? MANNER_TOLD.test(c) || guessedWay || ledIn
            : MEANS_BROUGHT_IN.test(c) || ledIn
      const near = foldText(clauses.slice(Math.max(0, i - 1), i + 2).join('，'))
      return (act === null ? topical.some((w) => mentions(near, w)) : mentions(read, act)) && told
    })
  }
}

// How a step was done, asked with the ways the reader guesses (怎么报名的？园区通知还是网上报名; 用什么方式考核的，笔试还是实操)
// or of a channel (通过哪个线上平台办的), is told by a clause that holds the step's act and a way of doing it (通过, 采取…方式,
// 结合, 线上, 现场, 全天候) or one of the ways guessed, not by the story's other steps nor by the act reported done
// (经开区共发行成功9.97亿元 for 通过什么方式发行的). Asked without guesses (用什么办法把关), the ways a story tells are too many
// to know by their words (召开工作协调会, 发放仪式): only a step of a procedure (怎么申请, 咋通知的) must be in the sentence,
// and when no article names that step (怎么选聘的, 是咋挑的), a means brought in must be (通过…方式, 抽签, 推荐; 为廉洁监督员颁发聘书
// tells none, nor does the event's form, 线上线下覆盖30万人次).
const MEANS_NOUN = '(方式|形式|办法|渠道|途径|手段|方法|平台|系统|载体|模式|工艺|法子|招数?|做法|措施|标准|原则|规矩|口号|机制|制度)'
// 用什么方式, 通过什么渠道, 靠啥办法, 通过哪个平台; 哪个 only with the means named (not 拿哪个项目带头).
const ASKS_MEANS = new RegExp(`(用|通过|以|采取|采用|靠|走|按照?|凭|拿|利用)(的是|的|了)?((什么|啥|何种|哪种)(样的?)?([^，,。？?]{0,3}?${MEANS_NOUN})?|(哪个|哪些|哪一种|哪一个)[^，,。？?的]{0,3}?${MEANS_NOUN})`)
// 怎么 asks a means when an act follows (怎么筹的, 咋通知的), not in 怎么样.
const ASKS_HOW = /(怎么|咋|如何)(?!样|回事|办)个?/
// The ways guessed inside the cue (通过发文件还是开大会的方式通报的).
const WAYS_OF_DOING = new RegExp(`(通过|用|以|靠)[^，,。？?]{1,8}还是[^，,。？?]{1,8}?(的?${MEANS_NOUN})`)
const MEANS_WORD = new RegExp(`^${MEANS_NOUN}$`)
// The verbs of the cue (通过什么方式), which name nothing asked about.
const MEANS_VERB = /^(通过|采取|采用|利用|按照)$/
// Verbs that name no act of their own (以什么形式办, 怎么要求的): the step is the thing named before them.
const LIGHT_ACT = /^(搞|办|开展|进行|做|弄|干|开|举办|举行|组织|实施|推进|落实|处理|解决|来|去|弄好|搞好|实现|到位|保证|确保|实处|要求)$/

/**
 * The act a question asks the means of: the first word after the cue that an article holds (用什么方式考核队员 → 考核,
 * 咋通知的 → 通知), null when that word says no act of its own (以什么形式办); and whether a step of a procedure no article
 * holds is asked (怎么选聘的). Undefined when no means is asked (怎么样).
 */
function actOfMeans(question: string, words: WeightedWord[]): { act: WeightedWord | null; unheld: boolean } | undefined {
  for (const clause of askingClauses(question)) {
    const means = ASKS_MEANS.exec(clause) ?? WAYS_OF_DOING.exec(clause)
    const cue = means ?? ASKS_HOW.exec(clause)
    if (!cue) continue
    const after = clause.slice(cue.index + cue[0].length)
    const said = words
      .filter((w) => [...w.text].length > 1 && after.includes(w.text) && !MEANS_WORD.test(w.text))
      .sort((a, b) => after.indexOf(a.text) - after.indexOf(b.text))
    const held = said.filter((w) => w.docs > 0)
    // A step of a procedure said after whom it is for (向社会公开) is the act.
    const first = held.find((w) => PROCEDURE.test(w.text)) ?? held[0]
    const act = first && !LIGHT_ACT.test(first.text) ? first : null
    // A step said in one character (是咋挑的, 怎么请的) is a step of a procedure no word of the question names.
    // Not the choice of an answer (这道题怎么选).
    const unheld = said.some((w) => w.docs === 0 && PROCEDURE.test(w.text)) || (said.length === 0 && ONE_CHARACTER_STEP.test(after) && !/题$/.test(clause.slice(0, cue.index)))
    if (means || act || unheld) return { act, unheld }
  }
  return undefined
}

// A choice offered (钱是区里出还是村里自筹的, 是现场开的还是视频会议): both sides name what they are, each at least two characters.
const CHOICE = /\p{Script=Han}{2}[^，,。？?！!]{0,10}还是(?!不是|没有?|要|会|在|那|这|得|就|挺|很|想)[^，,。？?！!]{2,}/u
// Figures or dates to choose from (20年还是30年, 是多少件还是多少件), which the figure the article prints tells.
const FIGURE_CHOICE = /([\d一二三四五六七八九十两百千万]|多少)[^，,。？?！!]{0,4}还是|还是[^，,。？?！!]{0,4}([\d一二三四五六七八九十两百千万]|多少)/
// A choice of span or form (只白天查还是一直盯着, 抽查还是每户都查, 到工地上去看, 听课还是上手练), which the article may tell in
// words of its own (24小时全天候, 逐户, 实地查看, 实操演练).
const FORM_OFFERED = /线上|线下|网上|现场|视频|直播|白天|晚上|夜里|一直|全天|每户|每家|挨家|抽查|抽检|随机|全部|都查|实地|工地上|上门|当面|听课|上手|动手|实操/
const FORM_TOLD = /全天候|24小时|昼夜|日夜|逐一|逐户|挨家挨户|全覆盖|线上|线下|网上|现场|视频|直播|实地|上门|当面|实操|演练|实训/

/**
 * A choice the reader offers (是区里出还是村里自筹, 是招标选的还是直接委托的) is told by a sentence that says one of the two, in
 * the reader's words or the article's name for them (财政金融学院 → 河南财政金融学院): a story that reports the step without
 * saying which way (王庄村综合改造提升工程是惠民工程) does not answer it. One asked with a how-cue (咋报名的？园区通知还是网上报名)
 * is meansCheck's.
 */
function choiceCheck(asked: AskedFor, textOf: (e: Scored) => string): ((s: Scored) => boolean) | undefined {
  const message = asked.message ?? asked.whole ?? asked.text
  const offered = askingClauses(message).filter((c) => CHOICE.test(c))
  // A side asked as a question of its own (全撵走了吗还是给找了地方, 是光赶人呢还是…) is the reader's guess at an answer the
  // article words its own way (设置便民疏导点).
  if (offered.some((c) => /[吗呢]还是/.test(c))) return undefined
  if (offered.length === 0 || offered.some((c) => FIGURE_CHOICE.test(c))) return undefined
  // A pair the question says outside the choice names the thing chosen for (常态长效会议…还是视频会议), not a way.
  const outside = message.replace(/[^，,。？?！!]{0,6}还是[^，,。？?！!]{0,6}/g, '，')
  const ways = waysOffered(message).filter((b) => !outside.includes(b))
  if (ways.length === 0) return undefined
  const ofForm = offered.some((c) => FORM_OFFERED.test(c))
  return (s) => {
    const read = foldText(textOf(s))
    return ways.some((b) => read.includes(b)) || (ofForm && FORM_TOLD.test(read))
  }
}

// The means a step was done by (通过, 采取, 以…方式), or a way of choosing or signing up (抽签, 推荐, 自愿报名).
const MEANS_BROUGHT_IN = /通过|采取|采用|依据|根据|按照|以[^，,。；;]{1,14}(方式|形式)|方式|办法|程序|抽签|投票|推荐|推选|选举|择优|自愿|自主|报名/

/** The character pairs of the ways a reader offers (线上答题还是现场比 → 线上, 上答, 答题, 现场, 场比). */
function waysOffered(question: string): string[] {
  const clauses = clausesOf(question)
  const out: string[] = []
  for (const clause of clauses) {
    const at = clause.indexOf('还是')
    if (at < 0) continue
    // The topic's words, said elsewhere in the question too (祥云办事处…办事处统一派), tell no way from another.
    const rest = clauses.filter((c) => c !== clause).join('，')
    for (const side of [clause.slice(Math.max(0, at - 6), at), clause.slice(at + 2, at + 8)]) {
      const han = side.replace(/[^\p{Script=Han}]|[是用的了搞办以通过采取采用进行还呢吗啊呀吧个那这都就也在给把被从对向跟和与直接去找]/gu, '')
      for (let i = 0; i + 2 <= han.length; i++) if (!rest.includes(han.slice(i, i + 2))) out.push(han.slice(i, i + 2))
    }
  }
  return out
}

// A guess left open (是明查还是用什么特别的方式): any way the story tells answers it.
const OPEN_GUESS = /还是[^，,。？?！!]{0,4}(什么|啥|别的|其他)[^，,。？?！!]{0,4}(方式|办法|方法|形式|手段|招)/
// A clause that leads into the next with the means (利用机械结合人工的方式，积极开展杂草清除工作).
const MEANS_CLAUSE = /^(通过|采取|采用|利用|借助|依托|运用|按照|本着|以)|(方式|形式|办法|方法)$/
// The steps of a procedure said in one character: how people were found, chosen, invited, examined, sent or asked, or how to
// sign up. Not 分, 排, 定 or 发, which also ask how things are grouped, timed, set or handed over (怎么分的类, 巡查是怎么排的,
// 巡逻车是咋发的 → 举行发放仪式).
const ONE_CHARACTER_STEP = /^\s*(招|挑|选|请|考|评|报|派|抽|问)(的|了|出|来|上|下|去|呢|啊|呀|\s|$)/
// The steps of a procedure: how to sign up, apply, be told, be judged or be paid.
const PROCEDURE = /选派|选聘|挑选|选定|遴选|选出|评出|挑出|评选|评定|划分|分配|公布|筹措|筹集|募集|确定|报名|申请|申报|通知|召集|反馈|考核|检验|测评|评比|打分|受理|公示|公开|发放|兑付|兑现|领取|拨付|提交|登记|预约|缴纳|办理|审批|核实|认定|推荐|选拔|招募|投诉|举报|反映|验收|对接/
const CHANNEL = /渠道|平台|系统/
// Words that tell a way of doing: a means brought in (通过, 采取, 以…方式), a form (线上, 现场, 专场, 逐户), a span (全天候).
const MANNER_TOLD = /全天候|24小时|昼夜|日夜|通过|采取|采用|利用|借助|依托|运用|按照|本着|依据|根据|以[^，,。；;]{1,14}(方式|形式|为)|方式|形式|方法|办法|渠道|途径|手段|模式|机制|制度|结合|线上|线下|网上|网络|视频|直播|现场|实地|逐一|逐户|挨家挨户|统一|集中|专场|当面|电话|微信|公众号|平台|系统|热线|”(式|法)/

// A year the asked figure is measured against (比去年同期涨了多少, 跟上年比), not the year it is of.
const BASE_YEAR = /(?:比|较|跟|和|与|同)(?:上年|去年|前年)(?:同期)?|(?:去年|上年)同期/gu

/**
 * The years a question's asking clauses name relative to now (去年一年分了多少套), not those of its other clauses (我们厂前年
 * 被淹过) nor a year it compares with; none where it names a year by number (2022年上半年), which says it outright.
 */
function yearsAsked(question: string): PeriodsNamed {
  const named = periodsNamed(foldText(askingClauses(question).join('，')).replace(BASE_YEAR, ''))
  return named.absolute.size > 0 ? { ...named, relative: new Set() } : named
}

/** The year of an issue date (2020-06-05 → 2020). */
const yearOf = (date: string | null) => (date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined)

/**
 * The stretches of time a question asks of: those its asking clauses name (去年全年 of 今年节约资金1361万，那去年全年节约了
 * 多少), else those it names anywhere (今年上半年，GDP增长了多少).
 */
function periodsAsked(question: string): PeriodsNamed {
  const asking = periodsNamed(askingClauses(question).join('，'))
  return asking.relative.size + asking.absolute.size + asking.parts.size > 0 ? asking : periodsNamed(question)
}

/** factCheck over the candidates' sentences. */
export function factCheckOf(asked: AskedFor, candidates: Candidate[]): ((s: Scored) => boolean) | undefined {
  const textOf = textIn(candidates)
  const check = factCheck(asked, textOf, (e) => candidates[e.candidate]!.title, (e) => sentenceAfter(candidates[e.candidate]!.text, e.span.end))
  const asking = askingClauses(asked.text)
  const kinds = TOLD_BY_KIND.filter((k) => (k.everyClause ? asking.every((c) => k.asked.test(c)) : asking.some((c) => k.asked.test(c))))
  const doer = nameOfDoer(asked.text, candidates)
  const why = whyOfDetail(asked.text, asked.words)
  const changed = changeOfAsked(asked.text, asked.words) ?? outcomeOfMeasure(asked.whole ?? asked.text, asked.text, asked.words)
  const means = meansCheck(asked, textOf)
  const choice = means ? undefined : choiceCheck(asked, textOf)
  // The step is the one of the story the question names (9.97亿元专项债券), not a like step of another (已分配安置房).
  const inNamedStory = namesEveryName(asked.words, candidates)
  if (kinds.length === 0 && doer === undefined && !means && !choice && !why && !changed) return check
  return (s) =>
    kinds.every((k) => k.told.test(textOf(s))) &&
    (!why || why(textOf(s))) &&
    (!changed || changed(textOf(s))) &&
    (doer === undefined || toldOf(textOf(s), doer)) &&
    (!means || (means(s) && inNamedStory(s))) &&
    (!choice || choice(s)) &&
    (!check || check(s))
}

// Why a detail of the story is as it is: why one place, party or thing was chosen (为什么选瑞庭酒店的员工来演练, 为啥放在
// 郑州供电段办, 为什么交给四中队而不是别的中队), or why a figure is what it is (为什么每队定3名, 为啥不低于60%, 这个时限是怎么
// 考虑的). The news tells why it did something far more often than why it picked where, whom or how many, and says so in
// words of a reason beside the thing chosen.
const WHY = /为什么|为啥|为何|凭啥|凭什么|出于什么考虑|什么原因|怎么考虑|怎么定|怎么确定|依据是什么|根据什么定/
const CHOSEN_BY = /(?:只|就)?(?:选择|选定|选派|选|挑|请|派|交给|放在|放到|建在|定在|定为|定成|设在|安排在|落户|落在|规定|只去|只给|只提高)了?(?:的是|在)?/
const PICKED_OVER = /而不是|而非|不选/
// A figure the question names: 3名, 60%, 2个小时, 9月份, 10年到30年, 三轮; not a year it is of (为什么说2020年的丰收来之不易).
const FIGURE_ASKED_WHY = /(?<!\d)\d{1,3}(?:\.\d+)?\s*(?:%|％|个百分点|个小时|小时|名|人|家|个|项|条|轮|天|年|月份?|倍|万元|亿元|元)|(?<![\p{Script=Han}])[一二两三四五六七八九十]+(?:名|轮|个小时|天|次)(?![\p{Script=Han}])|[这那][两几]?个?(?:数|数字|时限|比例|标准|期限|时间|时候|日子)/u
const REASON_TOLD = /为了|(?<![作成认因以称])为(?:进一步|切实|确保|推动|加强|落实|全面|更好|有效|保障|营造|提升|解决)|因为|由于|鉴于|考虑到|旨在|目的|之所以|优势|便于|方便|靠近|临近|依托|基于/

/**
 * What a sentence must hold to tell why a detail of the story is as it is, when a clause asks that: a reason, beside the
 * figure asked or the word naming what was chosen.
 */
function whyOfDetail(question: string, words: WeightedWord[]): ((text: string) => boolean) | undefined {
  const clause = question.split(CLAUSE_BREAK).find((c) => WHY.test(c))
  if (!clause) return undefined
  const after = clause.slice(WHY.exec(clause)!.index)
  const figure = (FIGURE_ASKED_WHY.exec(after) ?? FIGURE_ASKED_WHY.exec(clause))?.[0]
  const chose = CHOSEN_BY.exec(after)
  if (!figure && !chose && !PICKED_OVER.test(question)) return undefined
  // What was chosen is named right after the choosing (选的是扬升金属), or else somewhere in the clause.
  const rest = chose ? after.slice(chose.index + chose[0].length) : after
  const named = words.filter((w) => w.docs > 0 && [...w.text].length > 1)
  const thing = named.find((w) => rest.startsWith(w.text)) ?? named.find((w) => rest.includes(w.text))
  // 这个时限 points back at the figure the question named before (2个小时内分解任务，这个时限是怎么考虑的).
  const printed = /^[这那]/.test(figure ?? '') ? FIGURE_ASKED_WHY.exec(question.replace(/[这那][两几]?个?\p{Script=Han}+/gu, ''))?.[0] : figure
  const mark = printed?.replace(/\s/g, '')
  return (text) => REASON_TOLD.test(text) && (mark ? text.includes(mark) : !thing || mentions(foldText(text), thing))
}

// Whether a measure brought a change (发案率有没有下降, 数据质量有没有提升): told by a change that happened (下降了, 同比增长8.2%,
// 有所好转) to the thing asked, not to another (提高了…知识储备) nor by the measure's aim (以提升工作效能为核心).
const ASKS_CHANGE = /(有没有|是否|有无)(明显)?(下降|提升|提高|减少|减轻|改善|好转|变少|变好|增多)/
const CHANGE_TOLD = /(下降|减少|降低|提升|提高|增长|改善|好转|减轻)(了|\d|到|至)|\d[%％]?的?(下降|减少|降低|提升|提高|增长)|有所|同比|明显(下降|减少|降低|提升|提高|改善|好转)|改观|起色/

/** What a sentence must hold to tell whether the thing a clause asks of changed, when one asks that without a figure. */
function changeOfAsked(question: string, words: WeightedWord[]): ((text: string) => boolean) | undefined {
  const clause = askingClauses(question).find((c) => ASKS_CHANGE.test(c) && !/多少|几/.test(c))
  if (!clause) return undefined
  // The thing is the last word before the asking (统计数据质量 → 质量); one no article holds no sentence tells of.
  const last = lastWordBefore(clause, ASKS_CHANGE.exec(clause)!.index, words.map((w) => w.text))
  const thing = words.find((w) => w.text === last)
  if (thing?.docs === 0) return () => false
  return (text) => CHANGE_TOLD.test(text) && !PLANNED_ONLY.test(text) && (!thing || mentions(foldText(text), thing))
}

// What a measure brought about, asked after a clause that names it done (给民警配了巡逻车以后，偷东西的少了没; 路边树打完药，
// 叶斑病治住了没; 文明城市创建搞完，评上了没): told, as what came of it later is, by a result, not by the story of the measure.
// A clause asking a detail (得了第几, 多少小企业), whether what was heard is so (对吗, 是真的吗) or the paper tells it (报纸有没有)
// has its own checks; one asking whether they went or looked (去企业实地看了没) is told by the story of the visit.
const MEASURE_DONE = /(?<![最然今前背之])(以后|之后|过后|后|完了?)$|完(?![成善整全美])\p{Script=Han}{1,2}$/u
const ASKS_IF_HAPPENED = /(了没有?|了吗|过没有?|没有?)$|(?<=是不是)[^，,。？?]{1,6}了$/
const ASKS_OTHERWISE = /多少|几|哪|谁|什么|啥|怎么|咋|是不是(?![^，,。？?]{1,6}了$)|对吗|真的|能不能|可以|报纸|报道|报上|文章|新闻|稿|说|提到|写|去(?!年)|看|参观|走访|考察/

/**
 * The check of a result, when the part asked is a clause asking whether one came after a clause that names a measure
 * done: a result told of the thing the clause asks of (偷东西的少了没 → 偷东西), not the praise of the measure (沿途群众纷纷
 * 点赞); a thing no article holds no sentence tells of.
 */
function outcomeOfMeasure(question: string, part: string, words: WeightedWord[]): ((text: string) => boolean) | undefined {
  const clauses = clausesOf(question).map((c) => c.replace(/[？?]$/, ''))
  const done = clauses.findIndex((c) => MEASURE_DONE.test(c))
  const clause = done < 0 ? undefined : clauses.slice(done + 1).find((c) => ASKS_IF_HAPPENED.test(c) && !ASKS_OTHERWISE.test(c))
  if (!clause || !part.includes(clause)) return undefined
  const last = lastWordBefore(clause, clause.search(ASKS_IF_HAPPENED), words.map((w) => w.text))
  const thing = words.find((w) => w.text === last)
  if (thing?.docs === 0) return () => false
  return (text) => (tellsDetail(LATER, text) || CHANGE_TOLD.test(text)) && (!thing || mentions(foldText(text), thing))
}

// Whether a thing has been done (国家产业创新中心申报下来了没, 签了责任书没有; not whether there is one, 还有别的三甲医院没) is
// not told by a story that names it only as what is to be done: after a word of a plan or an order in its sentence (加快完成
// 国家产业创新中心申报). A story that reports the deed and then its aim (签订…责任书，确保…) tells it done.
// An order (会议要求各村成立工作专班), a call (呼吁…建立群防群治联盟) or a coming check (以高标准迎接…验收) names it as to be done too.
const PLAN_BEFORE = new RegExp(`${PLAN}|尽快|要求|进一步|迎接|呼吁|倡议|号召`)
// Or asked with the verb's reach, as said aloud (申报下来没, 批下来没有, 建起来没, 弄好没, 搞完没, 谈成没, 修通了吗).
const ASKS_IF_DONE = /(了|下来|起来|出来|好|完|成|通|到位)[^，,。？?]{0,12}(没有?|吗)$/
// What a verb reached (申报下来, 建起来): the verb before it names the deed.
const COMPLEMENT = /^(下来|起来|出来|上来|过来|下去)$/

/**
 * True when a clause asks whether something was done, and the best article names the last word the clause names before
 * that only in sentences that plan or order it first.
 */
function toldOnlyAsPlanned(question: string, words: WeightedWord[], candidates: Candidate[]): boolean {
  const clause = askingClauses(question).find((c) => ASKS_IF_DONE.test(c) && !ASKS_OTHERWISE.test(c))
  const best = candidates[0]
  if (!clause || !best) return false
  const named = words.filter((w) => w.docs > 0 && [...w.text].length > 1 && !COMPLEMENT.test(w.text))
  // A clause that names nothing (做到了吗) asks of what the question named before it (说要引进培育100家以上创新型企业).
  const before = question.slice(0, question.indexOf(clause) + clause.search(ASKS_IF_DONE))
  // The deed in the reader's words (开工, 成立) may be one the story never says: then what it is done to is the thing.
  const story = foldText(best.text)
  const last = lastWordBefore(before, before.length, named.filter((w) => mentions(story, w)).map((w) => w.text))
  const word = named.find((w) => w.text === last)
  const asked = question.slice(0, question.indexOf(clause) + clause.length).replace(/了?[吧啊呀呢]*(?:没有?|吗)[？?]*$/u, '')
  // Only of a deed the ask right follows (建成通车了吗), not of 请了…负责人吗.
  const deed = asked.length - before.length <= DEED_CHARS ? deedAsPrinted(asked, story) : undefined
  const thing = deed ?? (word && [word.text, ...word.synonyms])
  if (!thing) return false
  const at = (c: string) => Math.min(...thing.map((form) => c.indexOf(form)).filter((i) => i >= 0))
  const sentences = story.split(/[。；;！!？?]/).filter((c) => thing.some((form) => c.includes(form)))
  return sentences.length > 0 && sentences.every((c) => PLAN_BEFORE.test(c.slice(0, at(c))))
}

// The longest deed a question's words before the ask may print (建成通车 of 梅香路建成通车了吗).
const DEED_CHARS = 4

/** The words the ask follows, as the story prints them (建成通车), when it prints three characters or more of them. */
function deedAsPrinted(asked: string, story: string): string[] | undefined {
  for (let n = DEED_CHARS; n >= 3; n--) {
    const deed = asked.slice(-n)
    if (/^\p{Script=Han}+$/u.test(deed) && story.includes(deed)) return [deed]
  }
  return undefined
}

// What someone said, asked as such (讲话说了啥, 是怎么表态的, 提了哪些要求, 原话是啥), at the end of a clause.
const ASKS_SPEECH = /((说|讲|谈)了?些?(啥|什么|哪些)(话|内容)?|讲话的?内容是?(啥|什么)|(强调|提)了?(啥|什么|哪些|哪几[点条项])(要求|建议|意见)?|怎么(说|讲|表态|要求)的?|表了?(啥|什么)态|原话(是|怎么说的?|是啥|是什么)?)[啊呀呢吧\s]*$/
// A post or role that speaks for a body (森防办主任, 省财政厅厅长, 黄河科技学院负责人, 郑老师).
const SPEAKER = new RegExp(`(${POST}|负责人|厅长|处长|科长|老师|专家|教授)`, 'g')
// The words a story gives someone's remarks in (纪工委书记武斌强调, 王波表示, 郑老师就…进行讲解).
const SPEECH_TOLD = /说|表示|指出|强调|要求|提出|讲话|致辞|介绍|呼吁|希望|称|谈到|表态|坦言|认为|提到|讲解|讲授|寄语|叮嘱|勉励|部署|点评/
// What follows a speaker's name in the question: where or to whom they spoke, or the asking itself.
const SPEAKER_NEXT = /^(在|对|去|到|跟|给|于|向|就|讲话|发言|致辞|说|讲|表态|提|强调|要求|是|当时|那天|最后|会上|当天|$)/
// What a story says (那篇稿子主要讲了什么) is no one's remarks.
const ABOUT_STORY = /稿|文章|报道|新闻|那篇|这篇|报纸|报上/
// The one spoken to, not the speaker (对一把手是怎么要求的, 对职能部门提了什么要求).
const ADDRESSED = /(对|给|向|跟|让|请)[^，,。？?]{0,6}$/
// How far after the speaker their words may be told (王家鹏在讲话中强调, 武斌一行…，并要求).
const SPEECH_REACH = 40

/**
 * True when a clause asks what a person said (森防办主任在培训上讲话说了啥, 武斌在现场会上讲了些什么) and the article of the best
 * sentence gives no remarks of theirs: no sentence names them (by name, or by the post of the body asked, not a deputy's or
 * another body's) with a word of saying after it. A story that names the event but quotes others does not tell what they said.
 */
function speakerUnquoted(question: string, words: WeightedWord[], best: Candidate | undefined): boolean {
  const clause = askingClauses(question).find((c) => ASKS_SPEECH.test(c))
  if (clause === undefined || !best || ABOUT_STORY.test(question)) return false
  const before = question.slice(0, question.indexOf(clause) + clause.search(ASKS_SPEECH))
  // The speaker is named first, and what they did follows the name (武斌对…基层党组织: not 党组织, nor 明厨 of 明厨亮灶,
  // which read as names too).
  const person = words
    .filter((w) => w.docs > 0 && isPersonWord(w) && before.includes(w.text) && !ADDRESSED.test(before.slice(0, before.indexOf(w.text))) && SPEAKER_NEXT.test(before.slice(before.indexOf(w.text) + w.text.length)))
    .sort((a, b) => before.indexOf(a.text) - before.indexOf(b.text))[0]
  const post = person ? undefined : [...before.matchAll(SPEAKER)].filter((m) => !ADDRESSED.test(before.slice(0, m.index))).at(-1)
  if (!person && !post) return false
  // A surname before the post (武主任, 程书记) names someone the story may give another post.
  if (post && post.index! > 0 && hasCommonSurname(`${before[post.index! - 1]}${post[0]}`) && !/\p{Script=Han}/u.test(before[post.index! - 2] ?? '')) return false
  const of = post ? bodyBefore(before.slice(0, post.index), words) : undefined
  const ofForms = of ? [of.text, ...of.synonyms] : []
  const said = foldText(`${best.title}\n${best.text}`)
  if (of && !mentions(said, of)) return true
  const text = foldText(best.text)
  const own = (at: number, form: string) => person !== undefined || !anothersPostAt(text, at, form, ofForms, question)
  // The post's holder speaks in their name (纪工委书记武斌… then 武斌强调).
  const forms = person ? [person.text, ...person.synonyms] : [post![0], ...holdersOf(text, post![0], own)]
  // Their words follow them in the same sentence.
  const speaks = (at: number, form: string) => SPEECH_TOLD.test(text.slice(at + form.length, at + form.length + SPEECH_REACH).split(/[。！!？?]/)[0]!)
  return !forms.some((f) => indicesOf(text, f).some((at) => speaks(at, f) && (f !== post?.[0] || own(at, f))))
}

/** The names written right after a post, of two or three characters with a common surname first (武斌 of 纪工委书记武斌). */
function holdersOf(text: string, post: string, own: (at: number, post: string) => boolean): string[] {
  return indicesOf(text, post)
    .filter((at) => own(at, post))
    .flatMap((at) => [2, 3].map((n) => text.slice(at + post.length, at + post.length + n)))
    .filter((name) => /^\p{Script=Han}+$/u.test(name) && hasCommonSurname(name))
}

// The one a reader knows, asking for the others (除了兴华产业园还去了哪些园区, 除了郑老师，还有哪位老师).
const BESIDES = /除(?:了|开|去)([^，,。？?]{2,20}?)(?:以外|之外|外)?(?:[，,][^，,。？?]{0,8}?)?(?:还|另外|另|其他|其余|别的|也)|除了?([^，,。？?]{2,20}?)(?:以外|之外)/
// Another deed beside one done (除了讲政策还给企业发了啥, 除了严肃处理还会怎么样) is no other of a kind.
const DEED_FIRST = /^(讲|看|去|到|搞|做|办|开|发|用|把|实地|加快|加强|推进|开展|组织|参加|举办|严肃|劝|查|抓|建|修|送|帮|请)/
// Items of one list: a separator soon after an item, which may go on a few characters (康桥华城 → 社区、, 自查整改 →
// 活动（5月至6月）、), or right before it (Y、X). Not 与 of 参与 nor 和 of 和谐.
const LIST_SEPARATOR = '(、|(?<![参给赋授])与|和(?!谐)|及(?!时)|以及|联合|携手|会同|[”」][“「])'
const LIST_AFTER = new RegExp(`^([^\\p{Script=Han}，,。；;]*\\p{Script=Han}){0,8}?[^\\p{Script=Han}，,。；;]*${LIST_SEPARATOR}`, 'u')
const LIST_BEFORE = new RegExp(`${LIST_SEPARATOR}[^，,。；;、“”「」]{0,8}$`)
const NOT_A_KIND = /(干部|全部|内部|外部|局部|总部|大会|机会|社会|协会|晚会)$/
// The kind an item's last characters name, so that another of the kind is another of its kind (社保局 → 民政局).
const KIND_END = /(局|委|办|处|院|所|社区|村|镇|乡|中心|公司|园|支部|部|队|站|校|机制|活动|环境|项目|路|街|会|组|室|馆)$/

/**
 * True when a question asks for the others beside a thing it names (除了区纪检监察工委，宣传部还联合了哪些单位) and the best
 * article names no other: the thing is never listed with others, and nothing else of its kind is named. An article that
 * does not name the thing at all does not tell its others either. Stops of a visit are left to the visit's checks.
 */
function noOthersBeside(question: string, words: WeightedWord[], best: Candidate | undefined): boolean {
  const besides = BESIDES.exec(question)
  if (!besides || !best) return false
  // Not the word it is handed to or done with (给治安四中队).
  const thing = (besides[1] ?? besides[2]!).replace(/^(那个|这个|那次|这次|那|给|对|跟|和|在|向|从)/, '')
  // Nor a thing not named but described (线下的, 市科技局讲的政策), nor the count of another the reader names (还对多少家农贸市场),
  // nor what else a thing is for (除了好看还有啥用处).
  const rest = question.slice(besides.index + besides[0].length)
  if (!thing || DEED_FIRST.test(thing) || thing.includes('的') || /多少|用处|用途|作用|好处|为了|目的|意义/.test(rest) || asksForVisits(question)) return false
  const text = foldText(`${best.title}\n${best.text}`)
  // The thing as the article writes it: the longest stretch of it the article holds (周报18期 of 专班工作周报18期).
  const name = longestHeld(thing, text)
  if (!name) return !words.some((w) => w.docs > 0 && [...w.text].length > 1 && thing.includes(w.text) && mentions(text, w))
  // Or says there is no other (唯一一所综合性三甲医院).
  if (/唯一|仅有|只有/.test(text)) return false
  const at = indicesOf(text, name)
  const listed = at.some((i) => LIST_BEFORE.test(text.slice(Math.max(0, i - 9), i)) || LIST_AFTER.test(text.slice(i + name.length, i + name.length + 14)))
  const kind = KIND_END.exec(thing)?.[0] ?? name.slice(-2)
  // A kind of one character is another's only as the end of a word of three or more (民政局, not 全部, 部门 or 党员干部).
  const another =
    [...kind].length > 1
      ? indicesOf(text, kind).some((k) => !at.some((i) => k >= i && k < i + name.length))
      : tokenize(text).some((w) => w.endsWith(kind) && [...w].length > 2 && !NOT_A_KIND.test(w) && !thing.includes(w) && !w.includes(name))
  return !listed && !another
}

/** The longest stretch of the thing, two characters or more, that the text holds. */
function longestHeld(thing: string, text: string): string | undefined {
  for (let n = thing.length; n >= 2; n--) {
    for (let i = 0; i + n <= thing.length; i++) if (text.includes(thing.slice(i, i + n))) return thing.slice(i, i + n)
  }
  return undefined
}

/** Whether the article of a sentence names every name of the question that an article holds; each article read once. */
function namesEveryName(words: WeightedWord[], candidates: Candidate[]): (s: Scored) => boolean {
  const names = words.filter((w) => w.name && w.docs > 0)
  const named = new Map<number, boolean>()
  return (s) => {
    if (!named.has(s.candidate)) {
      const said = foldText(`${candidates[s.candidate]!.title}\n${candidates[s.candidate]!.text}`)
      named.set(s.candidate, names.every((w) => mentions(said, w)))
    }
    return named.get(s.candidate)!
  }
}

/**
 * The name a question asks what it does of (区开放办 of 区开放办是干啥的部门), as the candidates write it: the longest start
 * of the clause (after its last 的), three characters or more, that one of them holds (郑州市督导组 of 郑州市督导组来经开区是干嘛的);
 * undefined when none does.
 */
function nameOfDoer(question: string, candidates: Candidate[]): string | undefined {
  const cue = ASKS_WHAT_IT_DOES.exec(question)
  if (!cue) return undefined
  // The head after 的 is the thing named (工作专班 of 前程办事处让各村成立的工作专班).
  const named = question.slice(0, cue.index).split(CLAUSE_BREAK).at(-1)!.split('的').at(-1)!.replace(/^\s*(请问|那个|这个)*/, '')
  for (let end = named.length; end >= 3; end--) {
    const name = named.slice(0, end)
    if (candidates.some((c) => c.text.includes(name))) return name
  }
  return undefined
}

/** True when the text names it other than as one of a list (工会主席王宏伟主持召开, not 联合区工信局、区开放办、区投资促进局). */
function toldOf(text: string, name: string): boolean {
  let at = text.indexOf(name)
  for (; at >= 0; at = text.indexOf(name, at + 1)) {
    if (!LISTED_BEFORE_NAME.test(text.slice(0, at)) && !LISTED_AFTER_NAME.test(text.slice(at + name.length))) return true
  }
  return false
}

/**
 * True when a question asks a person's name: in the part itself, or in another part that names nothing else (哪个领导？叫啥),
 * not in one asking the name of a thing (线上的廉政课堂叫啥名字？是跟谁推出的).
 */
function asksPersonsName(asked: AskedFor): boolean {
  if (asksForName(asked.text)) return true
  if (asked.whole === undefined) return false
  const namesThing = (clause: string) => asked.words.some((w) => [...w.text].length > 1 && clause.includes(w.text) && !w.person && !isPost(w.text) && !ROLE.test(w.text))
  // A bare 叫啥名 after a part that asks 谁 of a thing (云课堂是跟谁联合推出的，叫啥名) asks the thing's name.
  const namesRole = asked.words.some((w) => asked.text.includes(w.text) && (w.person || isPost(w.text) || ROLE.test(w.text) || ROLE_OF.test(w.text)))
  if (!namesRole && namesThing(asked.text)) return false
  return askingClauses(asked.whole).some((c) => !asked.text.includes(c) && asksForName(c) && !namesThing(c))
}

/** What a sentence must hold to answer a question that asks for a kind of fact; undefined when it asks none. */
function factCheck(
  asked: AskedFor,
  textOf: (e: Scored) => string,
  titleOf: (e: Scored) => string,
  nextOf: (e: Scored) => string,
): ((s: Scored) => boolean) | undefined {
  const { type, text } = asked
  // A word no article holds cannot be looked for: it must not veto the answer on its own.
  const words = asked.words.filter((w) => w.docs > 0)
  const read = (s: Scored) => foldText(textOf(s))
  // How many or when the next one will be (明年还要再分多少套, 明年还办不办，啥时候) is told only by what is
  // planned, not by this one's amount or date.
  const next = askingClauses(text).some((c) => ASKS_NEXT.test(c))
  const plannedIfNext = (s: Scored) => !next || TELLS_PLAN.test(textOf(s))
  // Of the words an article holds: 上面 of 锦旗上面写的啥 names no thing.
  const wording = askedWording(text, words.map((w) => w.text))
  if (wording !== undefined) {
    // The words printed on something (锦旗上写的是啥) are given only in quotation marks, in a sentence about it.
    const on = words.find((w) => w.text === wording)
    return (s) => QUOTED.test(textOf(s)) && (!on || mentions(read(s), on))
  }
  // A phone number, an e-mail or web address, or an app's name is given only in so many characters, and
  // beside the thing it is asked of (not the “郑在抗疫”平台 of another paragraph).
  const contact = askedContact(text)
  if (contact) {
    const of = focusOf(text, words.filter((w) => [...w.text].length > 1))
    return (s) => givesContact(contact, textOf(s)) && (!of || mentions(read(s), of))
  }
  if (asksGrade(text)) return (s) => givesGrade(textOf(s))
  // The post of a person the clause names (刘明胜是什么职务) is told by a post beside the name (纪工委书记武斌), not by
  // the 区领导 of a list of those who attended.
  const postClause = type === 'person' ? askingClauses(text).find((c) => ASKS_POST.test(c)) : undefined
  const holder = postClause ? words.find((w) => isPersonWord(w) && postClause.slice(0, ASKS_POST.exec(postClause)!.index).includes(w.text)) : undefined
  if (holder) return (s) => givesPostOf(textOf(s), holder.text)
  // Who chaired or taught it (谁主持的, 哪位老师讲的课) is told in the words the news uses for it, or not at all. A
  // reader checking their own version asks of a story they know is there, which may name others.
  const deed = type === 'person' && !CHECKS_VERSION.test(asked.whole ?? text) ? DEEDS.find((d) => d.asked.test(text)) : undefined
  // The deed told with no one doing it (会上，通报了3起典型案例) says nothing of who.
  if (deed && !asksPersonsName(asked)) return (s) => deed.told.test(textOf(s)) && (namesPerson(textOf(s)) || namesAskedBody({ kind: '单位' }, textOf(s)))
  const detail = detailAsked(text)
  if (detail) return (s) => tellsDetail(detail, textOf(s))
  // Who came (哪位领导) asks for a name when another part of the message does (叫什么名字？).
  if (type === 'person' && asksPersonsName(asked)) {
    // The name may be asked by a part of its own (哪个领导 叫啥): of the person the part names.
    const named = namedPerson(text, asked.words.map((w) => w.text)) ?? (asked.whole ? namedPerson(asked.whole, asked.words.filter((w) => text.includes(w.text)).map((w) => w.text)) : undefined)
    const forms = personForms(named, asked.words, text)
    // A post of a body named before it (明湖办事处主任叫什么) is held by whoever a sentence names beside the post,
    // in an article whose sentence or headline names the body (办事处主任某某 in 《前程办事处：…》).
    const of = named && !ROLE.test(named) ? bodyBefore(text.slice(0, text.lastIndexOf(named)), asked.words) : undefined
    const ofForms = of ? [of.text, ...of.synonyms] : []
    // And who did the deed asked (哪位领导主持的): a name beside another deed (区领导…参加督导) is not the one.
    return (s) =>
      s.hasFact &&
      namesPerson(textOf(s)) &&
      (!deed || deed.told.test(textOf(s))) &&
      (forms.length === 0 || forms.some((f) => read(s).includes(f))) &&
      (ofForms.length === 0 || (ofForms.some((f) => read(s).includes(f) || foldText(titleOf(s)).includes(f)) && !postOfAnother(read(s), named!, ofForms, text)))
  }
  // Which road it is on (便民疏导点设在哪条路) is told by a road named in a sentence about the thing, not by the
  // road of the story's first sentence (经北二路财富天阶小区周边…).
  const road = roadAsked(text, words.map((w) => w.text))
  if (road !== undefined) {
    const on = words.find((w) => w.text === road && !isBodyKind(w.text))
    return (s) => namesRoad(textOf(s), text) && (!on || mentions(read(s), on))
  }
  // Where a person is from (讲课的郑老师是哪儿的) is the body named right before them (众安防火中心的郑老师), not a place.
  const member = affiliationAsked(text, words)
  if (member) return (s) => namedWithBody(textOf(s), member)
  // Which building (哪栋楼, 几楼) is told by one named (办公楼三楼, 创业大厦), not by the room alone.
  if (type === 'place' && ASKS_BUILDING.test(text)) return (s) => namesPlace(textOf(s), text) && BUILDING.test(textOf(s))
  if (type === 'place' && askingClauses(text).some((c) => ASKS_VENUE.test(c))) return (s) => namesPlace(textOf(s), text) && VENUE.test(textOf(s))
  // Where something was (在哪个地方搞的) is told by a place the question does not name already; where a thing is
  // (便民疏导点具体设在哪), by one named beside it, not by the place of the story's first sentence.
  // A place the reader guesses after asking (堆土场在哪，普济路那边？) is one the answer may name.
  if (type === 'place') {
    const thing = words.find((w) => w.text === locatedThing(text, words.map((x) => x.text)))
    const asking = lastAskingClause(text)
    const named = asking < 0 ? text : clausesOf(text).slice(0, asking + 1).join('，')
    return (s) => namesPlace(textOf(s), named) && (!thing || mentions(read(s), thing))
  }
  if (!FACT_REQUIRED.has(type)) return undefined
  if (type === 'result') {
    // Who won the contest the question names (宣讲大赛): a sentence about it, or one that says who won
    // (最终，X队获得冠军), not a ranking of something else (报道数量位居全市第一名).
    const contest = words.find((w) => CONTEST.test(w.text))
    return (s) => s.hasFact && (!contest || mentions(read(s), contest) || mentions(foldText(titleOf(s)), contest) || WON.test(textOf(s)))
  }
  if (type === 'amount') {
    // A count of the whole kind does not answer how many of a kind (拉进黑名单的企业有几家 is not answered by 确定典型企业40家).
    // A place, district or local body before 的 (二七区的幼儿园有多少家, 经开区的志愿者, 大学路街道的比赛) is where or by whom
    // they are counted, which the article's scope checks, not which ones.
    const qualifier = words.find((w) => w.text === countQualifier(text) && !w.place && !isLocalArea(w))
    const derived = WORKS_IT_OUT.test(text) ? [] : DERIVED_AMOUNTS.filter((d) => d.asked.test(text))
    const category = CATEGORY.exec(text) ?? undefined
    // What has been reached so far (已经引进了多少家) is not told by a target (力争引进…100家以上).
    const reached = askingClauses(text).some((c) => ASKS_REACHED.test(c))
    // How many of one kind came (企业代表有几位) is not told by the count of a list they are one member of (…、企业代表等12人).
    const people = peopleCounted(text)
    const amountUnit = askedUnit(text)
    const ofWhatIsAsked = (s: Scored) =>
      plannedIfNext(s) && (!reached || givesAmountReached(textOf(s), amountUnit)) && (!people || !countsWholeList(textOf(s), people, amountUnit)) && (!qualifier || mentions(read(s), qualifier)) && derived.every((d) => d.told.test(textOf(s)) || (d === COMPARISON && printsBoth(text, textOf(s)))) && (!category || namesCategory(read(s), category))
    const counted = countedThing(text)
    // The clause counting it names the thing, or what it did (确定…40家 of 联合几个部门确定了多少家); a thing named in a
    // word no article holds, or in one character (几个队参加), is counted in its unit alone (参赛的队伍共有13支).
    // Not the stretch of time it is counted in (全年GDP): 专项债券全年发行额 counts another thing in it.
    const named = (part: string) => words.filter((w) => [...w.text].length > 1 && part.includes(w.text) && !namesPeriod(w.text))
    const forms = counted && named(counted.head).length > 0 ? named(counted.thing).flatMap((w) => [w.text, ...w.synonyms]) : []
    if (forms.length > 0) return (s) => countsInClause(read(s), forms, counted!.unit) && ofWhatIsAsked(s)
    // What is counted is named in words no article holds (房租能减免多少): the amount is still given in its unit, not in 平方米.
    // Of a question asking several amounts (多少人，奖金有多少钱), each part is held to its own.
    const unit = askingClauses(text).length > 1 ? undefined : counted?.unit
    if (unit) return (s) => hasFactFor('amount', textOf(s), unit) && ofWhatIsAsked(s)
    const changed = words.find((w) => w.text === changedThing(text, words.map((x) => x.text)))
    return (s) => s.hasFact && (!changed || mentions(read(s), changed)) && ofWhatIsAsked(s)
  }
  if (type === 'time') {
    // A part that names no event before its question word (啥时候完工？) asks the time of the event after it,
    // else of what the question named before the part.
    // Not a name the reader offers as their version (是经开区管委会6月1号开的吧): the meeting before it is what is timed.
    const offered = versionsOffered(asked.whole ?? text)
    const forms = words.map((x) => x.text).filter((f) => !offered.some((v) => v.includes(f)))
    const after = asked.before === undefined ? undefined : words.find((w) => [...w.text].length > 1 && text.includes(w.text) && !isPlanWord(w.text))
    const timedText = timedThing(text, forms) ?? after?.text ?? (asked.before ? timedThing(asked.before + text, forms) : undefined)
    // When a thing is finished (啥时候能弄完) or due (通车节点, 整改期限) is told by a date of its finishing, not of the meeting about it.
    const finished = ASKS_FINISHED.test(text) || DEADLINE.test(text)
    // The verb after the question word names the event as well as the noun before it does (中国计划到哪一年全面形成…).
    // An event no article names (啥时候正式开诊) is not the one a date is given for, unless the date's sentence
    // holds the thing it acts on (开车过去 told by 建成通车): the last character of the verb.
    const event = asked.words.find((w) => w.text === askedEvent(text, asked.words.map((x) => x.text)))
    const unreported = event?.docs === 0 && !finished ? [...event.text].at(-1)! : undefined
    const timed = words.find((w) => w.text === timedText)
    // The date opens the story and the next sentence tells what happened (6月19日上午…举行发放仪式。…发放巡逻车钥匙),
    // unless that sentence has a time of its own or a plan (决赛将择期举行).
    const goesOn = (s: Scored) => {
      const next = nextOf(s)
      return !hasFactFor('time', next) && !TELLS_PLAN.test(next) ? foldText(next) : ''
    }
    // A meeting is one by any of its names (那个大会 of 召开…会议).
    const meeting = timed && MEETING_NAME.test(timed.text)
    const told = (text: string, w: WeightedWord) => mentions(text, w) || (w === timed && meeting && MEETING_NAME.test(text))
    const named = (s: Scored) =>
      [timed, event?.docs ? event : undefined].some((w) => w && (told(read(s), w) || told(foldText(titleOf(s)), w) || told(goesOn(s), w)))
    return (s) =>
      s.hasFact &&
      (!unreported || read(s).includes(unreported)) &&
      (!timed || named(s)) &&
      (!finished || TELLS_FINISHED.test(textOf(s))) &&
      plannedIfNext(s)
  }
  return (s) => s.hasFact
}

// A person named by role, not by post (领导, 负责人, 一把手): whose is told by the body named right before it
// (市科技局领导, 马寨管委会负责人, 那个纪委领导); with none, or only the district (经开区领导, 带队的那个领导,
// 一把手), any person named beside a post in a sentence about the question answers.
const ROLE = /^(领导|负责人|干部|同志|人员|工作人员|官员|人|一把手)$/
// A role of a body (校领导, 村负责人).
const ROLE_OF = /(领导|负责人|干部)$/

// A word that names a body or place: 科技局, 管委会, 纪委, 文苑街道.
const BODY_WORD = /(局|委|办|处|会|院|所|街道|社区|村|镇|乡|中心|公司|集团|部|厅|站|队|学校|学院|大学)$/

const CLAUSE_BREAK = /[，,。；;？?！!]/

// A person asked where they are from: by a post or role (老师, 书记, 负责人), or by name.
const MEMBER = /(老师|专家|教授|医生|教官|讲师|书记|主任|局长|主席|队长|站长|所长|经理|负责人|领导|同志|干部|民警)$/
const FROM_WHERE = /(是|来自)(哪儿|哪里|哪|哪个单位|哪家单位|什么单位|啥单位)的[啊呀呢吗\s]*$/
// A body's name before a person, in the same clause, perhaps with their posts between (众安防火中心的郑老师, 市科技局领导,
// 管委会党工委副书记、主任王波).
const BODY_BEFORE = /(中心|局|委|办|公司|学院|大学|学校|医院|街道|社区|集团|队|站|所|协会|银行|部|厅|处|院|会)的?[\p{Script=Han}、]{0,10}$/u

/** The person whose body a question asks (老师 of 讲课的郑老师是哪儿的), if it asks that. */
function affiliationAsked(question: string, words: WeightedWord[]): WeightedWord | undefined {
  const clause = askingClauses(question).find((c) => FROM_WHERE.test(c))
  if (clause === undefined) return undefined
  const before = clause.slice(0, FROM_WHERE.exec(clause)!.index)
  const last = words.filter((w) => before.endsWith(w.text)).at(-1)
  return last && (MEMBER.test(last.text) || isPersonWord(last)) ? last : undefined
}

/** Whether a text names the person with a body right before them. */
function namedWithBody(text: string, person: WeightedWord): boolean {
  for (const form of [person.text, ...person.synonyms]) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (BODY_BEFORE.test(text.slice(0, at).split(CLAUSE_BREAK).at(-1)!)) return true
    }
  }
  return false
}

/** Whether the lexicon knows a word as a local body or place within the district (大学路街道, 区社保局, 森防办). */
function isLocalBody(w: WeightedWord): boolean {
  const entry = loadLexicon().entries.get(w.text)
  return entry !== undefined && !entry.district && [w.text, ...w.synonyms].some((f) => LOCAL_BODY.test(f))
}

/** Whether the lexicon knows a word as a district or a local body. */
function isLocalArea(w: WeightedWord): boolean {
  return loadLexicon().entries.get(w.text)?.district === true || isLocalBody(w)
}

// A clause of the reader's own (我们公司是小微企业): what it names is not what is asked about.
const READERS_OWN = /^\s*(我|俺|咱|本人|家里)/

// A local name of a body or place (森防办, 纪工委, 五里堡街道, 花马沟), as the lexicon spells it.
const LOCAL_BODY = /(局|委|办|处|院|所|街道|社区|村|镇|乡|中心|公司|集团|站|队|学校|学院|大学|园|园区|集聚区|沟|路|街)$/

// A meeting (座谈会, 推进会) is where a post holder spoke, not the body whose post it is (管委会, 协会 are bodies).
const MEETING = /(?<![委协工商])会$/

/**
 * How the person whose name is asked may be written: the word itself with its other spellings, or,
 * for a word no article holds, its last two characters (建设局局长, cut 建设/局局长, still needs 局长);
 * for a role, the body it is of; none when any person answers.
 */
function personForms(word: string | undefined, words: WeightedWord[], question: string): string[] {
  const w = words.find((x) => x.text === word)
  if (!w) return []
  if (ROLE.test(w.text)) {
    const body = bodyBefore(question.slice(0, question.lastIndexOf(w.text)), words)
    return body ? [body.text, ...body.synonyms] : []
  }
  if (w.docs > 0) return [w.text, ...w.synonyms]
  // A post of two characters no article holds (组长) is held by no one the articles name.
  if ([...w.text].length >= 3) return [[...w.text].slice(-2).join('')]
  return isPost(w.text) ? [w.text] : []
}

/**
 * The body named last in the clause before a role (市科技局 of 市科技局领导); undefined for none or a district. One that
 * only points (各处, 该局) is none, and a meeting (座谈会领导) is no body a person leads.
 */
function bodyBefore(before: string, words: WeightedWord[]): WeightedWord | undefined {
  const clause = before.split(CLAUSE_BREAK).at(-1) ?? ''
  const last = words
    .filter((x) => !ROLE.test(x.text) && !isPointing(x.text) && !MEETING.test(x.text) && clause.includes(x.text) && BODY_WORD.test(x.text))
    .reduce<WeightedWord | undefined>((a, b) => (!a || clause.lastIndexOf(b.text) > clause.lastIndexOf(a.text) ? b : a), undefined)
  return last && !loadLexicon().entries.get(last.text)?.district ? last : undefined
}

/** A detail told only in so many words: as asked, as told, and words that show a sentence tells only what is to come. */
export interface DetailAsked {
  asked: RegExp
  told: RegExp
  unless?: RegExp
}

/** The detail told only in so many words that a clause of the question asks (线上还是线下), if any. */
export function detailAsked(question: string): DetailAsked | undefined {
  return TOLD_IN_WORDS.find((c) => askingClauses(question).some((clause) => c.asked.test(clause)))
}

/** True when a text tells the detail asked. */
export function tellsDetail(detail: DetailAsked, text: string): boolean {
  return detail.told.test(text) && !detail.unless?.test(text)
}

/** A part that asks no kind of fact (看大病能去吗, 周末能进去吗), nor a means (通过什么方式通知的): one the articles leave open leaves the other parts standing. */
export function asksNoFact(part: QuestionPart): boolean {
  return part.type === 'general' && !askedContact(part.text) && !TOLD_IN_WORDS.some((d) => d.asked.test(part.text)) && !ASKS_MEANS.test(part.text)
}

/** The sentence of a text that follows a position in it. */
function sentenceAfter(text: string, at: number): string {
  const end = text.slice(at).search(/[。！？!?]/)
  return end < 0 ? text.slice(at) : text.slice(at, at + end + 1)
}

/** True for a word that names only a stretch of time (全年, 2020年, 上半年). */
function namesPeriod(word: string): boolean {
  const named = periodsNamed(word)
  return named.relative.size + named.absolute.size + named.parts.size > 0
}
