import { describe, expect, it } from 'vitest'
import { codeRange, codeUnitsMatching, terminalControls } from '../../test/workspace.js'
import { stringifyJson } from './text.js'

describe('terminalControls (what the tests say none may reach terminal output raw)', () => {
  it('is C0 but tab and line feed, DEL, C1, the bidi controls and the line and paragraph separators', () => {
    expect(codeUnitsMatching(terminalControls)).toEqual([
      ...codeRange(0x00, 0x08),
      ...codeRange(0x0b, 0x1f),
      ...codeRange(0x7f, 0x9f),
      0x61c,
      0x200e,
      0x200f,
      ...codeRange(0x2028, 0x202e),
      ...codeRange(0x2066, 0x2069)
    ])
  })
})

describe('stringifyJson', () => {
  it('gives the same value, with nothing raw a terminal acts on', () => {
    const value = { name: 'a\u001b[2J\u009b\u202e\u2028b\u007f', list: ['é', '👍'] }
    const text = stringifyJson(value, 2)
    expect(JSON.parse(text)).toEqual(value)
    expect(text).not.toMatch(terminalControls)
    expect(stringifyJson(value)).toBe(JSON.stringify(value).replace('\u009b', '\\u009b').replace('\u202e', '\\u202e').replace('\u2028', '\\u2028').replace('\u007f', '\\u007f'))
  })
})
