// What a chat may be shown of a notice or error written for the operator: no endpoint addresses
// (they can carry credentials), no configuration names (readers cannot fix the server).

const URL_RE = /\b[a-z][\w+.-]*:\/\/[^\s（）()，。；、]+/gi
const CONFIG_NAME_RE = /\b(?:OPENAI|NEWSBOT|TELEGRAM)_[A-Z_]+\b/g
const OPEN = new Set(['（', '('])
const CLOSE = new Set(['）', ')'])

/**
 * The text without operator details: a parenthesised aside that names an address or a setting is
 * dropped whole (大模型暂不可用（无法连接大模型服务 http://…），以下… → 大模型暂不可用，以下…), and
 * any other address or setting name is removed.
 */
export function redactForUser(text: string): string {
  let out = ''
  let depth = 0
  let group = ''
  for (const ch of text) {
    if (OPEN.has(ch)) depth++
    if (depth === 0) out += ch
    else group += ch
    if (CLOSE.has(ch) && depth > 0 && --depth === 0) {
      if (!isOperatorDetail(group)) out += group
      group = ''
    }
  }
  out += group
  return out.replace(URL_RE, '').replace(CONFIG_NAME_RE, '').replace(/[，,]\s*请检查\s*(与|和)?\s*(?=[。；]|$)/g, '').replace(/\s{2,}/g, ' ').trim()
}

function isOperatorDetail(text: string): boolean {
  URL_RE.lastIndex = 0
  CONFIG_NAME_RE.lastIndex = 0
  return URL_RE.test(text) || CONFIG_NAME_RE.test(text)
}
