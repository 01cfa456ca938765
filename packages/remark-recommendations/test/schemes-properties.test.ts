/// <reference types="node" />
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hangGuards } from '../../../vitest.shared.js'
import { scanReferences, type ReferenceScheme } from '../src/references.js'
import { dataOf, run } from './pipeline.js'

/**
 * Properties of several schemes at once: text built from generated schemes and
 * ids (dotted, lettered, keywords of several words wrapped anyhow) scans back
 * to exactly those ids and spans, in a run of text and through the real
 * pipeline.
 */

// PROPERTY_RUNS=5000 searches harder before a release; 200 keeps the suite fast.
const runs = { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 200) }
// Sized by runs, never by time: the limit is only a hang guard.
const timeout = Math.max(hangGuards.testTimeout, runs.numRuns * 1_000)

/** A word of a keyword: long enough never to be a joiner (`and`, `or`, `to`). */
const word = fc.stringMatching(/^[A-Za-z][a-z]{3,7}$/)

/** Up to four schemes with distinct prefixes and keywords of one to three words, no keyword shared. */
const schemes: fc.Arbitrary<ReferenceScheme[]> = fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z]{0,3}$/), { minLength: 1, maxLength: 4 }).chain((prefixes) =>
  fc
    .tuple(
      ...prefixes.map(() =>
        fc.uniqueArray(
          fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
          { minLength: 1, maxLength: 3 }
        )
      )
    )
    .map((keywordLists) => {
      const seen = new Set<string>()
      return prefixes.map((prefix, index) => ({
        prefix,
        // A keyword twice (case aside) belongs to its first scheme only: keep the generated schemes unambiguous.
        keywords: (keywordLists[index] ?? []).filter((keyword) => {
          const key = keyword.toLowerCase()
          if (seen.has(key)) return false
          seen.add(key)
          return true
        })
      }))
    })
)

/** A number as ids write it: one to three parts, an optional letter. */
const number = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', 'a', 'b'))
  .map(([parts, letter]) => `${parts.join('.')}${letter}`)

/** Whitespace between a keyword's words and before its number: a space, several, a line break, a non-breaking space. */
const space = fc.constantFrom(' ', ' ', '  ', '\n', '\u00a0')

interface Written {
  text: string
  id: string
}

/** One reference to a generated id, in the id form or the prose form of its scheme. */
function reference(all: readonly ReferenceScheme[]): fc.Arbitrary<Written> {
  return fc.tuple(fc.constantFrom(...all), number, fc.boolean(), fc.nat(), fc.array(space, { minLength: 4, maxLength: 4 })).map(([scheme, digits, prose, pick, spaces]) => {
    const id = `${scheme.prefix}${digits}`
    const keyword = scheme.keywords[pick % Math.max(1, scheme.keywords.length)]
    if (!prose || keyword === undefined) return { text: id, id }
    const wrapped = keyword
      .split(' ')
      .map((part, index) => (index === 0 ? part : `${spaces[index % 3] ?? ' '}${part}`))
      .join('')
    return { text: `${wrapped}${spaces[3] ?? ' '}${digits}`, id }
  })
}

const document = schemes.chain((all) => fc.tuple(fc.constant(all), fc.array(reference(all), { minLength: 1, maxLength: 8 })))

/** The text with its references apart by "; ", and where each one is. */
function layout(written: readonly Written[]): { text: string; expected: Array<{ id: string; start: number; end: number }> } {
  let text = 'See '
  const expected: Array<{ id: string; start: number; end: number }> = []
  for (const [index, entry] of written.entries()) {
    if (index > 0) text += '; '
    expected.push({ id: entry.id, start: text.length, end: text.length + entry.text.length })
    text += entry.text
  }
  return { text: `${text}.`, expected }
}

describe('several schemes', () => {
  it(
    'text built from ids of generated schemes scans back to those ids and spans',
    () => {
      fc.assert(
        fc.property(document, ([all, written]) => {
          const { text, expected } = layout(written)
          const found = scanReferences(text, { schemes: all }).references.map(({ id, start, end }) => ({ id, start, end }))
          expect(found).toEqual(expected)
        }),
        runs
      )
    },
    timeout
  )

  it(
    'the same text in Markdown gives the same ids, each slicing the source to its phrase',
    () => {
      fc.assert(
        fc.property(document, ([all, written]) => {
          const { text, expected } = layout(written)
          const data = dataOf(run(text, { schemes: all }))
          expect(data.references.map((found) => ({ id: found.id, text: found.text }))).toEqual(expected.map(({ id, start, end }) => ({ id, text: text.slice(start, end) })))
        }),
        runs
      )
    },
    timeout
  )

  it(
    'a range between dotted ids expands over the last number when the rest is equal',
    () => {
      const range = fc.tuple(
        fc.constantFrom('R', 'AFI'),
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('–', '-', ' to ', ' — '),
        fc.boolean()
      )
      fc.assert(
        fc.property(range, ([prefix, head, from, length, dash, prose]) => {
          const chapter = `${head.join('.')}.`
          const to = from + length
          const keyword = prefix === 'R' ? 'Recommendations' : 'Areas for\nimprovement'
          const text = prose ? `${keyword} ${chapter}${from}${dash}${chapter}${to}` : `${prefix}${chapter}${from}${dash}${prefix}${chapter}${to}`
          const result = scanReferences(text, {
            schemes: [
              { prefix: 'R', keywords: ['Recommendations'] },
              { prefix: 'AFI', keywords: ['Areas for improvement'] }
            ]
          })
          expect(result.invalidRanges).toEqual([])
          expect(result.references.map((found) => found.id)).toEqual(Array.from({ length: length + 1 }, (_, index) => `${prefix}${chapter}${from + index}`))
          for (const found of result.references) expect(text.slice(found.start, found.end)).toBe(text)
        }),
        runs
      )
    },
    timeout
  )
})
