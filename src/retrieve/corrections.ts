// A reader who corrects themselves as they type (大学路街道，不对，蜜蜂张街道…; 经南二路…，打错了，是经北二路; 是王宏伟吗？不对，
// 那是经开区的): what they took back is no part of the question, or it finds the story of the wrong street or person.
// 对不对 and 不对劲 are no correction.
const CORRECTION =
  /[，,。.…—\-~～\s]*(?:[我俺]?(?:前面|刚才|上面)?(?:打|写|说|记|弄|搞|输|问)错了|(?<!对)不对(?![劲头])|哦不是?|更正一下|纠正一下|我是说)[，,。.…—\-~～！!\s]*(?:(?:应该|其实)?是)?/u
// The kinds of name a reader mistakes for another of the same kind (五里堡街道 for 福华街街道, 市级 for 省级).
const KIND = '(?:街道|办事处|社区|小区|村|镇|乡|大道|路|街|集聚区|区|局|学院|大学|医院|公司|中心|号线|半年|季度|年|级)'
const HEAD = new RegExp(`^([\\p{Script=Han}\\d]{1,12}?)(${KIND})(?=[，,。？?！!\\s]|$)`, 'u')
// A clause that is only a name (大学路街道, 河南财经政法大学): nothing of what is asked around it.
const BARE_NAME = new RegExp(`^[\\p{Script=Han}\\d“”]{2,14}?${KIND}$`, 'u')
const CLAUSE_BREAK = /[，,。.…—\-~～？?！!\s]+/
// The version a question checks (是王宏伟吗, 是地铁5号线工地): after its last 是.
const CHECKED_VERSION = /是([^是，,。？?！!]+?)(?:吗|吧|呢)?[？?]$/

/**
 * The question as the reader meant it, each correction applied: a clause that was only the wrong name is dropped
 * (大学路街道，不对，蜜蜂张街道那个竞赛 → 蜜蜂张街道那个竞赛); a name put right by one of its kind replaces the
 * wrong one (经南二路那个小区…，打错了，是经北二路 → 经北二路那个小区…); a version the reader checked and took back
 * (是王宏伟吗？不对，…) is dropped; otherwise only the words that correct go.
 */
export function withCorrectionsRead(text: string): string {
  let out = text
  for (let guard = 0; guard < 3; guard++) {
    const m = CORRECTION.exec(out)
    if (!m || m.index === 0) return out
    const before = out.slice(0, m.index)
    const after = out.slice(m.index + m[0].length)
    if ((after.match(/\p{Script=Han}/gu) ?? []).length < 2) return out
    out = corrected(before, after)
  }
  return out
}

function corrected(before: string, after: string): string {
  const clauses = before.split(CLAUSE_BREAK)
  const last = clauses.at(-1) ?? ''
  const lastAt = before.lastIndexOf(last)
  const head = HEAD.exec(after)
  if (BARE_NAME.test(last)) return `${before.slice(0, lastAt)}${after}`
  if (head) {
    const [name, stem = '', kind = ''] = head
    const rest = after.slice(name.length).replace(/^[，,\s]+/, '')
    const at = before.lastIndexOf(kind)
    const start = Math.max(0, at - [...stem].length)
    if (at > 0) return `${before.slice(0, start)}${name}${before.slice(at + kind.length)}${rest ? `,${rest}` : ''}`
  }
  const version = CHECKED_VERSION.exec(before)
  if (version) return `${before.slice(0, version.index)},${after}`
  return `${before},${after}`
}
