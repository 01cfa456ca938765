import { describe, expect, it } from 'vitest'
import { advance, findingRange, rangesMeet } from './text.js'

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
  it('tells whether ranges meet', () => {
    const range = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } })
    expect(rangesMeet(range(0, 3), range(3, 5))).toBe(true)
    expect(rangesMeet(range(0, 3), range(4, 5))).toBe(false)
  })
})
