/** Telegram's limit on a message's text, in UTF-16 code units after entity parsing. */
export const TELEGRAM_MESSAGE_LIMIT = 4096

/** An indivisible piece of Telegram HTML: a tag, an entity (`&amp;`) or one code point. */
type Atom = { kind: 'text'; raw: string } | { kind: 'open' | 'close'; raw: string; name: string }

type Tag = Extract<Atom, { kind: 'open' | 'close' }>
/** A place a part may end, and the raw length of the part up to it. */
type Cut = { end: number; size: number }

// Where a cut may go, best first; a cut of one level is also a cut of every later level.
const PARAGRAPH = 0
const LINE = 1
const SENTENCE = 2
const SPACE = 3
const ANY = 4

const SENTENCE_ENDS = '。！？!?'
const CLOSERS = '”’」』）)'

// Groups: 1 = '/' of an end tag, 2 = tag name. The `u` flag keeps surrogate pairs whole.
const ATOM_RE =
  /<(\/?)([a-zA-Z][\w-]*)(?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*>|&(?:#\d+|#x[\da-fA-F]+|[a-zA-Z]+);|[\s\S]/gu

/**
 * Splits Telegram HTML into parts that each fit `limit` as raw HTML, and so also as Telegram counts
 * them (tags and entities only shrink when parsed). Cuts fall on paragraph ends, then line ends,
 * sentence ends, spaces, then between any two characters; tags open at a cut are closed at its end
 * and re-opened in the next part. Parts with no visible text are dropped, so '' gives [].
 */
export function splitMessage(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const atoms = tokenize(html)
  const parts: string[] = []
  let open: Tag[] = []
  for (let start = 0; start < atoms.length; ) {
    const end = findCut(atoms, start, open, limit)
    const body = atoms.slice(start, end)
    const stillOpen = applyTags(open, body)
    if (body.some((a) => a.kind === 'text' && a.raw.trim() !== '')) {
      parts.push(joinRaw(open) + joinRaw(body) + stillOpen.map(closeTag).reverse().join(''))
    }
    open = stillOpen
    start = end
  }
  return parts
}

function tokenize(html: string): Atom[] {
  const atoms: Atom[] = []
  for (const m of html.matchAll(ATOM_RE)) {
    const [raw, slash, name] = m
    if (name) {
      const tag = name.toLowerCase()
      // End tags are stored in canonical form, the same text as the closers added at cuts.
      atoms.push(slash ? { kind: 'close', raw: `</${tag}>`, name: tag } : { kind: 'open', raw, name: tag })
    } else {
      atoms.push({ kind: 'text', raw })
    }
  }
  return atoms
}

/** The end index of the part starting at `start`: the best cut among those that still fit. */
function findCut(atoms: Atom[], start: number, open: Tag[], limit: number): number {
  const stack = [...open]
  let size = joinRaw(open).length
  let closers = stack.reduce((n, t) => n + closeTag(t).length, 0)
  let prevLevel = ANY
  const cuts: Cut[] = []
  for (let i = start; i < atoms.length; i++) {
    const a = atoms[i]!
    if (a.kind === 'text') {
      if (size + a.raw.length + closers > limit) {
        return cuts.length > 0 ? chooseCut(atoms, cuts, size) : i + 1 // nothing fits: take one atom to make progress
      }
      prevLevel = cutLevel(a.raw, prevLevel)
      for (let level = prevLevel; level <= ANY; level++) cuts[level] = { end: i + 1, size: size + a.raw.length }
    } else if (a.kind === 'open') {
      stack.push(a)
      closers += closeTag(a).length
    } else if (popTag(stack, a.name)) {
      closers -= a.raw.length
    }
    size += a.raw.length
  }
  return atoms.length
}

/** Prefers the coarsest boundary that still fills at least half of what would fit, then a hard cut. */
function chooseCut(atoms: Atom[], cuts: Cut[], size: number): number {
  const cut = cuts.slice(0, ANY).find((c) => c !== undefined && c.size >= size / 2) ?? cuts[ANY]!
  let end = cut.end
  // End tags right after the cut belong to this part, so the next one does not start with an empty element.
  while (atoms[end]?.kind === 'close') end++
  return end
}

function cutLevel(ch: string, prevLevel: number): number {
  if (ch === '\n') return prevLevel <= LINE ? PARAGRAPH : LINE
  if (SENTENCE_ENDS.includes(ch) || (CLOSERS.includes(ch) && prevLevel === SENTENCE)) return SENTENCE
  return ch.trim() === '' ? SPACE : ANY
}

/** The tags still open after `atoms`, given those open before. */
function applyTags(open: Tag[], atoms: Atom[]): Tag[] {
  const stack = [...open]
  for (const a of atoms) {
    if (a.kind === 'open') stack.push(a)
    else if (a.kind === 'close') popTag(stack, a.name)
  }
  return stack
}

function popTag(stack: Tag[], name: string): boolean {
  const at = stack.map((t) => t.name).lastIndexOf(name)
  if (at >= 0) stack.splice(at, 1)
  return at >= 0
}

function closeTag(tag: Tag): string {
  return `</${tag.name}>`
}

function joinRaw(atoms: Atom[]): string {
  return atoms.map((a) => a.raw).join('')
}
