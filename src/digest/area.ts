/** The districts the bundled papers cover, with the other names the text uses for them. */
export const AREAS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: '经开区', aliases: ['经开区', '经济技术开发区', '经济开发区', '经开'] },
  { name: '二七区', aliases: ['二七区'] },
  { name: '示范区', aliases: ['示范区'] },
  { name: '中原区', aliases: ['中原区'] },
  { name: '金水区', aliases: ['金水区'] },
  { name: '管城区', aliases: ['管城回族区', '管城区'] },
  { name: '惠济区', aliases: ['惠济区'] },
  { name: '上街区', aliases: ['上街区'] },
  { name: '高新区', aliases: ['高新技术产业开发区', '高新区'] },
  { name: '航空港区', aliases: ['航空港区', '航空港'] },
  { name: '郑东新区', aliases: ['郑东新区'] },
]

/** The heading for articles that name no known area. */
export const OTHER_AREA = '其他'

// The paper is strong evidence (经开时报 reports on 经开区), yet an article that names another
// district several times more than its own paper's is about that district.
const PAPER_WEIGHT = 3
const TITLE_WEIGHT = 2

/** The area an article is about, from its paper's name and the areas its headline and text name. */
export function areaOf(article: { paper: string; title: string; text: string }): string {
  let best = OTHER_AREA
  let bestScore = 0
  for (const area of AREAS) {
    const score =
      (mentions(article.paper, area.aliases) > 0 ? PAPER_WEIGHT : 0) +
      TITLE_WEIGHT * mentions(article.title, area.aliases) +
      mentions(article.text, area.aliases)
    if (score > bestScore) [best, bestScore] = [area.name, score]
  }
  return best
}

/** The area a user means by a word (经开 → 经开区), or undefined when it names none. */
export function findArea(word: string): string | undefined {
  const w = word.trim()
  if (!w) return undefined
  return AREAS.find((a) => a.name === w || a.aliases.includes(w) || (w.length >= 2 && a.name.startsWith(w)))?.name
}

/** How often any alias occurs; a longer alias that contains a shorter one is counted once. */
function mentions(text: string, aliases: readonly string[]): number {
  let rest = text
  let n = 0
  for (const alias of aliases) {
    const parts = rest.split(alias)
    n += parts.length - 1
    rest = parts.join('\u0000')
  }
  return n
}
