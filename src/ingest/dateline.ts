// The one rule for a dateline at the head of a story: 本报讯 / 本报郑州6月1日讯 / 新华社北京6月1日电,
// optionally with （记者 … 通讯员 …） after it, and the punctuation that follows.
const DATELINE = /^(?:本报|新华社|人民网|中新网|央视网)[^，。！？\s]{0,16}?[讯电]\s*(?:[(（]([^()（）]{0,40})[)）])?[\s，,：:]*/

/** A dateline at the head of a text: its whole match, and the credit in brackets after it (记者付凯明). */
export function matchDateline(text: string): { matched: string; credit?: string } | null {
  const m = DATELINE.exec(text)
  return m ? { matched: m[0], ...(m[1] && { credit: m[1] }) } : null
}

/** The text without the dateline it starts with (unchanged when it has none). */
export function stripDateline(text: string): string {
  return text.replace(DATELINE, '')
}
