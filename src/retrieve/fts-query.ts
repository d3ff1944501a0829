/**
 * An FTS5 MATCH expression: an OR of quoted phrases. Every phrase is quoted (quotes doubled), so
 * nothing a user types (quotes, AND/OR/NOT, *, ^, :, parentheses) is read as FTS5 syntax. A phrase
 * given twice counts twice in BM25, which is how whole words weigh beside their bigrams.
 */
export function buildMatchExpression(phrases: string[]): string {
  return phrases
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `"${p.replaceAll('"', '""')}"`)
    .join(' OR ')
}
