import { describe, expect, it } from 'vitest'
import { advance, compareIds, escapeMarkdown, findingRange, idSortKey, rangesMeet } from './text.js'

describe('text helpers', () => {
  it('converts 1-based finding positions to 0-based LSP ranges', () => {
    expect(findingRange({ line: 3, column: 5, endLine: 3, endColumn: 8 })).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 7 } })
  })
  it('advances through text across LF, CRLF and lone CR', () => {
    const start = { line: 4, column: 10, offset: 100 }
    expect(advance(start, 'Recommendation\n14', 15)).toEqual({ line: 5, column: 1, offset: 115 })
    expect(advance(start, 'Recommendation\r\n14', 16)).toEqual({ line: 5, column: 1, offset: 116 })
    expect(advance(start, 'a\rb', 3)).toEqual({ line: 5, column: 2, offset: 103 })
    expect(advance(start, 'abc', 2)).toEqual({ line: 4, column: 12, offset: 102 })
  })
  it('orders ids naturally', () => {
    expect(['R10', 'R2', 'R12a', 'R12', 'X', 'R1'].sort(compareIds)).toEqual(['R1', 'R2', 'R10', 'R12', 'R12a', 'X'])
    expect(['R10', 'R2', 'R12a', 'R12'].map(idSortKey).sort()).toEqual(['R00000002', 'R00000010', 'R00000012', 'R00000012a'])
  })
  it('tells whether ranges meet, and escapes Markdown that would change rendering', () => {
    const range = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } })
    expect(rangesMeet(range(0, 3), range(3, 5))).toBe(true)
    expect(rangesMeet(range(0, 3), range(4, 5))).toBe(false)
    expect(escapeMarkdown('Train *all* officers [now] <b>')).toBe('Train \\*all\\* officers \\[now\\] \\<b\\>')
    expect(escapeMarkdown('Telford & Wrekin. (2022)')).toBe('Telford & Wrekin. (2022)')
  })
})
