/// <reference types="node" />
import fc from 'fast-check'
import type { Nodes, Root } from 'mdast'
import { VFile } from 'vfile'
import { assert, describe, expect, it } from 'vitest'
import { hangGuards } from '../../../vitest.shared.js'
import type { MinutesData } from '../src/types.js'
import { dataOf, processor } from './pipeline.js'
import { iitcse } from './registers.js'

/**
 * Properties on arbitrary Markdown built from fragments that exercise the
 * grammar and every construct that must hide a reference.
 */
const fragments = [
  'Recommendation',
  'recommendations',
  'Rec.',
  'Recs',
  'REC',
  'R',
  'PR',
  'iitcse:',
  'x:',
  '#',
  '12',
  '3',
  '5',
  '12a',
  '47',
  '0',
  '999999',
  '-',
  '–',
  '—',
  ' — ',
  ' to ',
  ', ',
  ' and ',
  ' or ',
  ' & ',
  ', and ',
  ' ',
  '  ',
  '\u00a0',
  '\t',
  '\n',
  '\r\n',
  '\n\n',
  '\r',
  '\\\n',
  '`',
  '``',
  '```\n',
  '~~~\n',
  '    ',
  '<span>',
  '</span>',
  '<!--',
  '-->',
  '<div>\n',
  '</div>',
  '[',
  ']',
  '](',
  ')',
  '](https://x.org/R12)',
  'https://x.org/R',
  'www.x.org/R',
  '<https://x.org/R3>',
  'a@R1.org',
  '![',
  '[^1]',
  '[^1]: ',
  '[d]: https://x.org/R9\n',
  '*',
  '**',
  '_',
  '~~',
  '\\*',
  '&amp;',
  '&#49;',
  '&copy;',
  '# ',
  '## ',
  '> ',
  '- ',
  '1. ',
  '- [ ] ',
  '- [x] ',
  'ACTION: ',
  'Owner: ',
  ' by June',
  ' in March',
  ' 2023-06-30',
  '| Rec | Status |\n| --- | --- |\n',
  '| R3 | In progress |\n',
  '| ',
  ' |',
  '|\n',
  '---\n',
  '---\ndate: 2023-04-17\n---\n',
  'é',
  '日本',
  '😀',
  '\u200b',
  '\ufffc'
]

const markdown = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...fragments) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 250 }).map(String) }
    ),
    { maxLength: 40 }
  )
  .map((parts) => parts.join(''))

function read(text: string): { tree: Root; file: VFile; data: MinutesData } {
  const pipeline = processor({ registers: [iitcse] })
  const file = new VFile({ path: 'minutes.md', value: text })
  const tree = pipeline.parse(file)
  pipeline.runSync(tree, file)
  return { tree, file, data: dataOf(file) }
}

/** Spans of nodes no reference may touch. */
function hidden(tree: Nodes, out: Array<[number, number, string]> = []): Array<[number, number, string]> {
  if (tree.type === 'inlineCode' || tree.type === 'code' || tree.type === 'html' || tree.type === 'yaml') {
    const start = tree.position?.start.offset
    const end = tree.position?.end.offset
    if (start !== undefined && end !== undefined) out.push([start, end, tree.type])
  }
  if ('children' in tree) for (const child of tree.children) hidden(child, out)
  return out
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i)
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

// PROPERTY_RUNS=5000 searches harder before a release; 200 keeps the suite fast.
const runs = { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 200) }
// Sized by runs, never by time: the limit is only a hang guard (a second a
// run, hundreds of times what one takes alone), since on a loaded machine in
// CI these run beside every other suite.
const timeout = Math.max(hangGuards.testTimeout, runs.numRuns * 1_000)

describe('properties on arbitrary Markdown', () => {
  it(
    'never throws',
    () => {
      fc.assert(
        fc.property(markdown, (text) => {
          read(text)
        }),
        runs
      )
    },
    timeout
  )

  it(
    'every reference span slices the source to text containing its number (or a range around it)',
    () => {
      fc.assert(
        fc.property(markdown, (text) => {
          for (const reference of read(text).data.references) {
            const { start, end } = reference.position
            const slice = text.slice(start.offset, end.offset)
            expect(slice).toBe(reference.text)
            expect({ line: start.line, column: start.column }).toEqual(lineColumn(text, start.offset))
            expect({ line: end.line, column: end.column }).toEqual(lineColumn(text, end.offset))
            const digits = /\d+/.exec(reference.id)?.[0]
            assert.isDefined(digits, reference.id)
            // `&#49;` is how HTML spells "1": read the slice as the parser does.
            const decoded = slice
              .replace(/&#[xX]([0-9a-fA-F]{1,6});/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
              .replace(/&#(\d{1,7});/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
            const numbers = (decoded.match(/\d+/g) ?? []).map(Number)
            const n = Number(digits)
            const named = decoded.includes(digits) || (numbers.some((a) => a <= n) && numbers.some((b) => b >= n))
            expect(named, `${reference.id} in ${JSON.stringify(slice)}`).toBe(true)
          }
        }),
        runs
      )
    },
    timeout
  )

  it(
    'no reference overlaps inline code, code, HTML or front matter',
    () => {
      fc.assert(
        fc.property(markdown, (text) => {
          const { tree, data } = read(text)
          const spans = hidden(tree)
          for (const reference of data.references) {
            const start = reference.position.start.offset
            const end = reference.position.end.offset
            for (const [from, to, type] of spans) {
              expect(start < to && from < end, `${reference.id} ${JSON.stringify(reference.text)} overlaps ${type}`).toBe(false)
            }
          }
        }),
        runs
      )
    },
    timeout
  )

  it(
    'gives the same data and messages on a second run',
    () => {
      fc.assert(
        fc.property(markdown, (text) => {
          const first = read(text)
          const second = read(text)
          expect(second.data).toEqual(first.data)
          expect(second.file.messages.map(String)).toEqual(first.file.messages.map(String))
          expect(JSON.parse(JSON.stringify(first.data))).toEqual(first.data)
        }),
        runs
      )
    },
    timeout
  )
})
