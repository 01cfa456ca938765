/// <reference types="node" />
import { MeetingSchema, parseMeeting } from '@followthrough/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hangGuards } from '../../../vitest.shared.js'
import { readSimpleYaml } from './simple-yaml.js'

describe('readSimpleYaml', () => {
  it('reads the front matter minutes usually have', () => {
    expect(
      readSimpleYaml(
        'meeting: accountability\ndate: 2023-04-17\ntitle: "Meeting: one"\nchair: John Campion, PCC\nattendees:\n  - A, B\n  - C\nregister: iitcse\ntags: [a, b]\n# a comment\n'
      )
    ).toEqual({
      meeting: 'accountability',
      date: '2023-04-17',
      title: 'Meeting: one',
      chair: 'John Campion, PCC',
      attendees: ['A, B', 'C'],
      register: 'iitcse',
      tags: ['a', 'b']
    })
  })

  it('gives up on anything it is not sure of', () => {
    for (const text of [
      'a: 1',
      'a: true',
      'a: ~',
      'a: x # comment',
      'a: b: c',
      'a: &anchor x',
      'a: "esc\\"aped"',
      'a:\n  b: c',
      'a:',
      'a: x\na: y',
      'a: |\n  block',
      'a:\tx',
      '- a',
      'a: [x, [y]]',
      'a: x\n  continued',
      '---\na: x',
      'a: {b: c}'
    ]) {
      expect(readSimpleYaml(text), text).toBeUndefined()
    }
  })

  it('gives up on exactly the controls (tab, CR and LF included), separators, BOM and noncharacters U+FFFE and U+FFFF, of every code point', () => {
    const refused: number[] = []
    for (let code = 0; code <= 0x10ffff; code++) {
      if (readSimpleYaml(`a: x${String.fromCodePoint(code)}y`) === undefined) refused.push(code)
    }
    const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, index) => first + index)
    expect(refused).toEqual([...range(0x00, 0x1f), ...range(0x7f, 0x9f), 0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff])
  })
})

// What the fast path accepts must equal what core's full parse gives.
const word = fc.constantFrom(
  'accountability',
  'PCC',
  'John Campion, PCC',
  "PCC's office",
  '2023-04-17',
  '12 October',
  'a-b',
  'x y',
  'é',
  '"quoted"',
  "'single'",
  'yes',
  'no',
  '0.5',
  '1',
  'null',
  'true',
  '-x',
  '#x',
  'a: b',
  'a #b',
  '[x]',
  ''
)
const key = fc.constantFrom('meeting', 'date', 'title', 'chair', 'attendees', 'register', 'extra')
const entry = fc.oneof(
  fc.tuple(key, word).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, fc.array(word, { maxLength: 3 })).map(([k, vs]) => `${k}: [${vs.join(', ')}]`),
  fc.tuple(key, fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  ')).map(([k, vs, indent]) => `${k}:\n${vs.map((v) => `${indent}- ${v}`).join('\n')}`)
)
const document = fc.tuple(fc.array(entry, { maxLength: 7 }), fc.constantFrom('\n', '\r\n')).map(([entries, eol]) => entries.join('\n').replace(/\n/g, eol))

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300)

describe('readSimpleYaml against core parseMeeting', () => {
  it(
    'accepts only what the full parser reads the same way',
    () => {
      fc.assert(
        fc.property(document, (text) => {
          const simple = readSimpleYaml(text)
          if (simple === undefined) return
          const full = parseMeeting(text)
          const checked = MeetingSchema.safeParse(simple)
          expect(checked.success).toBe(full.ok)
          if (checked.success && full.ok) expect(checked.data).toEqual(full.value)
        }),
        { numRuns }
      )
      // Sized by runs, never by time: the limit is only a hang guard (a second a run).
    },
    Math.max(hangGuards.testTimeout, numRuns * 1_000)
  )
})
