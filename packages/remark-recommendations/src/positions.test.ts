import { describe, expect, it } from 'vitest'
import { lineIndex } from './positions.js'

describe('lineIndex', () => {
  it('gives 1-based lines and columns and 0-based offsets', () => {
    const lines = lineIndex('ab\ncd')
    expect(lines.point(0)).toEqual({ line: 1, column: 1, offset: 0 })
    expect(lines.point(2)).toEqual({ line: 1, column: 3, offset: 2 })
    expect(lines.point(3)).toEqual({ line: 2, column: 1, offset: 3 })
    expect(lines.point(5)).toEqual({ line: 2, column: 3, offset: 5 })
  })

  it('treats CRLF as one line ending and a lone CR as one too', () => {
    const crlf = lineIndex('ab\r\ncd')
    expect(crlf.point(2)).toEqual({ line: 1, column: 3, offset: 2 })
    expect(crlf.point(4)).toEqual({ line: 2, column: 1, offset: 4 })
    const cr = lineIndex('ab\rcd')
    expect(cr.point(3)).toEqual({ line: 2, column: 1, offset: 3 })
  })

  it('clamps offsets outside the text and never gives an end before the start', () => {
    const lines = lineIndex('abc')
    expect(lines.point(-5)).toEqual({ line: 1, column: 1, offset: 0 })
    expect(lines.point(99)).toEqual({ line: 1, column: 4, offset: 3 })
    expect(lines.span(2, 1)).toEqual({ start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 3, offset: 2 } })
    expect(lineIndex('').point(0)).toEqual({ line: 1, column: 1, offset: 0 })
  })
})
