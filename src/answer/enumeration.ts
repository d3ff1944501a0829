// 制定了哪五项督查工作机制, “五做”具体是哪几项, 三个“着眼”分别是什么: a question about the members of a set an
// article lays out one per paragraph, under sub-headings (健全完善任务分解及交办机制) or in sentences that open
// alike (做好工作推进会。做好材料报送。). No one sentence lists them; the answer is those units, in the article's order.

// Asked for the members of a set: 哪五项, 哪几个方面, 分别是什么, 具体是哪几项, 有哪些做法, the rest of them (另外两个是啥).
const ASKS_MEMBERS = /哪[几两二三四五六七八九十]+[项个条方面种类点大]|分别是|分别指|具体(是|指)哪|(哪些|什么)(做法|措施|举措|经验|方面|机制)|(另外|其余|剩下|其他)的?[几两二三四五六七八九十]+[项个条点]/
// A count and the word it counts, the members' shared opening (五做, 四抓, 三个“着眼”) or ending (五项督查工作机制).
const COUNTED = /([一二两三四五六七八九十\d]+)(?:个|项|条|大)?[“"]?(\p{Script=Han}{1,6}?)[”"]?(?=[，,。？?、“”"是分具指都有的促]|$)/gu
// An ordinal a member may open with: 一是, （一）, 1., 第一，.
const ORDINAL = /^\s*(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+[，,、]?)/
// A sub-heading: a short line with no sentence end.
const HEADING_CHARS = 30
const SENTENCE_END = /[。！？!?；;…”」]\s*$/
const MIN_MEMBERS = 2
const MAX_MEMBERS = 10

/** True when a question asks for the members of a set (哪五项机制, 分别是什么). */
export function asksMembers(question: string): boolean {
  return ASKS_MEMBERS.test(question)
}

/**
 * Which of one article's units (in its order) enumerate the set a question asks for: those opening with
 * the counted word or sub-headings ending in it, as many as the question counts. Empty when no such group
 * of two to ten is found.
 */
export function enumeratedMembers(question: string, units: string[]): number[] {
  const bare = units.map((u) => u.replace(ORDINAL, '').replace(/^[“"]/, ''))
  const heading = (i: number) => units[i]!.trim().length <= HEADING_CHARS && !SENTENCE_END.test(units[i]!)
  const groups: { size?: number; members: number[] }[] = []
  for (const [, count, word] of question.matchAll(COUNTED)) {
    const size = /^\d+$/.test(count!) ? Number(count) : NUMERALS.indexOf(count!.replace('两', '二')) + 1 || undefined
    const marker = markerOf(word!)
    groups.push({ size, members: bare.flatMap((u, i) => (u.startsWith(marker) ? [i] : [])) })
    groups.push({ size, members: bare.flatMap((u, i) => (heading(i) && u.trim().endsWith(marker) ? [i] : [])) })
  }
  // As many as the question counts (五项督查工作机制, 三个“着眼”).
  const fits = (g: { size?: number; members: number[] }) =>
    g.members.length >= MIN_MEMBERS && g.members.length <= MAX_MEMBERS && (g.size === undefined || g.members.length === g.size)
  return groups.filter(fits).sort((a, b) => b.members.length - a.members.length)[0]?.members ?? []
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** The counted word as members may open or end with it: 做 of 五做, 着眼, and the last two characters of 督查工作机制. */
function markerOf(word: string): string {
  return [...word].slice(-2).join('')
}
