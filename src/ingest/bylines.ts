/** Bylines (记者 鲁慧 通讯员 黄帅 文/图) and datelines (本报讯（记者付凯明）, 本报记者 郭树勋). */
import { matchDateline } from './dateline.js'

export interface Byline {
  /** As printed, spaces collapsed. */
  text: string
  reporters: string[]
  correspondents: string[]
  /** A photo credit (… 摄): it closes a picture caption, not a story. */
  photo: boolean
}

export interface Dateline {
  /** As printed: 本报讯, 本报讯（记者付凯明）, 本报记者 郭树勋. */
  text: string
  reporters: string[]
  correspondents: string[]
  /** The body text that follows the dateline on its line. */
  rest: string
}

const ROLE = /^(?:本报|本刊)?(?:见习|实习|特约|首席)?(记者|通讯员|实习生|摄影记者|摄影)(.*)$/
const TRAILER = /^(?:文\/图|图\/文|文图|文|图|摄|摄影|报道)$/
const NAME = /^[\p{Script=Han}·]{2,4}$/u
// A paper's own staff credit, e.g. 经开时报 李洪永.
const PAPER = /^[\p{Script=Han}]{2,6}(?:时报|日报|晚报|新闻|报)$/u

/**
 * Reads a byline line. `continuation` accepts lines that only carry on the byline above
 * (文/图, 经开时报 李洪永); otherwise a role word (记者, 通讯员) and a name are required.
 */
export function parseByline(line: string, continuation = false): Byline | null {
  const text = line
    .replace(/[（(）)]/g, ' ')
    // OCR often glues the parts together: 记者谢鹏飞通讯员李超文/图.
    .replace(/((?:本报|本刊)?(?:见习|实习|特约|首席)?(?:记者|通讯员|实习生))(?=\p{Script=Han})/gu, '$1 ')
    .replace(/(?<=\p{Script=Han})(?<!本报|本刊|见习|实习|特约|首席)(?=(?:本报)?(?:记者|通讯员)|文\/图|文图|图\/文)/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!text || text.length > 60) return null
  const b: Byline = { text, reporters: [], correspondents: [], photo: false }
  let role: 'reporter' | 'correspondent' | null = null
  let sawRole = false
  let sawPaper = false
  for (const token of text.split(' ')) {
    const m = ROLE.exec(token)
    if (m) {
      role = m[1] === '通讯员' ? 'correspondent' : 'reporter'
      sawRole = true
      if (m[2] && !addName(b, role, m[2])) return null
    } else if (TRAILER.test(token)) {
      if (token.startsWith('摄')) b.photo = true
    } else if (PAPER.test(token) && role !== 'correspondent') {
      role = 'reporter'
      sawPaper = true
    } else if (!role || !addName(b, role, token)) {
      return null
    }
  }
  const names = b.reporters.length + b.correspondents.length
  const credited = names > 0 && (sawRole || (continuation && sawPaper))
  if (!credited && !(continuation && text.split(' ').every((t) => TRAILER.test(t)))) return null
  return b
}

function addName(b: Byline, role: 'reporter' | 'correspondent', token: string): boolean {
  let name = token
  if (/^[\p{Script=Han}]{2,4}摄$/u.test(name)) {
    b.photo = true
    name = name.slice(0, -1)
  }
  if (!NAME.test(name) || /记者|通讯员/.test(name)) return false
  ;(role === 'reporter' ? b.reporters : b.correspondents).push(name)
  return true
}

/** Reads a dateline at the start of a line (dateline.ts: 本报讯（记者X 通讯员Y）, 本报郑州6月1日讯), or a lone 本报记者 X line. */
export function parseDateline(line: string): Dateline | null {
  const m = matchDateline(line)
  if (m) {
    const credit = m.credit ? parseByline(m.credit) : null
    return {
      text: m.matched.trim().replace(/[\s，,：:]+$/, ''),
      reporters: credit?.reporters ?? [],
      correspondents: credit?.correspondents ?? [],
      rest: line.slice(m.matched.length),
    }
  }
  if (!/^本报(?:记者|通讯员)/.test(line)) return null
  const credit = parseByline(line)
  if (!credit || credit.photo) return null
  return { text: credit.text, reporters: credit.reporters, correspondents: credit.correspondents, rest: '' }
}

/** Splits a byline printed at the end of a paragraph (…平稳健康发展。记者 王赛华) off its text. */
export function splitTrailingByline(paragraph: string): { text: string; byline: Byline } | null {
  const m = /^(.*[。！？”」）])\s*((?:本报)?(?:见习|实习|特约)?(?:记者|通讯员)[^。！？，]{2,60})$/u.exec(paragraph)
  if (!m) return null
  const byline = parseByline(m[2]!)
  return byline ? { text: m[1]!, byline } : null
}

/** Merges a byline with its continuation line(s) (记者 鲁慧 / 通讯员 黄帅 郑茜茜 文/图). */
export function mergeBylines(a: Byline, b: Byline): Byline {
  return {
    text: `${a.text} ${b.text}`,
    reporters: [...a.reporters, ...b.reporters],
    correspondents: [...a.correspondents, ...b.correspondents],
    photo: a.photo || b.photo,
  }
}
