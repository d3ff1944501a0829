import { asks, clausesOf, inMandarin, SOURCE_CITED, type AnalyzedQuery, type SearchHit } from '../retrieve/index.js'
import { MAX_ANSWER_CHARS } from './compose.js'
import type { Candidate } from './evidence.js'
import type { Answer } from './types.js'

// 那篇报道的记者是谁, 是谁写的, 作者是哪位, 署名是什么, 是那位记者报的 (那 typed for 哪), 图片是哪位通讯员提供的, 通讯员是李磊吗:
// asked of an article and answered by its byline, which the page prints above the story and the story's text does
// not hold. Without 记者/作者, 哪个报的 asks who only where the clause ends: 哪个报的期数多 asks which of two reports.
const ASKS_BYLINE =
  /的?(?:记者|作者|通讯员|撰稿人?|笔者)(?:[和与、](?:记者|作者|通讯员|撰稿人?|笔者))?(?:的?署名)?(?:又|还|分别|都)?(?:是|叫|为)?(?:谁|哪[一两二三几]?位|哪个|哪些人?|什么名字|叫什么|叫啥)|是?谁(?:写|撰写|采写|执笔|报道|拍|拍摄)的|(?:是|由)?(?:哪个|哪位|那个|那位|哪几个|哪几位|哪些)(?:记者|作者|通讯员)(?:[和与、](?:记者|作者|通讯员))?(?:写|撰写|采写|执笔|报道?|发|弄|拍|拍摄|影|提供|供稿|供图)(?:的|(?=\s*(?:[？?。！!，,；;]|$)))|是?(?:哪个|哪位|那个|那位)(?:写|撰写|采写|执笔|报道?|发)的\s*[啊呀呢哈]?(?=\s*(?:[？?。！!，,；;]|$))|署名(?:是)?(?:谁|什么|啥)|(?:记者|作者|通讯员|撰稿人?|笔者)(?:是|叫)(?![一同几哪这那])\p{Script=Han}{2,3}(?:吗|吧|对吗|是吗|对吧|没错吧)(?=\s*[？?。！!]?\s*$)/u
// Words that only point at the article (那篇报道的, 这条新闻, 那篇报导的相) or at its byline (除了记者以外署名的, 除了记者谢鹏飞):
// not what it is about.
const POINTER = /[这那][篇条则个](?:报道|报导|文章|稿子|稿件|新闻|消息)?的?(?:相片?|图片|照片|配图)?|的?(?:报道|报导|文章|稿子|稿件|新闻|消息)的?(?:相片?|图片|照片|配图)?$|除?了?(?:记者|通讯员|作者|笔者)(?:以外|之外)|^除了(?:记者|通讯员|作者|笔者)\p{Script=Han}{0,3}$|署名的?|^(?:文字|图片|照片|配图|图文)(?:和(?:文字|图片|照片))?$/gu

/**
 * What a question asking who wrote an article is about (王庄村改造那篇报道的记者是谁 → 王庄村改造): ''
 * when it names nothing (这篇是谁写的, asked of the article just discussed); null for any other question.
 */
export function bylineTopic(question: string): string | null {
  const read = inMandarin(question).replace(SOURCE_CITED, ' ')
  const asked = ASKS_BYLINE.exec(read)
  if (!asked) return null
  const rest = `${read.slice(0, asked.index)} ${read.slice(asked.index + asked[0].length)}`
  const topic = rest
    .replace(/[？?。！!，,：:\s]+/g, ' ')
    .trim()
    .split(' ')
    .map((part) => part.replace(POINTER, ''))
    .filter(Boolean)
    .join(' ')
  return [...topic.replace(/\s/g, '')].length >= 2 ? topic : ''
}

// The questions of a message: 这篇是哪个记者写的？ beside 培训一共讲了几项内容？ is one of two.
const QUESTION_END = /(?<=[？?；;])/

/**
 * A message that asks who wrote an article beside other questions (培训讲了几项内容？这篇是哪个记者写的？):
 * the other questions, to be answered as usual, with the byline added. Null when no part asks who wrote
 * it, or every part does.
 */
export function besideByline(question: string): string | null {
  const parts = question.split(QUESTION_END).filter((p) => p.trim())
  // A remark beside the question (转载要标出处。) asks nothing to answer.
  const rest = parts.filter((p) => bylineTopic(p) === null && (/[？?]/.test(p) || clausesOf(p).some(asks)))
  const byline = parts.filter((p) => bylineTopic(p) !== null)
  return rest.length > 0 && byline.length > 0 ? rest.join('') : null
}

/** The answer with the byline of the article it cites first added at the end, within 300 characters. */
export function addByline(answer: Answer, hits: SearchHit[]): Answer {
  const cited = answer.citations[0]
  const hit = cited && hits.find((h) => h.id === cited.id)
  if (answer.abstained || !cited || !hit) return answer
  const said = bylineOf(hit, cited.n)
  const sentences = answer.answer.match(/.*?\[\d+\][。；！？]?|.+$/gu) ?? []
  while (sentences.length > 1 && [...`${sentences.join('')}${said}`].length > MAX_ANSWER_CHARS) sentences.pop()
  const text = `${sentences.join('')}${said}`
  return { ...answer, answer: text, citations: answer.citations.filter((c) => text.includes(`[${c.n}]`)) }
}

function bylineOf(hit: SearchHit, n: number): string {
  return hit.byline ? `《${hit.title}》的署名是“${hit.byline}”[${n}]。` : `《${hit.title}》没有署名[${n}]。`
}

/**
 * The byline of the article the answer cites first (or that it has none), with the answer's first
 * sentence to say which article that is. An answer that found no article stays as it is.
 */
export function withByline(answer: Answer, hits: SearchHit[]): Answer {
  const cited = answer.citations[0]
  const hit = cited && hits.find((h) => h.id === cited.id)
  if (answer.abstained || !cited || !hit) return answer
  const lead = bylineOf(hit, cited.n)
  const first = /^.*?\[\d+\][。；]?/u.exec(answer.answer)?.[0] ?? ''
  const text = [...`${lead}${first}`].length <= MAX_ANSWER_CHARS ? `${lead}${first}` : lead
  const kept = answer.citations.filter((c) => text.includes(`[${c.n}]`))
  return { ...answer, answer: text, citations: kept }
}

// A reporter named as the way to a story (柴琳琳报道的…, 鲁记者写的…, 王天朗那篇…的稿子): the surname alone, or with 记者.
const REPORTER = /(\p{Script=Han}{1,3}?)(记者|通讯员)?(报道|报导|写|采写|拍)?(?=(的|[那这]篇))/gu

/**
 * The question without the words that point at its story by a reporter (柴琳琳报道的统计局签责任书是哪天): the name is in
 * the byline, which the story's text does not hold, so it is no unknown person and no missing word; nor are the 记者
 * after a surname (鲁记者) and the 报道 after the name.
 */
export function withoutReporter(query: AnalyzedQuery, found: Candidate[]): AnalyzedQuery {
  const bylines = found.map((c) => c.byline ?? '').join(' ')
  if (!bylines.trim()) return query
  const pointing: string[] = []
  for (const m of query.text.matchAll(REPORTER)) {
    const [, said, title, verb, next] = m
    if (!title && !verb && next === '的') continue
    // The longest end of what precedes that a byline holds (老柴琳琳 → 柴琳琳).
    const chars = [...said!]
    const from = chars.findIndex((_, i) => bylines.includes(chars.slice(i).join('')))
    if (from < 0) continue
    const reporter = chars.slice(from).join('')
    // A surname alone counts with 记者 after it (鲁记者), a full name by itself.
    if (chars.length - from === 1 && !title) continue
    pointing.push(`${reporter}${title ?? ''}${verb ?? ''}`)
  }
  if (pointing.length === 0) return query
  return { ...query, words: query.words.filter((w) => !pointing.some((p) => p.includes(w.text))) }
}
