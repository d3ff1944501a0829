import { describe, expect, it } from 'vitest'
import { openDb, toMatchExpression } from '../../src/store/index.js'

describe('toMatchExpression', () => {
  it.each([
    [['安置 置房', '经开'], '"安置 置房" OR "经开"'],
    [['a"b'], '"a""b"'],
    [['NOT', 'AND', 'OR'], '"NOT" OR "AND" OR "OR"'],
    [['c*', '(d', 'e:f', '^g', 'NEAR(a b)'], '"c*" OR "(d" OR "e:f" OR "^g" OR "NEAR(a b)"'],
    [['', '  '], ''],
  ])('%j → %s', (phrases, expected) => {
    expect(toMatchExpression(phrases)).toBe(expected)
  })

  it('gives FTS5 expressions that never raise a syntax error, whatever the phrase holds', () => {
    const db = openDb(':memory:')
    const nasty = ['"', '""', 'a" OR "b', '*', 'NOT', 'AND OR', '(', ')', '^', ':', 'col:term', 'NEAR(', '{title}', '-', '+']
    for (const p of nasty) {
      const match = toMatchExpression([p])
      expect(() => db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(match)).not.toThrow()
    }
    db.close()
  })
})
