// The one rule for a dateline at the head of a story: 本报讯 / 本报郑州6月1日讯 / 新华社北京6月1日电,
// optionally with （记者 … 通讯员 …） after it, and the punctuation that follows.
const DATELINE = /^(?:本报|新华社|人民网|中新网|央视网)[^，。！？\s]{0,16}?[讯电]\s*(?:[(（][^)）]{0,40}[)）])?[\s，,：:]*/

/** The text without the dateline it starts with (unchanged when it has none). */
export function stripDateline(text: string): string {
  return text.replace(DATELINE, '')
}
