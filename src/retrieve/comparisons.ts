// Two things compared in one question (大学路的竞赛跟蜜蜂张的竞赛比，哪边上场的人多; 马寨的座谈会和大学路的竞赛，哪个早;
// 福华街的仪式和蜜蜂张的竞赛是不是同一天): each may be told by a story of its own, which shares only half the
// question's words, so the question can be asked of each in turn (马寨的座谈会是哪天？大学路的竞赛是哪天？) and the
// reader compares the two quotes.

// What is compared: the date (哪个早, 谁先办的, 之前还是之后, 是不是同一天) or an amount (哪个多, 哪边的人更多, 比…多吗).
const WHEN = /(?:哪个|哪场|哪件事?|哪次|哪边|谁)[^，,？?]{0,4}?(?:更早|更晚|先|在前|在后|早|晚)|之前还是之后|(?:是不是|是)?(?:在)?同一天|(?:日期|日子|时间)一样/u
// Or who or which body each is of (是一个记者写的吗, 记者是不是同一个, 是不是同一个部门在做).
const SAME = /(?:(?:是不是|是)同?|同)一个(记者|作者|人|部门|单位|局|地方)[^，,]{0,4}?(?:吗|不)?$|(记者|作者|负责人|部门|单位)(?:是不是|是)?(?:同一个|一个人|一样)(?:吗|不)?$/u
// The amount's cue ends the question (哪个多啊), so 哪个大学 is none.
const HOW_MUCH = /(?:哪个|哪边|哪场|哪样|谁)([^，,？?]{0,8}?)(?:更|比较)?(?:多|少|大|小|高|低)(?:一点|一些|些)?(?=[啊呀呢吧]?$)|([^，,？?]{0,8}?)(?:多还是少|多不多|大不大)(?=[啊呀呢吧]?$)|(?:多|大|高)吗$/u
// The two things, joined (A和B, A跟B比, A与B相比; A，比B多吗; A，是在B之前还是之后).
const JOIN = /和|跟|与|同|^比|^是?在/u
const JOINED = /^(.{2,}?)(?:和|跟|与|同|[，,]比|[，,]是在|[，,]在)(.{2,}?)(?:相?比(?:较|一比)?)?$/u
// A head the two share (蜜蜂张和大学路这两个街道的知识竞赛; 金水区和管城区今年的竞赛): each is that head's.
const SHARED_HEAD = /^(.+?)这?两[个场次件篇项家所条](.+)$/u
const PLACE = /^\p{Script=Han}{1,8}?(市|区|县|街道|镇|乡|村|办事处|社区|局|大学|学院)$/u
const CLAUSE_BREAK = /(?<=[，,])/u

/**
 * One question per compared thing, when the question compares two and asks nothing else
 * (A和B，哪个早 → A是哪天？ and B是哪天？).
 */
export function askedApart(text: string): [string, string] | undefined {
  const ask = text.replace(/[？?！!。\s]+$/u, '')
  if (/[？?]/u.test(ask)) return undefined
  const when = WHEN.exec(ask)
  const same = when ? undefined : SAME.exec(ask)
  const much = when || same ? undefined : HOW_MUCH.exec(ask)
  const cue = when ?? same ?? much
  // A question that asks something else before the comparison (有多少人参加，比第二期多吗) is answered as it is.
  if (!cue || /哪|几|多少|什么|啥/u.test(ask.slice(0, cue.index))) return undefined
  const pair = comparedPair(ask.slice(0, cue.index))
  if (!pair) return undefined
  const asked = when ? '是哪天' : same ? whoOf(same[1] ?? same[2]!) : `${(much![1] ?? much![2] ?? '').replace(/^(的|是)|数字$/gu, '')}是多少`
  return [`${pair[0]}${asked}？`, `${pair[1]}${asked}？`]
}

/** The two things the clauses before the comparison join, each with the head they share. */
function comparedPair(before: string): [string, string] | undefined {
  const clauses = before.replace(/(是不是|是|在|撞在?)?[，,\s]*$/u, '').split(CLAUSE_BREAK)
  // The clause that joins them, and the one before when the join opens it (A，和B比).
  let at = clauses.findLastIndex((c) => JOIN.test(c))
  if (at < 0) return undefined
  if (/^(和|跟|与|同|比|是?在)/u.test(clauses[at]!)) at = Math.max(0, at - 1)
  const joined = JOINED.exec(clauses.slice(at).join(''))
  if (!joined) return undefined
  const first = joined[1]!.replace(/[，,]$/u, '')
  const second = joined[2]!.replace(/[，,]$/u, '')
  const pair = withSharedHead(first, second)
  // What the clauses before say (明湖办事处那次观摩，建城区社区跟村改居社区…) is said of both.
  const scene = clauses.slice(0, at).join('')
  return pair.every((p) => (p.match(/\p{Script=Han}/gu) ?? []).length >= 2) ? [scene + pair[0], scene + pair[1]] : undefined
}

function withSharedHead(first: string, second: string): [string, string] {
  const counted = SHARED_HEAD.exec(second)
  if (counted) return [`${first}${counted[2]}`, `${counted[1]}${counted[2]}`]
  const place = PLACE.exec(first)
  const name = place && new RegExp(`^\\p{Script=Han}{1,8}?${place[1]}`, 'u').exec(second)
  return name && name[0].length < second.length ? [`${first}${second.slice(name[0].length)}`, second] : [first, second]
}

/** How to ask who or which body a thing is of, by the kind the reader says both share. */
function whoOf(kind: string): string {
  if (kind === '记者' || kind === '作者') return '是哪个记者写的'
  return kind === '人' || kind === '负责人' ? '是谁负责的' : `是哪个${kind}`
}
