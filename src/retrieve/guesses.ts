import { asks, ASKS_ITS_OWN } from './question-type.js'
import { isNameTag, tagWords } from './tokenize.js'

/** What guessesAsked needs of a question's word: its text, how many articles hold it, and its kind. */
interface CountedWord {
  text: string
  docs: number
  person: boolean
  place: boolean
  name: boolean
}

// A clause that checks what the reader believes ends on a particle that asks for agreement (…的吧, 对吧, 不是…吗),
// or sets out to contradict (难道就是口头警告一下, 城管是不是一赶了之).
const CHECK_END = /(吧|吗|对吧|是吧|对不对|对吗|没错吧)$/
const AGREEMENT_END = /(吧|对吧|是吧|对不对|没错吧)$/
const CHECK_START = /^难道/
// A clause that only asks for agreement (判断：督导组查看的是地铁5号线施工现场，对吗？) makes the one before it the check.
const TAG_ONLY = /^(对吗|对不对|对吧|对不|是吗|是吧|是不是|没错吧|没错吗|是这样吗|正确吗|准确吗|是真的吗|真的吗|是真的吧|真的假的|是不是真的)$/
// What follows these words in such a clause is the reader's own version (是跟郑州大学对接的吧, 叫王斌对吧).
// 有个 offers one of several (发言的单位有个文化路街道，是吧).
const BELIEF = /不是说|不是|就是|是不是|难道|是?叫|是?姓|是|有一?[个家所位名项条]/
// Two versions offered to choose from (是3号线还是5号线, 是财政金融学院还是郑州大学): the article tells which, or another.
const OPTIONS = /是[^，,。？?！!]+还是/
// A sentence retelling what the reader heard or remembers (听说有20支队伍，每队5个人？; 我记得是11月中旬办的), or what
// their own copy says (我们稿子里写的是5号线, 我们写的是将近十个亿), checks it although it asks nothing.
const HEARSAY = /^[我俺]?们?(听说|听人说|据说|记得|好像|不是说)|^(我们|我|俺)?的?(稿子|稿件|原稿|初稿|草稿)?[里上中]?(写的|写成|写着)/
// What another copy of the story says (摘要写的是4号线, 日期摘要写5月28日, 稿子里写成王寨村) is a version to check, even in a
// sentence that asks what the article says (…，原文是几号线).
const COPY_SAYS = /(摘要|稿子|稿件|原稿|初稿|草稿|简报|通稿|纪要|小结)[里上中]?(写的|写成|写着|写|说的|说)/
// What was heard, said as a fact with 是 (我们听说是年底才能通车), is a version even in a sentence that asks:
// 听说要建地铁5号线，什么时候开工 names the topic instead, and 好像是三个导向那篇 the story it is in.
const HEARD_AS_FACT = /^[我俺]?们?(听说|听人说|据说|记得)是/
// A date the reader gives (10月份, 11月中旬, 30号, 第三季度, 国庆前), asked as 什么时候. Not a line, building or yard (5号线),
// nor a holiday's break (放弃了国庆假期), which stays a thing the article may name otherwise (五一假期).
const DATE_GUESS = /\d+月份?(\d+[日号])?(上旬|中旬|下旬|初|底)?|\d+[日号](?![线楼院])|第[一二三四1-4]季度|[上中下]旬|(?:国庆|春节|元旦|五一)(?!长?假|期间)/g
// A count the reader gives (20个, 4组, 2000来套, 50个亿), asked as 多少 before its counter; not 一家 (a, one), nor the ones
// pointed back at (这两条), nor an ordinal or a phase (第三届, 二期), whose number names the thing, nor a year (2019年),
// which names the time asked about. Spoken numerals are digits by now (二十 → 20).
const COUNT_GUESS = /(?<![第哪几这那\d.])(?!(?:19|20)\d\d年)(?:\d+(?:\.\d+)?|[两二三四五六七八九十百千万]+)[多余来]?(?=个亿|块钱|[个位名人家项条件支组队次场天年元亿万套户亩吨斤批台篇份所座辆])/g
// A number that names a thing (5号线, 第三届, 二期, 三级): the question is about it, unless the reader offers it as their
// version (是5号线的吧), when it is asked as 几号.
const NAMED_NUMBER = /(\d+|[一二三四五六七八九十]+)(?=号[线楼院])/g
const QUOTED = /“[^“”]{2,16}”/g
// A version that only points back at one named before it: 这所吗, 这天吗, 这个数吗, 这么写的吗.
const POINTS_BACK = /^[这那][^，,。？?\s]{0,5}?[吗吧呢]?[？?]?$/
// A body named by its kind (消防支队, 发改委, 郑州大学): a guess at who did something.
const BODY_GUESS = /(支队|大队|中队|局|委|办|中心|公司|集团|学院|大学|医院|街道|社区|村)$/

/** A stretch of the question that holds the reader's guess, and whether only its figures are guesses. */
interface Guess {
  text: string
  figuresOnly: boolean
  /** Offered as a person's name (叫王斌对吧): any word no article holds is that guess. */
  named: boolean
  /** The word that offers it (不是 of 不是区应急管理局自己搞的吗), when one does. */
  offeredBy?: string
  /** The reader's own answer after their question (是几号线？5号线？), or a version they rule out (不是工会主席吧): dropped from what is asked. */
  dropped?: boolean
}

/**
 * The reader's own version of a fact, in a question that checks it (经开区那个对接会，是跟郑州大学对接的吧？;
 * 20个党员分成4组比的吧？; 座谈会上发言的主任，叫王斌对吧？): where it differs from the articles, the article's
 * fact answers it. Its dates and counts, and the names (persons, places, bodies) no article holds, are asked
 * instead (是跟什么对接的, 多少个党员分成多少组, 叫谁), so they neither find another story nor refuse this one.
 * The rest of the clause stays: 樱桃沟的采摘节是不是6月办的 still names a place no article knows.
 */
export function guessesAsked(text: string, words: CountedWord[]): string {
  let out = text
  // A clause that asks in its own words (是哪五家单位) offers no version of its own.
  for (const guess of guessesIn(text).filter((g) => !ASKS_ITS_OWN.test(g.text))) {
    if (guess.dropped) {
      const at = out.lastIndexOf(guess.text)
      out = out.slice(0, at) + out.slice(at + guess.text.length)
      continue
    }
    let asked = guess.text.replace(DATE_GUESS, '什么时候').replace(COUNT_GUESS, '多少')
    if (!guess.figuresOnly) {
      asked = asked.replace(NAMED_NUMBER, '几')
      const names = words.filter((w) => w.docs === 0 && [...w.text].length > 1 && (guess.named || w.person || w.place || (w.name && isOneName(w.text)) || BODY_GUESS.test(w.text)))
      for (const w of names.sort((a, b) => b.text.length - a.text.length)) asked = asked.split(w.text).join(guess.named || w.person ? '谁' : '什么')
      // A word no article holds right after a name guessed goes with it (宇通客车 → 什么, not 什么客车).
      for (const w of words.filter((w) => w.docs === 0)) for (const q of ['什么', '谁']) asked = asked.split(q + w.text).join(q)
      // Words quoted as the reader remembers them (俗语是“春肥是金”) that no article prints are asked as the wording; of a
      // quoted name whose head an article prints (“周六卫生日”), only the words no article holds are asked (什么卫生日).
      asked = asked.replace(QUOTED, (quote) => {
        const unknown = words.filter((w) => w.docs === 0 && quote.includes(w.text))
        if (unknown.length === 0) return quote
        const head = words.find((w) => w.docs > 0 && w.name && [...w.text].length > 1 && quote.endsWith(`${w.text}”`))
        return head ? unknown.reduce((q, w) => q.split(w.text).join('什么'), quote).replace(/[“”]/g, '') : '什么'
      })
    }
    // The word that offers the version names nothing where no article holds it (不是…吗 in a store that never says 不是).
    const offered = guess.offeredBy && words.some((w) => w.text === guess.offeredBy && w.docs === 0) ? guess.offeredBy : ''
    out = out.replace(offered + guess.text, asked.replace(/(什么时候|什么|谁)(\1)+/g, '$1'))
  }
  return out
}

/** The versions of a fact the reader offers to be checked (王庄村是不是明湖办事处的 → 明湖办事处的): the article that answers may name another. */
export function versionsOffered(text: string): string[] {
  // Read after guessesAsked, a version's date or count is asked already (是经开区管委会什么时候开的吧): it is still the reader's.
  // One that only points back at another (原文是这所吗, 是这么写的吗) offers nothing of its own.
  return guessesIn(text)
    .filter((g) => !g.figuresOnly && !g.dropped && !POINTS_BACK.test(g.text) && !ASKS_ITS_OWN.test(g.text.replace(/什么时候|多少/g, '')))
    .map((g) => g.text)
}

// A brand or firm jieba knows by name (宇通, 富士康), not a stretch of words new to it (再盖个).
function isOneName(word: string): boolean {
  const tagged = tagWords(word)
  return tagged.length === 1 && isNameTag(tagged[0]!.tag)
}

function guessesIn(text: string): Guess[] {
  const out: Guess[] = []
  const sentences = text.match(/[^。！!？?\n]+[。！!？?\n]*/g) ?? []
  const asking = clausesIn(text).filter((c) => asks(c) && ASKS_ITS_OWN.test(c))
  for (const [at, sentence] of sentences.entries()) {
    const clauses = clausesIn(sentence)
    // What the reader heard is checked only where the sentence asks nothing else: 听说要建地铁5号线，什么时候开工 asks about it.
    const told = !clauses.some(asks)
    const rising = told && /[？?]\s*$/.test(sentence)
    // The reader's own answer put after the question (是几号线？5号线？, 交给哪个单位了？是不是二七分局？) asks nothing more:
    // the question before asks it.
    if (rising && clauses.length === 1 && at > 0 && clausesIn(sentences[at - 1]!).some(asks)) {
      out.push({ text: clauses[0]!, figuresOnly: false, named: false, dropped: true })
      continue
    }
    // A statement of counts put as a question, and nothing else (蜜蜂张那次竞赛15个人分成了3个组？), checks them.
    const stated = rising && sentences.length === 1 && sentence.match(COUNT_GUESS) !== null
    let heard = false
    for (const [i, clause] of clauses.entries()) {
      // So is a bare version after the clause that asks, in the same sentence (是几号线来着，5号线吗).
      const last = i === clauses.length - 1 && /[？?]\s*$/.test(sentence)
      if (i > 0 && ownAnswer(clause, last) && asks(clauses[i - 1]!) && ASKS_ITS_OWN.test(clauses[i - 1]!)) {
        out.push({ text: clause, figuresOnly: false, named: false, dropped: true })
        continue
      }
      const denied = ruledOut(clause, clauses[i + 1])
      if (denied && asking.some((c) => c !== clause)) {
        out.push({ text: denied, figuresOnly: false, named: false, dropped: true })
        continue
      }
      heard ||= ((told || (HEARD_AS_FACT.test(clause) && !asks(clause))) && HEARSAY.test(clause)) || (COPY_SAYS.test(clause) && !asks(clause))
      const tagged = TAG_ONLY.test(clauses[i + 1] ?? '')
      const belief = BELIEF.exec(clause)
      const statedHere = stated && i === clauses.length - 1
      // What was heard stops at the clause that asks (我们听说是年底才能通车，原稿写的是什么时候).
      const heardHere = heard && !asks(clause)
      const checks = CHECK_END.test(clause) || CHECK_START.test(clause) || clause.includes('是不是') || OPTIONS.test(clause) || heardHere || tagged || statedHere
      // 是不是说… and 不是说… open a whole statement to check, whose subject is no guess (是不是说郑大二附院建好后是…).
      const statement = belief?.index === 0 && (clause.startsWith('是不是说') || belief[0] === '不是说')
      if (checks && belief && !statement) {
        // A name is offered by 叫 or 姓, after the word that offers the version or opening it (不是姓张吗). The 叫 or 姓
        // goes with the version: jieba may glue it to the name (姓李 of 局长是姓李吧).
        const naming = /[叫姓]$/.test(belief[0]) ? 1 : 0
        const version = clause.slice(belief.index + belief[0].length - naming)
        out.push({ text: version, figuresOnly: false, named: naming === 1 || /^[叫姓]/.test(version), offeredBy: belief[0].slice(0, belief[0].length - naming) })
      } else if (statement || AGREEMENT_END.test(clause) || heardHere || tagged || statedHere) out.push({ text: clause, figuresOnly: true, named: false })
    }
  }
  return out
}

// A short clause that only names an answer, asking for agreement or ending the sentence with its question mark (5号线吗,
// 二七分局吧, 一百多个？): nouns and numbers, no verb (年底结束吗 asks a question of its own).
const OWN_ANSWER = /^[^\s]{1,8}?(吗|吧)$/
const NOUN_OR_NUMBER = /^(n|m|q|eng)/

function ownAnswer(clause: string, endsQuestion: boolean): boolean {
  const agreed = OWN_ANSWER.test(clause)
  if (!agreed && !(endsQuestion && [...clause].length <= 8)) return false
  const named = agreed ? clause.slice(0, -1) : clause
  return !asks(named) && tagWords(named).every((w) => NOUN_OR_NUMBER.test(w.tag))
}

// 不是 ruling a version out: not 是不是 (which checks it) nor 不是说 (which retells it).
const NOT = /(?<![是说])不是(?!说)/

/**
 * The version a clause rules out beside a question asked in its own words (武斌是啥职务？不是工会主席吧; 不是1号线，是几号线;
 * 不是问安置房): the answer is another, which an article may print far from the version, or another story may hold.
 * Not 不是…吗, which says the reader believes it.
 */
function ruledOut(clause: string, next: string | undefined): string | undefined {
  const at = NOT.exec(clause)?.index
  if (at === undefined || clause.endsWith('吗')) return undefined
  const version = clause.slice(at)
  const correctedAfter = next !== undefined && /^而?是/.test(next) && ASKS_ITS_OWN.test(next)
  return version.endsWith('吧') || correctedAfter || version.startsWith('不是问') ? version : undefined
}

function clausesIn(sentence: string): string[] {
  return (sentence.match(/[^，,；;：:。！!？?\n]+/g) ?? []).map((c) => c.trim()).filter(Boolean)
}
