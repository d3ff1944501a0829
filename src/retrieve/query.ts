import { Converter } from 'opencc-js/t2cn'
import { withCorrectionsRead } from './corrections.js'
import { asMandarin } from './dialect.js'
import { numeralsOf, withDigits } from './numerals.js'
import { parseTimeExpressions, type DateRange } from './dates.js'
import { loadLexicon, type Lexicon } from './lexicon.js'
import { askedUnit, asks, asksPlaceInList, ASKS_ITS_OWN, clausesOf, detectQuestionType, HOW_FAR, POST, READERS_OWN_STORY, withTerseAsked, type QuestionType } from './question-type.js'
import { cutWords, foldText, indexTokens, isNameTag, newWords, phraseTokens, tagWords } from './tokenize.js'

/** Longer queries are cut here: no question is this long, and every extra token costs search time. */
export const MAX_QUERY_CHARS = 500
const MAX_TERMS = 64

/** One thing to look for: a bigram, a whole word, or a lexicon synonym, as index tokens. */
export interface QueryTerm {
  /** Folded surface form, e.g. 安置房. */
  text: string
  /** Its index tokens, space-joined: a phrase the FTS index can match. */
  tokens: string
  kind: 'bigram' | 'word' | 'synonym'
}

/** A content word of the question, as answers look for it. */
export interface QuestionWord {
  /** Folded surface form, e.g. 安置房. */
  text: string
  /** Other spellings that count as the word (回迁房 for 安置房), from the local lexicon. */
  synonyms: string[]
  /** A name (person, place, body, project) rather than a common word: its absence says more. */
  name: boolean
  /** A person's name by jieba's tag (李建国): a question about someone no article names is not answered. */
  person: boolean
  /** A place's name by jieba's tag (洛阳, 长江路): a question about a place no article names is not answered. */
  place: boolean
}

/** One question of several asked at once (哪天开的？谁讲的话？), with the words it names. */
export interface QuestionPart {
  text: string
  type: QuestionType
  unit?: string
}

/** What a question asks for: terms for ranking, words and the asked kind of fact for answers. */
export interface QueryPlan {
  /** The question folded and in simplified characters. */
  text: string
  terms: QueryTerm[]
  words: QuestionWord[]
  type: QuestionType
  /** The unit an amount question names, as a pattern (套, 元, 人|名|位), or 日 when a when-question asks for the day. */
  unit?: string
  /** The questions asked at once; one part for a plain question. */
  parts: QuestionPart[]
  /** Issue-date ranges named by time expressions (boosts, not filters). */
  dates: DateRange[]
  /** Every form of the district names the question mentions. */
  districts: string[]
}

/**
 * Ways of asking what happened or what to do (怎么回事, 咋办), and the time connectives that tie a
 * question together (以后, 往后, 之前): no article says them, so neither search nor answers look for them.
 */
export const ASKING_FORMS = ['怎么回事', '回事', '怎么办', '咋办', '怎么弄', '咋弄', '咋整', '以后', '往后', '之后', '以前', '之前']

// Words that shape a question but name nothing an article must contain.
const QUESTION_WORDS = new Set(
  ('请问 请 问 问下 问一下 一下 想 想问 想知道 知道 告诉 说说 讲讲 介绍 我 我们 你 你们 他 她 它 他们 咱 咱们 ' +
    '多少 几 几个 多久 什么 啥 什么样 什么时候 啥时候 何时 哪 哪里 哪儿 哪些 哪个 哪天 哪家 谁 ' +
    '怎么 怎么样 怎样 咋 咋样 如何 为什么 为啥 干啥 干什么 做什么 啥样 ' +
    '是否 是不是 有没有 有无 能不能 可不可以 没有 没 不会 只是 不管 ' +
    '来着 吗 呢 吧 啊 呀 么 嘛 呗 哦 嗯 呃 额 诶 欸 了 的 地 得 着 过 是 有 在 和 与 及 或 都 也 还 就 要 会 能 可以 ' +
    '已经 现在 目前 一共 总共 共 到底 究竟 这 那 这个 那个 这些 那些 其 该 区里 省里 市里 里 情况 相关 关于 对于 ' +
    // Pointing back at what the reader has in mind (那次演练, 那天): the article names the event, not these.
    '贵区 贵单位 贵方 那天 那次 那回 那会 那会儿 那阵 那阵子 那阵儿 那段时间 那几天 后来 这次 这回 当时 那时 那时候 上次 上回 那趟 这趟 那届 这届 具体 大概 准确 确切 精确 那批 这批 那位 这位 那家 这家 那场 这场 这块 那块 ' +
    // …or at another of them (另一家是宇通吧): the article names it.
    '另一家 另一个 另一位 另一所 另一项 另一篇 ' +
    // How the asking is put together (钱是从哪来的): no article words it so.
    '是从 哪来 从哪 来讲 ' +
    // Asking for a name or a post: the article gives the name or post itself (纪工委书记武斌), never these words.
    '叫 名叫 名字 姓名 全名 全称 职务 职位 头衔 的话 ' +
    // Asking for a place (去哪个地方, 有没有指定地方): the article names the place, not 地方 (地方政府 is one word).
    '地方 ' +
    // Asking what good it does (对群众有啥好处): the article tells the good itself (恢复了道路的畅通与整洁).
    '好处 ' +
    // Asking an age (要多大岁数才能领): the article gives it in 岁 (80岁以上); 才能 is the condition's 'only then'.
    '岁数 年纪 才能 ' +
    // Asking the rule something follows (除草讲究什么原则, 施肥有啥讲究): the article states the rule, not this word.
    '讲究 ' +
    // Offering two answers to choose from (听课还是操作, 机器还是人工): the article says one of them.
    '还是 ' +
    // Adverbs of manner said around the deed (跟谁一起推出的, 是不是只用去一个地方): the article names the partner or the place.
    '一起 一同 一块儿 只用 只需 只需要 ' +
    // Hearsay: the reader says where they heard it (我看报上说, 群里转的), the article never does; jieba cuts 真的假的
    // as 真的假 + 的.
    '听说 据说 听人说 好像 真的 真的假 报上 报纸上 群里 网上 ' +
    // Pointing at the words the reader quotes (“…”，这话是谁说的): the article says them, not 这话.
    '这话 这句话 这句 那句话 那话 ' +
    // A proofreader's copy against the article (摘要写的是4号线，原文是这条线吗; 原文是这么写的吗): the article is the 原文 and
    // never says 摘要, nor points back at the version (这天, 这所, 这个数).
    '摘要 原文 写 写成 写着 这天 这所 这条 那条 这两条 这个数 这个数字 这个名字 ' +
    // The reader's word for a story (那篇锦旗的稿子, 发了多少篇稿子): the article says 稿件 or 报道, or names the story.
    '稿子 ' +
    // A child's words for grown-ups (银行的叔叔阿姨, 消防员叔叔): the article names them by their work.
    '叔叔 阿姨 叔叔阿姨 爷爷 奶奶 爷爷奶奶 伯伯 哥哥 姐姐 哥哥姐姐 ' +
    // Courtesies (谢谢 is even tagged a name).
    '谢谢 多谢 您好 你好 麻烦 劳驾 请教 问问 敬请 ' +
    // A request to check (请核实, 帮忙确认一下): what to do with the fact, not what it is about.
    '核实 核对 确认 求证 查证 烦请 告知 ' +
    // Setting aside what the reader already knows (除了管城，还跟哪个区县; 严肃处理以外还会怎么样): the article lists it
    // with the rest and never says 除了.
    '除了 除此之外 以外 之外 ' +
    // Fillers of speech typed by voice (就是说, 对吧) and the 还有 that adds a second question: no article says them.
    '就是说 然后 反正 对吧 是吧 对不对 不对 那啥 还有 ' +
    // Asking for the gist (简单说说, 一句话说说) or the very words (原话是啥): how to answer, not what about.
    '简单 简要 一句 一句话 概括 原话 原句 ' +
    // A quiz made of the news (填空：…, 判断对错：…, 以下哪一项): how it is asked, not what.
    '填空 填空题 判断 对错 正误 判断题 选择题 单选 多选 单选题 多选题 下列 以下 选项 文中 本文 ' +
    // Directions a verb is said with (分下去, 分出去): jieba cuts them off the verb; the article says 分配.
    '下去 出去 下来 出来 起来 过来 回来 上来 上去 进去 进来 ' +
    // A light verb said for whatever was done (从啥时候开始搞起的, 弄好了没): the article names the deed itself.
    '搞 搞起 搞起来 弄 弄起 整起')
    .split(/\s+/)
    .concat(ASKING_FORMS),
)

// Asking words as pinyin input or net slang misspells them (啥时侯, 神马), and dates as spoken (6月1号): no
// article writes these, so each is read as the word meant, or the question's type and its words would come out wrong.
const ASKING_TYPOS: [RegExp, string][] = [
  [/时侯/g, '时候'],
  // 啥时 is said for 啥时候 (二附院啥时开业).
  [/啥时(?![候间段刻限长效期代速])/g, '啥时候'],
  [/神马|什莫|什摸|甚么/g, '什么'],
  [/怎莫|怎摸|怎末/g, '怎么'],
  [/哪理|哪俚/g, '哪里'],
  [/多小钱/g, '多少钱'],
  // 俩 is said (哪俩社区), 两个 written; before a measure word (哪俩条路) it is 两.
  [/俩(?=[条家所位名支座件项次])/g, '两'],
  [/俩/g, '两个'],
  // An extreme asked of a figure (期限最长多少年, 最多能贷多少) is the figure asked: the article gives it, or its range
  // (期限10~30年), seldom with 最长.
  [/最[长短高低多少大小](?=(?:能|要|可以|得|是)?(?:多少|几))/g, ''],
  // People are counted with 个 when said (多少个人, 几个人); jieba reads 个人 as 'personal', so the count is read 多少人.
  [/(多少|几)个人(?!民币)/g, '$1人'],
  // A question typed on without a stop: a particle then the reader's own story (多少人啊我孙子正在找工作) ends the question.
  [/(?<=\p{Script=Han})([啊呀哈嘛呢])(?=[我俺咱])/gu, '$1，'],
  // Typed word by word (给 多少 钱?), the counter still belongs to its question word.
  [/(多少|几)\s+(?=(?:钱|块钱|元|个|家|套|人|名|位|户|次|天|年|支|所|项|条|件|辆|台|亩|吨|米|公里|平方米|平方)(?:[\s？?，,。！!]|$))/g, '$1'],
  // 哪一级 asks which grade; jieba reads its 一级 as the grade 'first' no article may print.
  [/哪一级/g, '哪级'],
  // 第二季 is Taiwan's and Hong Kong's quarter; the mainland prints 第二季度.
  [/(第[一二三四1-4])季(?!度)/g, '$1季度'],
  // 6月1号 is said, 6月1日 printed.
  [/(\d{1,2}月\d{1,2})号(?![线楼院门])/g, '$1日'],
  // 得 for 的 (both de), ending a question: 几号签得 is 几号签的.
  [/(?<=\p{Script=Han})得(?=[？?。！!\s]*$)/u, '的'],
  // Henan speech ends a clause on 嘞 or 哩 where the written language has 的 (哪个大学搞哩, 弄啥嘞).
  [/(?<=\p{Script=Han})[嘞哩](?=[，,。？?！!\s]|$)/gu, '的'],
  // Who the reader heard it from (听老伙计讲, 听邻居说, 有人说) is hearsay, as 听说 is.
  [/听(?!说)[^，,。？?！!\s]{1,4}?[讲说]|有人[说讲]/g, '听说'],
  // Net slang around a question (蹲一个 "waiting for the answer", 求科普, 家人们) asks nothing of an article.
  [/蹲一个|蹲个|求科普|家人们/g, ' '],
  // Older readers ask after a person as a comrade (是哪位同志, 那位同志) and greet the bot so (同志您好): the
  // article names the person, never the comrade.
  [/哪一?位同志/g, '谁'],
  [/([那这])位同志/g, '$1位'],
  [/^\s*同志[，,！!\s]*(?=您好|你好|[，,！!])/, ''],
  // 担任什么职务 asks the post, which the article puts before the name (党工委副书记吴晓莉), never with 担任.
  [/担任(?=(?:什么|啥|哪个|何)职)/g, ''],
  // A group pointed at as spoken (学校那帮人, 那拨人): jieba glues 帮 to the verb after it (帮人开).
  [/[这那][帮拨伙]人/g, '他们'],
  ...blanksRead(),
  ...punctuationSaid(),
]

// A quiz's blank (单产达到了____斤, 在____月____日) asks what fills it: a year or a month or day before its word, a
// length of years (____年的发展历程), a time (在____前结束), a person (负责人是____), an amount before a counter, else a thing.
function blanksRead(): [RegExp, string][] {
  const blank = String.raw`(?:_{2,}|\(\s*\))`
  return [
    [new RegExp(`${blank}(?=年(?:来|间|里|多|的(?:发展|历程|历史|时间|奋斗)))`, 'g'), '多少'],
    [new RegExp(`${blank}(?=年)`, 'g'), '哪一'],
    [new RegExp(`(?<=[在于])${blank}(?=前|之前|以前|举行|召开|开始|结束|截止)`, 'g'), '什么时候'],
    [new RegExp(`(?<=(?:人|者|员|长|主任|书记|老师|记者|代表)[是为])${blank}`, 'g'), '谁'],
    [new RegExp(`${blank}(?=[月日号])`, 'g'), '几'],
    [new RegExp(`${blank}(?=[个家人名位项次条所座辆套户亩吨倍件支期批台篇场份元万亿斤%具株棵类届处]|公里|平方米|米)(?!项目|场[所地]|位置|家[庭属]|人[员才]|条件|期间|所[在属]|台[账帐])`, 'g'), '多少'],
    [new RegExp(blank, 'g'), '什么'],
  ]
}

// Voice input writes the punctuation said aloud as words (叫什么逗号他是什么职务问号), not in a phrase (打个问号, 画上句号).
function punctuationSaid(): [RegExp, string][] {
  const said: [string, string][] = [['逗号', '，'], ['问号', '？'], ['句号', '。'], ['(?:感叹号|叹号)', '！'], ['顿号', '、']]
  return said.map(([word, mark]) => [new RegExp(`(?<!打个|打上|画上|划上|画个|划个|满的|美的|上了)${word}`, 'g'), mark])
}

// A question that checks what the reader heard (才一千来套，是不是真的？; 差不多10个亿，到底是多少？; 分了三千六百多套，准确是多少套？) gives its own guess
// at the figure or grade (是个三星级的，是真的吗): the article gives another, so the guess, rough (来, 左右, 七八百), belittled
// (才, 只有) or a grade, is no word it must hold. So is a threshold the figure is checked against (有没有三千套, 超没超过四千套, 破千万了没,
// 有二十个以上吗, 至少得一半吧): only the figure itself answers it.
const CHECKS_PREMISE = /是不是|是否|对吧|对不对|真的|到底|究竟|准确|确切|有没有|了没|(\p{Script=Han})[没不]\1|[吗吧没][？?]?\s*$|没有[？?]?\s*$/u
const COUNTER_SAID = '(?:个亿|个|套|人|名|位|家|项|元|块|条|件|所|座|户|亩|吨|斤|次|期|批|场|篇|份|天|辆|台|张|道|公里|米|平方米|万|亿|成|分(?!钟)|%|％)'
const FIGURE_SAID = `[\\d.一二两三四五六七八九十百千万亿]+(?:来|多|余)?${COUNTER_SAID}`
const THRESHOLD = '有没有|有|破了?|突破|过了?|超过|超出|超|达到|达|到了?|上|不到|不足|不止|至少得?|最少|起码|将近|接近|满'
// A figure said in round numbers (几十, 好几百, 几千来).
const ROUGH_FIGURE = '好?几[十百千万]+(?:来|多)?'
const GUESSED_FIGURE = new RegExp(`(?:才|只有|只|大概|大约|差不多|${THRESHOLD})${FIGURE_SAID}(?:左右|上下|以上|以下|出头)?|${FIGURE_SAID}(?:左右|上下|以上|以下|出头)|\\d+多${COUNTER_SAID}|(?:${THRESHOLD})(?:一半|亿)|(?:破|突破|过|超过|上)[\\d.一二两三四五六七八九十百千万亿]+(?=了|没|吗|吧|[？?]|$)|[\\d一二两三四五六七八九十百千万]+来${COUNTER_SAID}|[一二三四五六七八九]{2}[十百千万]${COUNTER_SAID}|${ROUGH_FIGURE}${COUNTER_SAID}|[一二三四五1-5]星级?`, 'g')

// How a reporter points at the story (党政办稿子里“四抓”指什么, 那篇稿子讲了啥, 原稿写的是什么时候): no article calls
// itself 稿子 or 原稿.
const STORY_POINTER = /(?:我们|我的|我)?(?:[这那]篇|[这那]条)?稿子(?:里面?|中|上)|[这那][篇条]稿子|原稿(?:里面?|中|上)?(?:写的|说的)?/g
// How a reader asks whether the paper reported something at all (报道里有没有提到…, 座谈会的新闻有吗, 有没有关于…的报道):
// the articles tell what happened, never that they mention it. 发了多少篇报道 counts the paper's own reports, and stays.
const PAPER_POINTER = /(?:报道|新闻|报纸|文章)(?:里面?|中|上)|的(?:新闻|报道|消息)(?=有吗|吗|有没有|没有)/g
/**
 * Where the reader read it (根据报道，…; 据新闻报道，…, not the 据 of 数据 or 证据), or how an exam frames a question
 * (根据以上材料回答：…; 从报道来看，…; 报道称…): the article is the report and never cites itself.
 */
export const SOURCE_CITED = new RegExp(
  '(?:根据|依据|按照|(?<![数证单收占票凭])据)(?:这篇|这则|该|本|此|上述|相关|新闻)?(?:报道|新闻|文章|消息|报纸|材料)(?:[中里内]?所?(?:说|称|讲|提到|显示|介绍)的?)?[，,：:]?' +
    '|请?(?:根据|依据|按照|结合|从|阅读|读完?)(?:以上|上述|上面|这篇|这则|该|本|此|所给)?的?(?:新闻|报道|文章|消息|材料|上文|原文|文中|内容|资料)' +
    '(?:的?(?:内容|信息))?(?:后|来看|看来)?(?:回答|作答)?[，,：:]' +
    '|^(?:新闻|报道|文章)(?:称|说)',
  'g',
)
// 提 of 有没有提升 or 提高 is the verb's, not a mention.
const MENTIONED = /(有没有|提没提到?|有无)(?:提到|提及|说到|讲到|写到|报道|提(?![升高出供前交醒]))?过?|(?:提到|提及|说到|讲到|写到)(?:过(?=[^，,。？?]*[吗没])|(?=[^，,。？?]*[吗没])|的)/g
const ABOUT_REPORT = /(有没有|有无|有)关于(.+?)的(?:新闻|报道|消息)/g

function withoutStoryPointer(text: string): string {
  return text
    .replace(STORY_POINTER, '')
    .replace(SOURCE_CITED, '')
    .replace(ABOUT_REPORT, '$1$2')
    .replace(PAPER_POINTER, '')
    .replace(MENTIONED, (_, whether: string | undefined) => (whether ? '有没有' : ''))
}

// A sentence ends at these; the reader's own life is told in sentences that open with I or their kin.
const SENTENCE_END_BEFORE = /(?<=[。！!；;\n])/
const OWN_STORY = /^[\s，,]*(那年|那会儿?|原来|以前|早先|前些年|当年)?[\s，,]*(我|俺|咱|本人|老伴|老头子|老婆子|闺女|女婿|儿子|儿媳|孙子|孙女|外孙|老两口|家里)/
// What the reader heard from someone (闺女说有区里领导去工地看过进度) is of the story: kept after 说.
const HEARD_FROM = /(?:听说|说)(?!话)[，,：:]?/

/**
 * The message without the reader's own story told before the question (我家住在地铁3号线边上，修了好长时间。闺女说有区里
 * 领导去工地看过进度。是哪位领导带的队？): sentences before the question that open with themselves or their kin are left out
 * but for what they heard (有区里领导去工地看过进度) and the local names they hold (地铁3号线), so that their words, or a
 * 好长时间 read as asking 多长时间, do not outweigh the question's. The question is the first sentence that asks and
 * is not of that story (孙子问我那天在哪比的 is).
 */
function withoutOwnStoryBefore(text: string): string {
  const sentences = text.split(SENTENCE_END_BEFORE)
  const first = sentences.findIndex((s) => asks(s) && !OWN_STORY.test(s))
  if (first <= 0 || !sentences.slice(0, first).some((s) => OWN_STORY.test(s))) return text
  const told = sentences.slice(0, first).map((s) => (OWN_STORY.test(s) ? partOfStory(s) : s))
  return [...told, ...sentences.slice(first)].join('')
}

/** Of a sentence of the reader's own story, what was heard in it, else the local names it holds. */
function partOfStory(sentence: string): string {
  const heard = HEARD_FROM.exec(sentence)
  if (heard) return sentence.slice(heard.index + heard[0].length)
  const names = [...loadLexicon().entries.keys()].filter((n) => sentence.includes(n))
  const kept = names.filter((n) => !names.some((m) => m !== n && m.includes(n)))
  return kept.length > 0 ? `${kept.join('、')}。` : ''
}

// 最后 said of how a thing ended (最后咋处理的, 最后到底整改完没有) tells no sentence apart; one of a list (最后一项) or
// the article's own (最后强调) is kept.
const EVENTUALLY = /(?:到)?最后(?=咋|怎么|如何|怎样|到底|有没有|是不是|结果)/g

function withoutEventually(text: string): string {
  return text.replace(EVENTUALLY, ' ')
}

// A size asked in round figures (大概有几十个, 几百家, 投了几千万): how many, in that counter or magnitude. Not years
// (几十年来), which tell how long something has gone on.
const ROUGH_SIZE = new RegExp(`${ROUGH_FIGURE}(?=${COUNTER_SAID})`, 'g')

// A size offered as one of two (十来家还是几十家) is the reader's guess, as one offered to check is.
const OFFERS_CHOICE = /还是/

function withRoughSizeAsked(text: string): string {
  return CHECKS_PREMISE.test(text) || OFFERS_CHOICE.test(text) ? text : text.replace(ROUGH_SIZE, '多少')
}

function withoutGuessedFigures(text: string): string {
  return CHECKS_PREMISE.test(text) ? text.replace(GUESSED_FIGURE, ' ') : text
}

// A figure the reader heard (来了两百多人, 一万人出头, 放了好几个亿): its number, magnitude and counter. Not an ordinal
// (第二所), the ones pointed back at (这两条), a lone 一 (唯一一家, 一天之内) or a number read on past its magnitude (一万三千五).
const FIGURE_HEARD = new RegExp(
  `(?<![第这那])([\\d.一二两三四五六七八九十百千]+|好几个?)(?:(万|亿)(?![\\d一二两三四五六七八九十百千]))?(?:来|多|余)?(${COUNTER_SAID.replace('|天', '')})?`,
  'g',
)

/**
 * A figure the reader heard and asks to have checked (森林防火培训来了两百多人，有这回事吗; 贷款破亿了没): the question
 * asks that amount, and only a sentence giving one in the same unit, when the figure has one, confirms or corrects it.
 */
function figureHeard(text: string): { unit?: string } | undefined {
  if (!CHECKS_PREMISE.test(text)) return undefined
  // A figure with only a magnitude (花了十万以上吗, 贷款破亿了没) takes its unit from what the question asks of it (钱).
  const askedOfIt = askedUnit(text.replace(GUESSED_FIGURE, '多少'))
  for (const [, number, magnitude, counter] of text.matchAll(FIGURE_HEARD)) {
    const counted = counter && counter !== '个' ? counter.replace(/^个(?=亿)/, '') : undefined
    // A share heard (超没超过6%) is checked against a share, as 占比多少 asks one.
    if (counted && /^[%％]$/.test(counted)) return { unit: askedUnit('占比多少') }
    if (counted && (magnitude || !/^(一+|1)$/.test(number!))) return { unit: askedUnit(`多少${counted}`) }
    if (magnitude) return { unit: askedOfIt ?? askedUnit(`多少${magnitude}`) }
  }
  // 不止一家吧 checks whether there is more than one, which 唯一一所 answers without a figure.
  return (text.match(GUESSED_FIGURE) ?? []).some((g) => !LONE_ONE.test(g)) ? { unit: askedOfIt } : undefined
}

const LONE_ONE = /(?<![\d一二两三四五六七八九十百千])[一1](?![\d.一二两三四五六七八九十百千万亿半])/

function withAskingRespelt(text: string): string {
  return withGistAsked(withWhichRespelt(ASKING_TYPOS.reduce((t, [typo, word]) => t.replace(typo, word), text)))
}

// Asking for the gist (一句话概括一下, 总结一下, 简单说下) asks what the story says, as 讲了啥 does, where nothing else
// in the message asks (主要讲了什么？一句话概括下 already does).
const GIST = /一句话(?:概括|总结|说|讲)(?:一下|下)?|(?:概括|总结|概述)(?:一下|下)|简单(?:说|讲|介绍)(?:一下|下)/

function withGistAsked(text: string): string {
  const gist = GIST.exec(text)
  if (!gist) return text
  const rest = text.slice(0, gist.index) + '。' + text.slice(gist.index + gist[0].length)
  return clausesOf(rest).some(asks) ? text : text.replace(GIST, '讲了啥')
}

// 那 typed for 哪 (both na in pinyin input) where a sentence asks nothing else: 决赛定在那天举行？, 这篇是那位记者报的.
const WHICH_TYPED = /(?<=是|在|到|去|从)那(?=[天位个家里儿年月条所些])/
const SENTENCE_OF_QUESTION = /[^。！!？?\n]+[。！!？?\n]*/g

function withWhichRespelt(text: string): string {
  return text.replace(SENTENCE_OF_QUESTION, (s) => (asks(s) ? s : s.replace(WHICH_TYPED, '哪')))
}

let toSimplified: ((s: string) => string) | undefined

/** Traditional → simplified (opencc, Taiwan usage included), built on first use (~50 ms). */
export function simplify(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 'tw', to: 'cn' }))
  return convert(text)
}

/** Text folded and read as simplified Mandarin (係邊位通訊員影嘅 → 是哪位通讯员影的), as questions are read. */
export function inMandarin(text: string): string {
  return simplify(asMandarin(foldText(text)))
}

/**
 * The question as analyzeQuery reads it: folded, simplified, respelt and cut (`asked`), with the dates its time
 * expressions name and the relative ones (上周) taken out. `learnedNames` is asked about this text. `heard` is set
 * when the reader asks to have a figure checked, with the figure's unit if it has one.
 */
export function readQuestionText(query: string, today: string | null): { asked: string; text: string; dates: DateRange[]; heard?: { unit?: string } } {
  const read = withTerseAsked(withAskingRespelt(withDigits(withCorrectionsRead(inMandarin(query.slice(0, MAX_QUERY_CHARS))))))
  const asked = withoutEventually(withoutGuessedFigures(withRoughSizeAsked(withoutStoryPointer(withoutOwnStoryBefore(read)))))
  let text = asked
  const dates: DateRange[] = []
  if (today) {
    for (const t of parseTimeExpressions(text, today)) {
      dates.push(t.range)
      if (t.relative) text = text.replace(t.text, ' ')
    }
  }
  return { asked, text, dates, heard: figureHeard(read) }
}

/**
 * Reads a question: folds width and case, converts traditional characters, cuts it at
 * MAX_QUERY_CHARS, drops question words and particles, turns time expressions into date ranges
 * relative to `today` (the newest issue date), and expands local names with their synonyms.
 * `learnedNames` finds the names learned from the articles in the folded text; each is kept whole, as a word.
 */
export function analyzeQuery(
  query: string,
  today: string | null,
  lexicon: Lexicon = loadLexicon(),
  learnedNames?: (text: string) => string[],
): QueryPlan {
  const { asked, text, dates, heard } = readQuestionText(query, today)
  const terms: QueryTerm[] = []
  const seen = { bigram: new Set<string>(), phrase: new Set<string>() }
  const add = (surface: string, kind: QueryTerm['kind'], tokens = kind === 'bigram' ? indexTokens(surface) : phraseTokens(surface)) => {
    const key = tokens.join(' ')
    const set = kind === 'bigram' ? seen.bigram : seen.phrase
    // A synonym the question already spells out adds nothing.
    if (!key || set.has(key) || (kind === 'synonym' && seen.bigram.has(key)) || terms.length >= MAX_TERMS) return
    set.add(key)
    terms.push({ text: surface, tokens: key, kind })
  }
  const words = cutWords(text)
  const segments = contentSegments(words)
  for (const segment of segments) for (const t of indexTokens(segment)) add(t, 'bigram', [t])
  // Whole words again as phrases: a word found intact counts beside its bigrams.
  for (const w of words) if (isContent(w) && [...w].length >= 2) add(w, 'word')
  // Names no dictionary knows count as whole words too, as dictionary words do; one that takes in
  // a question word or particle (法是, 发了) is not a name.
  // A name lies within the question's words once its question phrases, with their counter, are cut
  // out, as for the answer's words: 多少条对区党工委 yields no name 条对区, 哪天到哪天 no 天到.
  const stripped = text.replace(QUESTION_PHRASES, '，')
  const strippedWords = cutWords(stripped)
  const nameSegments = contentSegments(strippedWords)
  const tagged = tagWords(stripped)
  const found = newWords(stripped, strippedWords).filter((w) => nameSegments.some((s) => s.includes(w)) && !GLUED.test(w) && isContent(w) && !gluesVerbs(w, tagged))
  const names = [...found.map(withoutErhua).filter((w) => [...w].length > 1), ...(learnedNames?.(text) ?? [])]
  for (const name of names) add(name, 'word')
  const districts = new Set<string>()
  for (const [name, entry] of lexicon.entries) {
    if (!text.includes(name)) continue
    for (const s of entry.synonyms) add(s, 'synonym')
    if (entry.district) for (const n of [name, ...entry.synonyms]) districts.add(n)
  }
  // A question that asks nothing but whether a figure heard is so asks that amount.
  const asking = withoutToldAfter(asked)
  const detected = detectQuestionType(asking)
  const type = detected === 'general' && heard ? 'amount' : detected
  return {
    text: asked,
    terms,
    words: questionWords(text, tagged, names, lexicon),
    type,
    unit: type === detected ? askedUnit(asking, type) : heard?.unit,
    parts: splitParts(asking, type),
    dates,
    districts: [...districts],
  }
}

// The common surnames (about nine in ten people bear one of them): jieba tags words such as 麦子 as
// names too, and a question is refused for a person no article names only when it names a person.
const SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢' +
    '姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝').split(''),
)

// jieba's HMM glues a verb to the direction, aspect or result beside it (搭上的线, 楼盘项目上发的, 下完雨, 垃圾多久清走,
// 咱经开区分到了多少钱 → 搭上, 上发, 完雨, 清走, 分到), a noun to the 进 after it and a verb to the 些 after it
// (几支队进了决赛, 要学些啥 → 队进, 学些): a name no dictionary knows holds none of these.
const GLUED = /[上下完过着进些走到]/

// Verbs a reader puts before the one that says what was done (去看收小麦, 报道说办了多少件), and the 去 said after a verb
// or adverb (调研先去看了哪个工地, 往哪摆去): jieba's HMM may glue them to the word beside them.
const LEADING_VERB = /^[看去来要想搞弄让叫帮找说]/
const TRAILING_GO = /去$/

/**
 * True when the dictionary cuts a word jieba's HMM found into single-character verbs and adverbs, the first a verb
 * that leads another or the last a 去 (看/收, 先/去, 摆/去): no name. 禁烧 of 秸秆禁烧 is a word, and 祥去 (祥云
 * misspelt) a name: 祥 is no verb.
 */
function gluesVerbs(word: string, tagged: { word: string; tag: string }[]): boolean {
  const chars = [...word]
  const verbal = (i: number) => chars.every((c, j) => tagged[i + j]?.word === c && /^[vd]/.test(tagged[i + j]!.tag))
  return (LEADING_VERB.test(word) || TRAILING_GO.test(word)) && tagged.some((_, i) => verbal(i))
}

// Common words jieba's dictionary tags as persons (张口 "ask for", 张罗 "organise", 胡同 "alley", 师傅 "master",
// 荣誉 "honour"); two characters ending in 子 (苗子 "seedlings", 林子 "woods") are a thing, not a name.
const NOT_PERSONS = new Set(['张口', '张罗', '胡同', '师傅', '顾客', '段时间', '周转', '荣誉'])

/** True when a word of two or three characters starts with a common surname, as most names of people do (武斌, 王家鹏). */
export function hasCommonSurname(word: string): boolean {
  const chars = [...word]
  return chars.length >= 2 && chars.length <= 3 && SURNAMES.has(chars[0]!)
}

/**
 * True for a question word that names a person: tagged as one, or a name learned from the articles with a common
 * surname (刘明胜); never a local name of the lexicon (王庄村, which jieba may tag as a person).
 */
export function isPersonWord(w: QuestionWord): boolean {
  return !loadLexicon().entries.has(w.text) && (w.person || (w.name && hasCommonSurname(w.text)))
}

/** A person's name as jieba tags one, of two to four characters and with a common surname first. */
function isPersonName(word: string, tag: string): boolean {
  const chars = [...word]
  if (NOT_PERSONS.has(word) || (chars.length === 2 && chars[1] === '子')) return false
  return tag === 'nr' && chars.length >= 2 && chars.length <= 4 && SURNAMES.has(chars[0]!)
}

// A post right before a name makes it a person's (党工委书记王涛, 工会主席王宏亮, 主任王家明), however jieba cuts the
// name (王/宏亮, 王家/明, 程/晓/东); a verb, preposition, particle or pronoun after it is no part of it (武斌带人, 全名叫).
const POST_BEFORE_NAME = new RegExp(`(${POST})$`)
const NOT_IN_NAME = /^[vpurdcmqf]/

/** The names of two or three characters, a common surname first, that stand right after a post. */
function postHolders(text: string): string[] {
  const tokens = tagWords(text)
  const out: string[] = []
  tokens.forEach(({ word: post }, i) => {
    if (!POST_BEFORE_NAME.test(post) || !SURNAMES.has([...(tokens[i + 1]?.word ?? '')][0] ?? '')) return
    let name = ''
    for (const { word, tag } of tokens.slice(i + 1)) {
      if (!/^\p{Script=Han}+$/u.test(word) || NOT_IN_NAME.test(tag) || [...name + word].length > 3) break
      name += word
    }
    if ([...name].length >= 2) out.push(name)
  })
  return out
}

// Common words jieba's dictionary tags as places (东西 "things", 上山 "up the hill", 新建 "newly built", 中考 "the exam",
// 上市 "listed", 开春 "early spring", 上台 "on stage", 上街 "out on the street", 锦旗 "a silk banner", 大都 "mostly",
// 福利 "benefits", 普及 "to spread"); the later ones are those so tagged in the CRUD bench's questions.
const NOT_PLACES = new Set([
  ...['东西', '上山', '下山', '新建', '中考', '上市', '开春', '上台', '上门', '上路', '上街', '临街', '扎堆', '锦旗', '大都', '礼拜'],
  ...['城市', '城镇', '文明城市', '台风', '福利', '普及', '大桥', '入口', '大国', '大海', '海洋', '越野', '千古', '维度', '外国'],
])

/** A place's name as jieba tags one (洛阳, 长江路, 樱桃沟), of two characters or more. */
function isPlaceName(word: string, tag: string): boolean {
  return tag.startsWith('ns') && [...word].length >= 2 && !NOT_PLACES.has(word)
}

/**
 * The question's content words for answers: dictionary words (names among them by jieba's tag or
 * the lexicon), plus the names no dictionary holds, whose single-character pieces are dropped.
 */
function questionWords(text: string, stripped: { word: string; tag: string }[], names: string[], lexicon: Lexicon): QuestionWord[] {
  const out = new Map<string, QuestionWord>()
  const wholeNames = new Set(names)
  // Question phrases, with the counter they ask in, are cut out first (`stripped`, tagged), so jieba cannot glue their
  // characters to a content word (哪天开的 → 天开, 多少套房 → 套房).
  let previous = ''
  for (const { word: said, tag } of withNumbersJoined(stripped)) {
    const word = lexicon.entries.has(said) ? said : withoutErhua(said).replace(COUNT_GLUED, '')
    // The comrade said after a name (武斌同志) is how the reader addresses the person, which articles leave out.
    const comrade = word === '同志' && previous === 'nr'
    previous = tag
    if (!isContent(word) || comrade || /^\d$/.test(word) || out.has(word)) continue
    if ([...word].length === 1 && names.some((n) => n.includes(word))) continue
    const entry = lexicon.entries.get(word)
    const name = (isNameTag(tag) && !NOT_PERSONS.has(word) && !NOT_PLACES.has(word)) || entry !== undefined || wholeNames.has(word)
    out.set(word, { text: word, synonyms: [...(entry?.synonyms ?? []), ...numeralSpellings(word), ...meetingSpellings(word)], name, person: isPersonName(word, tag), place: isPlaceName(word, tag) })
  }
  for (const n of names) if (!out.has(n)) out.set(n, { text: n, synonyms: lexicon.entries.get(n)?.synonyms ?? [], name: true, person: false, place: false })
  for (const n of postHolders(text)) out.set(n, { text: n, synonyms: [], place: false, ...out.get(n), name: true, person: true })
  return [...out.values()]
}

// A count jieba glues to the thing counted (两条路): the thing is the word.
const COUNT_GLUED = /^[两二三四五六七八九十几]+[条个家所座项处间](?=\p{Script=Han})/u

// A small count the reader types in digits (每周最少搞1次, 6个督导组) that the article writes in numerals (一次, 六个).
const SMALL_COUNT = /^([1-9]|10)(\p{Script=Han}{1,2})$/u

// A meeting said short (动员会, 推进会) that the paper prints in full (动员大会, 推进会议); not a body (工会, 居委会, 委员会)
// nor a gathering of another kind (晚会, 运动会).
const SHORT_MEETING = /^(\p{Script=Han}{2,})(?<!大|工|协|学|商|委|委员|理事|议|晚|宴|博览|展销|运动|联)会$/u

function meetingSpellings(word: string): string[] {
  const stem = SHORT_MEETING.exec(word)?.[1]
  return stem ? [`${stem}大会`, `${stem}会议`] : []
}

function numeralSpellings(word: string): string[] {
  const m = SMALL_COUNT.exec(word)
  return m ? numeralsOf(Number(m[1])).map((n) => n + m[2]) : []
}

// Northern speech ends a word on 儿 (事儿, 名儿, 小摊儿) where print never does; not the 儿 of a child (女儿, 幼儿).
const ERHUA = /^(\p{Script=Han}+?)儿$/u
const CHILD = /(女|婴|幼|孤|健|男|宠|托|胎|患|儿)儿$/

function withoutErhua(word: string): string {
  const m = ERHUA.exec(word)
  return m && !CHILD.test(word) ? m[1]! : word
}

// A grade asked (啥级别, 几星) is answered by the grade itself (省级二星级), which never says 级别. 来着 ends a
// question as a particle (哪八个字来着), which jieba would glue to the word before it (字来).
const QUESTION_PHRASES = new RegExp(
  `(?:什么|啥|哪个|哪一?)(?:级别|档次|等级)|几星级?|几级|(星期|礼拜|周)几|(?:排名?|位列|位居|排在)?第几[名位]?|排老几|百分之(?:多少|几)|多长时间|${HOW_FAR}|什么时候|啥时候|(?:什么|啥)(?:东西|玩意儿?)|什么|哪一?天|哪[里儿些]|哪(?:[一两二三四五六七八九十几]?[个位家条座所项间种类场处样块])?|多少[套个家元人项次名条所座辆期批台篇场户亩吨倍份件支]?|几[月号时点套个家元人项次名条所座辆期批台篇场户亩吨倍份件支样]?|谁|怎么样?|咋样?|如何|为什么|为啥|来着(?=[？?，,。！!\s]|$)`,
  'g',
)

/**
 * A number and the word after it are one word (5号线, 3636套): 3号线 does not answer 5号线. jieba cuts a
 * decimal at its point (9/./97), so the pieces are joined first: 9.97亿, not 97亿.
 */
function withNumbersJoined(cut: { word: string; tag: string }[]): { word: string; tag: string }[] {
  const tagged: { word: string; tag: string }[] = []
  for (let i = 0; i < cut.length; i++) {
    const [int, point, frac] = [cut[i]!, cut[i + 1], cut[i + 2]]
    if (/^\d+$/.test(int.word) && point?.word === '.' && frac && /^\d+$/.test(frac.word)) {
      tagged.push({ word: `${int.word}.${frac.word}`, tag: 'm' })
      i += 2
    } else tagged.push(int)
  }
  const out: { word: string; tag: string }[] = []
  for (let i = 0; i < tagged.length; i++) {
    const cur = tagged[i]!
    const next = tagged[i + 1]
    // Not the first end of a range (1到6月, as the article prints 1~6月): its 到 joins two numbers.
    const range = next !== undefined && /^(到|至)$/.test(next.word) && /^\d/.test(tagged[i + 2]?.word ?? '')
    if (/^\d+(\.\d+)?$/.test(cur.word) && next && isContent(next.word) && !range) {
      out.push({ word: cur.word + next.word, tag: 'nz' })
      i++
    } else out.push(cur)
  }
  return out
}

// What ends a part: a piece is split off right after it, keeping it, and then loses it.
const PART_END = '[？?；;！!。\\n]'
const AFTER_PART_END = new RegExp(`(?<=${PART_END})`)
const PART_END_AT_END = new RegExp(`${PART_END}+$`)
// Within a sentence, a space or a comma parts two questions when both sides ask with a question word of their
// own (有几支队参加 几支进了决赛; 看了多少个社区，程晓华去的是哪几个社区); a piece that asks nothing there
// (领导去看地铁工地那次 是几号线) says what the next one asks about.
const PIECE_END = /[\s，,]+/

const QUESTION_MARK_AT_END = /[？?]$/
const A_FEW = /几(?=[个位名人家户条件次天年])/g

/**
 * The question without what the reader tells after it: after a question asked with its question mark, a sentence of
 * their own that asks nothing but with a 几 before its counter (我们护林队新来几个人想去学) says why they ask, and its
 * 几 is 'a few'. It sets no kind, unit or part.
 */
function withoutToldAfter(text: string): string {
  const sentences = text.split(AFTER_PART_END)
  const told = (s: string, before: string | undefined) =>
    before !== undefined && QUESTION_MARK_AT_END.test(before.trim()) && READERS_OWN_STORY.test(s) && !asks(s.trim().replace(A_FEW, ''))
  return sentences.filter((s, i) => !told(s, sentences[i - 1])).join('')
}

/** The questions one sentence asks: its pieces between spaces or commas, each asking piece with the ones before it that ask nothing. */
function questionsIn(sentence: string): string[] {
  const pieces = sentence.split(PIECE_END).filter(Boolean)
  if (pieces.filter((p) => ASKS_ITS_OWN.test(p)).length < 2) return [sentence]
  const out: string[] = []
  let context = ''
  for (const p of pieces) {
    if (ASKS_ITS_OWN.test(p)) {
      out.push(context + p)
      context = ''
    } else context += p
  }
  if (context) out.push(context)
  return out
}

/**
 * The questions asked at once, split at question marks: 哪天开的？谁讲的话？ is two. A part with no
 * question word of its own (小微企业呢？) asks what the part before it asked.
 */
function splitParts(text: string, type: QuestionType): QuestionPart[] {
  // A piece that asks nothing (我想以后去那边看病方便点) tells the reader's own story: it is no part.
  // Split after each part's end, so a piece keeps its question mark (我家的呢？ asks, 俺家还等着回迁呢 tells).
  const pieces = text
    .split(AFTER_PART_END)
    .flatMap(questionsIn)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]{2}/u.test(p) && asks(p))
    .map((p) => p.replace(PART_END_AT_END, ''))
  // A list named in one piece and a member asked by its place in the next (…的几个地区，排第二的是哪里) is one question.
  if (pieces.length < 2 || asksPlaceInList(text)) return [{ text, type, unit: askedUnit(text, type) }]
  const parts: QuestionPart[] = []
  for (const p of pieces) {
    const own = detectQuestionType(p)
    const prev = parts.at(-1)
    // Only a part that asks with 呢 or 吗 alone (小微企业呢？) carries the kind and unit of the one before;
    // 请的哪家的老师 and 一共分了几大类 ask their own.
    const carried = prev && !ASKS_ITS_OWN.test(p) ? prev : undefined
    const t = own === 'general' && carried ? carried.type : own
    parts.push({ text: p, type: t, unit: askedUnit(p, t) ?? (t === 'amount' ? carried?.unit : undefined) })
  }
  return parts
}

// Question words jieba keeps whole with their counter or object: 几所 多少钱 哪几 什么时候's 时候; and a judgement asked
// whether, said twice around 不 (高不高, 满不满意, 管不管用): the story gives the figure or the result. A deed asked so (招不招,
// 办不办) is a word of the story.
const QUESTION_WORD_FORMS = /^(几.?|多少.?|哪.?|哪几.?|什么.?|啥.?|时候|那边|这边|([高低好多少大小快慢长短难易严满管够准全早晚远近贵])不\2\p{Script=Han}?)$/u

const WORD = /[\p{L}\p{N}]/u

// A verb jieba glues to its counter (划个地方, 列个清单, 投个简历): the counter's noun says what it is about.
// A count (两个重点) still says something.
const VERB_AND_COUNTER = /^[^\P{Script=Han}一二两三四五六七八九十百千万几多]个$/u
// A place in a list (第一个, 倒数第二条), or one of its kinds (最多的一类, 那一层): where the member stands or what it is
// one of, which the article shows by its order and its figures, not these words.
const PLACE_WORD = /^(倒数)?第[一二三四五六七八九十\d]+[个项条位站点样种]$|^倒数$|^一[类层种级批组]$/
// Whether a deed is over (弄完没有, 比完了吗): the article tells it done in its own words (已完成, 择期进行决赛).
const DONE_WORD = /^\p{Script=Han}完$/u
// Handing something on, and where it went (发下去, 分下去, 报上去, 批下来): said so by readers, the article says 发放, 配发,
// 上报, 批复. Not 接下来 "next", 收上来, 挑出来: those say what was done.
const DIRECTED = /^[发送交传报递派分批拨][下上](去|来)$/

function isContent(word: string): boolean {
  return WORD.test(word) && !QUESTION_WORDS.has(word) && !QUESTION_WORD_FORMS.test(word) && !VERB_AND_COUNTER.test(word) && !PLACE_WORD.test(word) && !DONE_WORD.test(word) && !DIRECTED.test(word)
}

/** Runs of consecutive content words, joined: bigrams are taken inside a run, never across a dropped word or punctuation. */
function contentSegments(words: string[]): string[] {
  const segments: string[] = []
  let cur = ''
  for (const w of words) {
    if (!isContent(w)) {
      if (cur) segments.push(cur)
      cur = ''
    } else cur += w
  }
  if (cur) segments.push(cur)
  return segments
}
