import { askingClauses, asks, clausesOf, foldText, hasCommonSurname, isTwoCommonWords, lastAskingClause, loadLexicon, READERS_OWN_STORY, tagWords, versionsOffered, type AnalyzedQuery, type WeightedWord } from '../retrieve/index.js'
import type { Candidate } from './evidence.js'
import { quotableTexts, siblingIn } from './typos.js'

const HAN = /^\p{Script=Han}+$/u
const YEAR = /((?:19|20)\d{2})\s*年/g
// An area a question can be about (金水区, 中牟县); generic places (社区, 园区, 小区) name no area.
const AREA = /^\p{Script=Han}{2,4}[区县]$/u
const NOT_AREA = /(社|小|园|景|城|片|辖|校|厂|矿|街|集聚|产业|(?<!高)新|试验|开发|功能|保护|服务)区$/
// A district pointed at, not named (隔壁区, 我们区, 其他区).
const POINTED_AREA = /^(隔壁|旁边|周边|附近|相邻|邻近|临近|你们|我们|他们|咱们|俺们|别的|其他|其它|各个|这个|那个|哪个|外地)/

// A numbered thing (5号线, 3期工程): another number is another thing.
const NUMBERED = /\d+\s*(?:号线|号楼|号院|号地块|期工程)/g
// An ordinal one (第二届, 第三季度, 首届): the first edition does not answer a question about the second.
const ORDINAL = /(?:第([一二三四五六七八九十\d]{1,3})|(首))\s*(届|季度|期|批|轮)/g
// A locality below the district (九龙办事处, 蜜蜂张街道, 阳妙镇): a word of two or more characters
// before the kind, or ending in it, unless it only points or is generic (这个街道, 周边乡镇) or is a verb said before a
// body (代表办事处表态, 联合街道开展).
// The kind may follow a road's name that jieba cut off its 路 (京广/路/街道 is 京广路街道); the 乡 of
// 乡镇 or 乡村 and the 镇 of 镇上 are no kind (除了/乡镇街道 names no locality 除了).
const LOCALITY_KIND = /^(路|街|大道)?(办事处|街道|镇(?!上)|乡(?![镇村下亲]))/
const ENDS_IN_KIND = /^(\p{Script=Han}{2,})(办事处|街道|镇|乡)$/u
const POINTER = /^(各|该|本|全|每|哪|这|那|所在|相关|辖区|有关|其他|多个|几个|周边|附近|当地|基层|农村|乡村|乡镇|城市|城乡|还是|或者|或是|而是|就是|不是|只是|都是|也是|可是|光是|还有|代表|联合|配合|会同|前往|来到)/
// A community, village, school or numbered hospital named by its kind (锦绣家园社区, 李庄村, 育才路小学, 郑大一附院):
// asked of in a clause that asks, only an article that names it whole answers (郑大二附院 does not). Not of the
// reader's own (俺们村, 我家社区). Colleges and universities are left out: readers shorten their names (财金学院, 郑大).
const PLACE_KINDS = '社区|村|小学|中学|学校|附院'
const PLACE_KIND = new RegExp(`^(${PLACE_KINDS})`)
const ENDS_IN_PLACE_KIND = new RegExp(`^\\p{Script=Han}{2,}(${PLACE_KINDS})$`, 'u')
const OWN = /^(俺|我|咱|你|您|他|她|恁|大家|自己|老家|家里|本地|各个|一个|两个)/

// A count and its counter, and nothing else (一个, 一所, 两位).
const COUNT_ONLY = /^[一二两三四五六七八九十几][个所家位名条项次件只台辆座栋种类批期届场处]$/

// A count (两位区领导 is two of the district's leaders, not an area 两位区).
const COUNTED_WORD = /^[一二两三四五六七八九十几多\d]/

/** An area a question can be about: 金水区, or 惠济 where jieba cuts 惠济区 as 惠济/区. */
function isArea(word: string): boolean {
  return AREA.test(word) && !NOT_AREA.test(word) && !POINTED_AREA.test(word)
}

/**
 * True when a clause that asks names a person no article in the store names (管委会副主任李建国); one of
 * the reader's own story is no veto, the less so as jieba tags some nouns as names (苗子长虫了).
 */
export function namesUnknownPerson(query: AnalyzedQuery): boolean {
  return asksOfUnknown(query, (w) => w.person)
}

// A clause of the reader's own story (我家老头子…), a guess (是兰溪苑？, 都是上市公司吧), or one the reader corrects
// in the next (密封张街道 就是蜜蜂张街道…) names nothing asked about. One that asks whether (X是不是也来了？) is no guess.
const GUESSED = /[吧吗？?]$/
const ASKS_WHETHER = /是不是|有没有/
// 就是说 is a filler of speech (…周边的路 就是说啥时候能修好), not a correction.
const CORRECTS = /^(就是(?!说)|也就是(?!说)|应该是|不对|哦不|我是说)/

/**
 * True when a clause that asks, or one before it that names what it asks about (跟郑州大学签的那个协议，引进了
 * 多少个博士), holds a word of the kind no article in the store holds.
 */
function asksOfUnknown(query: AnalyzedQuery, ofKind: (w: WeightedWord) => boolean): boolean {
  const said = askingOrNaming(query.text)
  // Nor the reader's own version to be checked (是经南二路财富天阶小区的居民吧): the article may print another.
  const offered = versionsOffered(foldText(query.text))
  // Nor the kind of a name half remembered (是叫什么财经学院吗, 什么防火中心): it is asked, the article names it its way.
  const asked = (w: WeightedWord) => HALF_REMEMBERED.some((q) => query.text.includes(q + w.text))
  return query.words.some((w) => w.docs === 0 && said.some((c) => c.includes(w.text)) && !offered.some((v) => v.includes(w.text)) && !asked(w) && ofKind(w))
}

const HALF_REMEMBERED = ['什么', '啥']

/** A text of the question (the question itself, by default) without the versions the reader offers to be checked. */
function withoutOffered(question: string, text: string = question): string {
  return versionsOffered(question).reduce((t, version) => t.replace(version, ' '), text)
}

/** The clauses that ask, and those before them that name what is asked about, not the reader's own story or guess. */
function askingOrNaming(question: string): string[] {
  const clauses = clausesOf(question)
  const last = lastAskingClause(question)
  const naming = clauses.filter((c, i) => i < last && !READERS_OWN_STORY.test(c) && (!GUESSED.test(c) || ASKS_WHETHER.test(c)) && !CORRECTS.test(clauses[i + 1] ?? ''))
  return [...askingClauses(question), ...naming]
}

// The district a store is about (经开区), a word nearly every article holds, or a count and its counter alone
// (一个, 一所), says nothing of what a question is about; in a store this small or smaller, document counts tell
// nothing either.
const GENERIC_SHARE = 0.75
const MIN_ARTICLES = 8

/**
 * True when of the words of a question the articles hold, none is more than a district's name or what
 * nearly every article holds, and some word no article holds: 经开区今年重阳节给老年人发慰问品没有 finds only 经开区.
 */
export function findsOnlyGenericWords(query: AnalyzedQuery): boolean {
  if (query.total < MIN_ARTICLES) return false
  const words = query.words.filter((w) => [...w.text].length > 1)
  const generic = (w: WeightedWord) => query.districts.includes(w.text) || w.docs >= GENERIC_SHARE * query.total || COUNT_ONLY.test(w.text)
  return words.some((w) => w.docs === 0) && words.every((w) => w.docs === 0 || generic(w))
}

/**
 * True when a clause that asks names a place no article in the store names (洛阳经开区, 长江路街道); a
 * place of the reader's own story (我家老头子年轻时候也上山扑过火) says nothing of what is asked.
 */
export function namesUnknownPlace(query: AnalyzedQuery): boolean {
  return asksOfUnknown(query, (w) => w.place)
}

// A body's own name ends in its kind (河南财经政法大学 → 政法大学, 第十一中学): a word of the kind alone (大学) is no name.
const BODY_NAME = /^\p{Script=Han}{2,}(大学|学院|中学|小学|医院|公司|集团|银行)$/u
// A firm's name jieba cuts up (扬帆/机械/有限公司): a name, its trade and its kind; what points (时到/哪家/公司)
// or says its size (开小/公司) is no trade. Colleges are left out, as readers shorten their names (财金学院).
const FIRM_AFTER = /^(\p{Script=Han}{1,4}?)(公司|集团|银行)/u
const NO_TRADE = /[哪这那个家的些]/
// A facility named by what it is for (健身/中心, 游泳/馆): jieba cuts the name from its kind.
const FACILITY_AFTER = /^(中心|馆|公园|广场|体育场)/

/**
 * True when a clause that asks names a school, hospital, firm, bank or facility no article in the store names
 * (河南财经政法大学, 郑州扬帆机械有限公司, 全民健身中心); one the reader only remarks on (都是上市公司吧) says nothing of
 * what is asked.
 */
export function namesUnknownBody(query: AnalyzedQuery): boolean {
  const text = foldText(query.text)
  const after = (w: WeightedWord) => text.slice(text.indexOf(w.text) + w.text.length)
  const firmAfter = (w: WeightedWord) => {
    const trade = FIRM_AFTER.exec(after(w))?.[1]
    return w.name && trade !== undefined && !NO_TRADE.test(trade)
  }
  const facility = (w: WeightedWord) => [...w.text].length >= 2 && HAN.test(w.text) && FACILITY_AFTER.test(after(w))
  return asksOfUnknown(query, (w) => BODY_NAME.test(w.text) || firmAfter(w) || facility(w))
}

// A word that a road or place kind follows names it, whatever jieba's tag (客运/路社区); one that jieba glued
// to the preposition or particle before it (给区/党工委, 下雨后树容易生病) names nothing.
const PLACE_AFTER = /^(路|街|大道|社区|村)/
const GLUED_PREPOSITION = /^[给对在把被从跟往让叫的了后]/
// Two characters ending in 子 are a thing jieba may tag as a name (苗子 "seedlings", beside the printed 苗木).
const THING = /^\p{Script=Han}子$/u

/**
 * True when a clause that asks, or names what it asks about, names something no article holds whose
 * sibling the articles print: one character of its name other, the characters after it the same
 * (瑞丰酒店 where 瑞庭酒店 is printed, 中车高端 where 中铁高端 is). Run on the question with its typos read,
 * so a misspelling (瑞亭酒店) is no sibling.
 */
export function namesSibling(query: AnalyzedQuery, candidates: Candidate[]): boolean {
  const text = foldText(query.text)
  const named = (w: WeightedWord) => !GLUED_PREPOSITION.test(w.text) && !THING.test(w.text) && (w.name || PLACE_AFTER.test(text.slice(text.indexOf(w.text) + w.text.length)))
  // Folded only when a word no article holds is up for it, as few questions have one.
  let texts: string[] | undefined
  return (
    asksOfUnknown(query, (w) => named(w) && siblingIn(text, w.text, (texts ??= quotableTexts(candidates))) !== undefined) ||
    namesNumberedSibling(query, candidates)
  )
}

const NUMERAL = /[一二三四五六七八九十]/g
const HAN_NAME = /^\p{Script=Han}{4,}$/u

/**
 * True when the question, where it asks or names what it asks about, names a known name with another numeral in it
 * (郑大一附院 where the lexicon's 郑大二附院 is printed), which jieba cuts into pieces no word check sees: another
 * hospital, line or slogan, unless an article prints it. Not one the reader offers to be checked (是在经北一路吗), nor
 * a slip beside another known name of the story that prints the name (经北三路财富天阶小区 of 经北二路财富天阶小区).
 */
function namesNumberedSibling(query: AnalyzedQuery, candidates: Candidate[]): boolean {
  const question = foldText(query.text)
  const text = withoutOffered(question, askingOrNaming(question).join('，'))
  const lexicon = loadLexicon().entries
  const known = query.words.filter((w) => w.docs > 0 && [...w.text].length >= 3 && (w.name || lexicon.has(w.text)) && !lexicon.get(w.text)?.district)
  for (const name of lexicon.keys()) {
    if (!HAN_NAME.test(name) || text.includes(name)) continue
    for (const numeral of name.matchAll(NUMERAL)) {
      const at = numeral.index
      const other = new RegExp(`${name.slice(0, at)}[${'一二三四五六七八九十'.replace(numeral[0], '')}]${name.slice(at + 1)}`)
      const said = other.exec(text)?.[0]
      if (!said || candidates.some((c) => c.text.includes(said) || c.title.includes(said))) continue
      const story = candidates.filter((c) => c.text.includes(name))
      if (!known.some((w) => !said.includes(w.text) && story.some((c) => c.text.includes(w.text)))) return true
    }
  }
  return false
}

/**
 * The candidates that mention every year, area, locality, numbered and ordinal thing the question
 * names: a question about 2021年's bonds, 金水区's training, 九龙办事处, 地铁5号线 or the 第二届 contest
 * is not answered by an article on 2020's bonds, 经开区's training, 明湖办事处, 地铁3号线 or the 首届
 * one, however much else they share. A year also counts when the article is dated in it; an area also
 * by its other spellings and by the paper's name (经开时报 is 经开区's); a locality as `read` spells it.
 */
export function aboutNamedScope<C extends Candidate>(query: AnalyzedQuery, candidates: C[], read: AnalyzedQuery = query): C[] {
  // A place or year the reader offers as their version (王庄村是不是明湖办事处的, 签的是2021年的责任书吗) is checked by the
  // article, which may name another.
  const said = foldText(query.text)
  const unoffered = withoutOffered(said)
  const years = [...unoffered.matchAll(YEAR)].map((m) => m[1]!)
  const numbered = [...query.text.matchAll(NUMBERED)].map((m) => m[0].replace(/\s+/g, ''))
  const ordinals = [...query.text.matchAll(ORDINAL)].map(ordinalForms)
  const localities = [...localitiesOf(query, read), ...namedPlacesOf(query, read)].filter((name) => unoffered.includes(name) || !said.includes(name))
  // jieba cuts some areas off their 区 (惠济/区, 航空港/区): a name, or a word no article holds, before 区 is one;
  // not a time word (月初区领导 is the district's leaders at the start of the month), nor two common words jieba's HMM
  // glued together (事来 of 整改的事来区里查).
  const cutOffArea = (w: WeightedWord) =>
    (w.name || (w.docs === 0 && !COUNTED_WORD.test(w.text) && !isTwoCommonWords(w.text))) &&
    HAN.test(w.text) &&
    !isTimeWord(w.text) &&
    isArea(`${w.text}区`) &&
    query.text.includes(`${w.text}区`)
  // The reader's own area, in a clause that asks nothing (我们中牟这边回迁还早着呢), is not the one asked about; one they
  // saw or heard of (我看到南三环经开区那段在封路) is.
  const clauses = clausesOf(said)
  const told = clauses.filter((c) => !asks(c))
  const ownArea = (w: WeightedWord) => {
    const naming = clauses.filter((c) => c.includes(w.text))
    return naming.length > 0 && naming.every((c) => told.includes(c) && OWN_PLACE.test(c.slice(0, c.indexOf(w.text))))
  }
  // An area named in brackets after another (示范区（高新区）) is that one's other name: an article may print either.
  const aliases = [...said.matchAll(ALIAS_AREA)].map((m) => [m[1]!, m[2]!] as const)
  const aliasOf = (w: WeightedWord) => aliases.some(([, alias]) => alias === w.text)
  const formsOf = (w: WeightedWord) => [w.text, ...w.synonyms, ...aliases.filter(([area]) => area === w.text).map(([, alias]) => alias)]
  const areas = query.words.filter((w) => (query.districts.includes(w.text) || isArea(w.text) || cutOffArea(w)) && !ownArea(w) && !aliasOf(w))
  // An area the asked one worked with (跟管城、中牟完成了委托) is named in the story, which is about another.
  const partners = [...said.matchAll(PARTNERS)].map((m) => m[1]!)
  const partner = (w: WeightedWord) => partners.some((run) => run.includes(w.text))
  if (years.length + numbered.length + ordinals.length + localities.length + areas.length === 0) return candidates
  return candidates.filter((c) => {
    const said = `${c.paper}\n${c.title}\n${c.text}`
    return (
      years.every((y) => c.date?.startsWith(y) || said.includes(y)) &&
      numbered.every((n) => said.includes(n)) &&
      ordinals.every((forms) => forms.some((f) => said.includes(f))) &&
      localities.every((name) => said.includes(name)) &&
      areas.every((a) => (partner(a) ? formsOf(a).some((f) => said.includes(f)) : isAbout(c, formsOf(a))))
    )
  })
}

// Those named after 跟, 与 or 联合, with the others listed beside them (跟管城、中牟), those something was handed to
// (委托给管城、中牟), and those set aside as known (除了管城，还跟哪个区县): the story lists them with the one asked for.
const PARTNERS = /(?:跟|与|同|联合|除了|委托给?|移交给?|交给)((?:\p{Script=Han}{2,4}[、和及])*\p{Script=Han}{2,4})/gu

// What a person said (武斌说了什么, 王波原话是怎么评价的, 他讲话提了几点要求).
const ASKS_SAID = /(说|讲|谈|强调|指出|表示|提)了?(什么|啥|哪些|哪几|几点)(?!时候)|原话|怎么(说|讲|评价)的?|讲话/
const SPEECH_VERBS = ['说', '表示', '强调', '指出', '提出', '要求', '讲话', '介绍']

/**
 * The candidates that name the person whose words the question asks (武斌在现场会上说了什么): another speaker's words,
 * in an article that never names them, do not answer it. Asked by a group or a post instead (村民是啥反应), those that
 * have it speak or react: 施工单位要提升认识, in a leader's words, is not what 施工单位 said.
 */
export function ofSpeaker<C extends Candidate>(query: AnalyzedQuery, candidates: C[]): C[] {
  const texts = candidates.map((c) => foldText(`${c.title}\n${c.text}`))
  const speakers = ASKS_SAID.test(query.text) ? personsAsked(query, texts) : []
  if (speakers.length > 0) return candidates.filter((_, i) => speakers.every((p) => texts[i]!.includes(p.text)))
  const role = roleAsked(query.text)
  return role ? candidates.filter((_, i) => speaksIn(role, texts[i]!)) : candidates
}

/** The people the question's asking clauses name, as the texts of the articles tell. */
function personsAsked(query: AnalyzedQuery, texts: string[]): WeightedWord[] {
  const asking = askingClauses(query.text)
  // jieba does not tag every name a person's (武斌): a name with a common surname, or one an article has speak (王波说), is.
  const speaks = (w: WeightedWord) => texts.some((t) => SPEECH_VERBS.some((v) => t.includes(w.text + v)))
  // The lexicon's names are places, bodies and everyday words (边上), never people.
  const person = (w: WeightedWord) => w.person || (w.name && !loadLexicon().entries.has(w.text) && (hasCommonSurname(w.text) || speaks(w)))
  return query.words.filter((w) => w.docs > 0 && asking.some((c) => c.includes(w.text)) && person(w))
}

// What a group or a post said or how it took something (村民是啥反应, 企业代表满意不, 施工单位怎么表态的, 党员们都咋说的).
const ASKS_REACTION = /(说|讲|谈)了?些?(什么|啥|哪些)(?!时候)|(咋|怎么)(说|讲|表态|评价|看|回应)|(啥|什么)(反应|反响|态度|评价|看法|表态|感受|感想|体会)|(反应|反响|态度|评价)[^，,。？?]{0,2}(咋样|怎么样|如何)|(有没有|有啥|有什么)(意见|感受|感想)|反映了?(哪些|什么|啥)|满意(不|吗|没|么)|表了?态/
// Who a reader asks the words of by their group or post, not their name: ordinary people, a body's people, a post.
const ROLE = /(群众|居民|村民|市民|百姓|住户|党员|职工|员工|工作人员|人员|队员|学员|监督员|网格员|志愿者|民警|医生|老师|教师|专家|学生|家长|企业家|代表|商户|摊贩|商贩|施工单位|施工方|负责人|局长|校长|院长|老板)/g
// Ordinary people are one group, whatever the reader and the article call them.
const FOLK = ['群众', '居民', '村民', '市民', '百姓', '住户']
// Who is asked: the question is not after their words.
const ASKS_WHO = /谁|哪位|名字|叫(什么|啥)/
// What may stand between the group asked of and the asking (企业代表对…满意不, 施工单位是怎么表态的, 村民的反应): a few
// characters, not a thing of theirs (摊贩那个分区原则); a word going on after the group's (代表祥云办事处) is no group.
const MAX_ROLE_GAP = 8
const OF_A_THING = /[那这哪][个些]|的\p{Script=Han}{2,}/u
// Whose 负责人 or 代表 (高校负责人, 企业代表): the article must name the same one's.
const QUALIFIED = /^(负责人|代表)$/
const OWNER = /(?<![的了个些位名])\p{Script=Han}{2}$/u
// How a group took something, told by what it did (党员干部深刻认识…, 虚心接受): asked by 态度, not by 表态.
const TAKES_AFTER = /^[^，,。；;！!？?“”"]{0,8}?(认识|接受|支持|拥护|配合|赞成|反对|理解)/
// Whom something was said to or of (对施工单位说了啥, 群众对那些流动摊贩是什么态度), not who said it.
const ADDRESSED = /[对向给跟和同为]$|对[^，,]*$/
// When it was said (拿到钥匙以后都说了啥, 听完要求后是怎么回应的): no thing of theirs.
const WHILE = /^.*(以后|之后|后|的时候|时)/
// Those named before, pointed at (他们自己是什么态度).
const PRONOUN = /他们|她们|人家/
const ROLE_FOLLOWERS = /^(们|本人|都|也|当时|当场|各自|在会上|在现场|是|的|对)+/
// A speech or a reaction after who gave it, in the same clause (党员们纷纷说, 相关负责人表示, 受到了企业家的好评).
const SPEAKS_AFTER = /^[^，,。；;！!？?“”"]{0,40}?(说|表示|表态|称|坦言|感慨|点赞|好评|称赞|赞扬|认可|肯定|满意|感谢|认为|评价|反映|回应|发言|讲解|指出|强调|呼吁|希望|介绍|欢迎)/

/** The group or post a question asks the words or the reaction of; `stance` when it asks how they took something (态度). */
interface AskedRole {
  role: string
  whose?: string
  stance: boolean
}

/**
 * The group or post whose words or reaction a question asks (施工单位 of 3号线施工单位是怎么表态的), if any: the
 * one the asking is said of (企业代表对银行的产品满意不), not one a thing is said of (摊贩那个分区原则咋说的), nor
 * 代表 as a verb (代表祥云办事处表态的是谁), nor when who it was is what is asked.
 */
function roleAsked(question: string): AskedRole | undefined {
  for (const clause of askingClauses(question)) {
    const cue = ASKS_REACTION.exec(clause)
    if (!cue || ASKS_WHO.test(clause)) continue
    // 他们自己是什么态度: those the question named before (那些流动摊贩，被整治以后他们自己…).
    const before = PRONOUN.test(clause.slice(0, cue.index)) ? question.slice(0, question.indexOf(clause) + cue.index) : clause.slice(0, cue.index)
    const role = [...before.matchAll(ROLE)].filter((m) => !ADDRESSED.test(before.slice(0, m.index)) && !calledBy(before, m.index)).pop()
    if (!role) continue
    const asked = { role: role[1]!, stance: cue[0].includes('态度') }
    const after = before.slice(role.index + role[0].length)
    if (PRONOUN.test(after)) return asked
    const gap = after.replace(/对.*$/, '').replace(WHILE, '')
    if (gap.length > MAX_ROLE_GAP || OF_A_THING.test(gap) || (asked.role === '代表' && /^\p{Script=Han}/u.test(gap.replace(ROLE_FOLLOWERS, '')))) continue
    const whose = QUALIFIED.test(asked.role) ? OWNER.exec(before.slice(0, role.index).replace(/[“”"'‘’]/g, ''))?.[0] : undefined
    return { ...asked, whose }
  }
  return undefined
}

/** True when the post at `at` is said after a surname, as a person is called (郑老师, 王局长): it names one, not a group. */
function calledBy(text: string, at: number): boolean {
  return at > 0 && hasCommonSurname(text.slice(at - 1, at + 2)) && (at === 1 || !/\p{Script=Han}/u.test(text[at - 2]!) || /[的位个]/.test(text[at - 2]!))
}

/** True when a text has the group or post speak or react, or quotes its words (我们民警的…; “…”群众代表将锦旗送至). */
function speaksIn({ role, whose, stance }: AskedRole, text: string): boolean {
  const named = new RegExp(whose ? `${whose}(?:相关)?${role}` : (FOLK.includes(role) ? FOLK : [role]).join('|'), 'g')
  return [...text.matchAll(named)].some((m) => {
    const next = text.slice(m.index + m[0].length)
    return SPEAKS_AFTER.test(next) || (stance && TAKES_AFTER.test(next)) || insideQuote(text, m.index) || afterQuote(text, m.index)
  })
}

/** True when a position is inside a quotation (“…”). */
function insideQuote(text: string, at: number): boolean {
  const before = text.slice(0, at)
  return before.lastIndexOf('“') > before.lastIndexOf('”')
}

/** True when a position is in the sentence right after words quoted whole (“…。”), which tells who said them. */
function afterQuote(text: string, at: number): boolean {
  return /[。！!？?…]”[^。！!？?；;\n“]{0,30}$/.test(text.slice(0, at))
}

// The head of an article: its paper, headline and lead, where it names what it is about.
const LEAD_CHARS = 120

/**
 * True when an article is about an area: it names it in its paper, headline or lead, or more than once.
 * An article on 经开区's work that names 管城 once in passing (与管城、中牟的…委托) is not one about 管城区.
 */
function isAbout(c: Candidate, forms: string[]): boolean {
  const head = `${c.paper}\n${c.title}\n${c.text.slice(0, LEAD_CHARS)}`
  if (forms.some((f) => head.includes(f))) return true
  // An article that gives the area as another name of its own, in brackets (示范区（高新区）党工委), is about it.
  const flat = c.text.replace(/\s+/g, '')
  return forms.some((f) => flat.includes(`(${f})`) || flat.includes(`（${f}）`)) || timesNamed(c.text, forms) > 1
}

/** How many times a text names something in any of its forms; 管城区 names 管城 once, not twice. */
function timesNamed(text: string, forms: string[]): number {
  const spans: [number, number][] = []
  for (const f of forms.filter((x) => x.length > 0)) {
    for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) spans.push([at, at + f.length])
  }
  spans.sort((a, b) => a[0] - b[0])
  let n = 0
  let end = -1
  for (const [from, to] of spans) {
    if (from >= end) n++
    end = Math.max(end, to)
  }
  return n
}

// What the reader says right before the place they live or work in (我们中原区, 俺们那边金水区, 我是中牟的, 我是在高新区开公司的).
const OWN_PLACE = /(我们|俺们|咱们|我|俺)(是在|住在|家在|是|在|住|家)?(这边|那边|这儿|那儿)?$/
// An area and, in brackets, its other name (示范区（高新区）).
const ALIAS_AREA = /(\p{Script=Han}{2,4}[区县])\s*[（(]\s*(\p{Script=Han}{2,4}[区县])\s*[)）]/gu

/** The localities the question names, each as `read` spells it (a typo read as the articles spell it). */
function localitiesOf(query: AnalyzedQuery, read: AnalyzedQuery): string[] {
  const text = foldText(query.text)
  return query.words.flatMap((w, i) => {
    const spelt = read.words[i]?.text ?? w.text
    const kind = LOCALITY_KIND.exec(text.slice(text.indexOf(w.text) + w.text.length))
    const name = ENDS_IN_KIND.exec(spelt)?.[1] ?? (kind ? spelt + (kind[1] ?? '') : undefined)
    return name && [...name].length >= 2 && HAN.test(name) && !POINTER.test(name) ? [name] : []
  })
}

/** The communities, villages and schools a clause that asks names, whole, as `read` spells them (锦绣家园社区, 李庄村). */
function namedPlacesOf(query: AnalyzedQuery, read: AnalyzedQuery): string[] {
  const text = foldText(query.text)
  const asking = askingClauses(text)
  return query.words.flatMap((w, i) => {
    const spelt = read.words[i]?.text ?? w.text
    if (ENDS_IN_PLACE_KIND.test(spelt)) return asking.some((c) => c.includes(w.text)) && !OWN.test(spelt) && !POINTER.test(spelt) ? [spelt] : []
    const at = text.indexOf(w.text) + w.text.length
    const kind = PLACE_KIND.exec(text.slice(at))?.[1]
    const name = kind && spelt + kind
    return name && [...spelt].length >= 2 && HAN.test(spelt) && !POINTER.test(spelt) && !OWN.test(spelt) && !isTimeWord(spelt) && asking.some((c) => c.includes(w.text + kind)) ? [name] : []
  })
}

/** A word jieba's dictionary tags as a time (会后学校那帮人: after the meeting, the college's people): it names no place. */
function isTimeWord(word: string): boolean {
  const tagged = tagWords(word)
  return tagged.length === 1 && tagged[0]!.tag.startsWith('t')
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** The ways an article may write an ordinal: 第二届 as 第2届, 首届 as 第一届 or 第1届. */
function ordinalForms(m: RegExpMatchArray): string[] {
  const [, number, first, kind] = m
  const n = first ? 1 : /^\d+$/.test(number!) ? Number(number) : NUMERALS.indexOf(number!) + 1
  const forms = [`第${number ?? '一'}${kind}`, `第${n}${kind}`]
  if (n >= 1 && n <= 10) forms.push(`第${NUMERALS[n - 1]}${kind}`)
  if (n === 1) forms.push(`首${kind}`)
  return forms.filter((f) => !f.includes('第0'))
}
