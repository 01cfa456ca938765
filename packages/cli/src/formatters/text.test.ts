import { describe, expect, it } from 'vitest'
import { stringifyJson } from './text.js'

/** Characters a terminal acts on; none may reach terminal output raw. */
const terminalControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/

describe('stringifyJson', () => {
  it('gives the same value, with nothing raw a terminal acts on', () => {
    const value = { name: 'a\u001b[2J\u009b\u202e\u2028b\u007f', list: ['é', '👍'] }
    const text = stringifyJson(value, 2)
    expect(JSON.parse(text)).toEqual(value)
    expect(text).not.toMatch(terminalControls)
    expect(stringifyJson(value)).toBe(JSON.stringify(value).replace('\u009b', '\\u009b').replace('\u202e', '\\u202e').replace('\u2028', '\\u2028').replace('\u007f', '\\u007f'))
  })
})
