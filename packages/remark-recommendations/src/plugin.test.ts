import type { Register } from '@followthrough/core'
import type { BlockContent, ListItem, PhrasingContent, Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { assert, describe, expect, it } from 'vitest'
import { dataOf, messagesOf, processor, run } from '../test/pipeline.js'
import { frontMatter, hmicfrs, iitcse } from '../test/registers.js'
import { remarkRecommendations, tooComplexField } from './plugin.js'
import { ruleUrl } from './rules.js'

describe('remarkRecommendations', () => {
  it('puts plain JSON data on file.data.followthrough', () => {
    const text =
      frontMatter() + 'The PCC asked about *Recommendation*\n12 and R45.\n\n| ID | Status |\n| --- | --- |\n| R3 | In progress |\n\n- [ ] Council to publish in June (R7)\n'
    const file = run(text, { registers: [iitcse] })
    const start = text.indexOf('Recommendation*')
    const data = dataOf(file)
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
    expect(data.register).toBe('iitcse')
    expect(data.references[0]).toEqual({
      id: 'R12',
      register: 'iitcse',
      text: 'Recommendation*\n12',
      position: { start: { line: 9, column: 22, offset: start }, end: { line: 10, column: 3, offset: start + 18 } },
      known: true
    })
    expect(data.references.map((reference) => reference.id)).toEqual(['R12', 'R45', 'R3', 'R7'])
    expect(data.updates).toHaveLength(1)
    expect(data.actions).toHaveLength(1)
  })

  it('marks ids the register lacks as not known; with no registers, every id is known', () => {
    expect(dataOf(run('R99 and R3\n', { registers: [iitcse] })).references.map((reference) => reference.known)).toEqual([false, true])
    expect(dataOf(run('R99 and R3\n')).references.map((reference) => reference.known)).toEqual([true, true])
    expect(dataOf(run('R99 and R3\n', { registers: [] })).references.every((reference) => reference.register === undefined)).toBe(true)
  })

  it('resolves the register: qualifier, front matter, option, the only register', () => {
    const several = { registers: [iitcse, hmicfrs] }
    expect(dataOf(run('hmicfrs-2023:R3\n', several)).references[0]?.register).toBe('hmicfrs-2023')
    expect(dataOf(run(frontMatter('register: hmicfrs-2023\n') + 'R3\n', several)).references[0]?.register).toBe('hmicfrs-2023')
    expect(dataOf(run('R3\n', { ...several, register: 'hmicfrs-2023' })).references[0]?.register).toBe('hmicfrs-2023')
    expect(dataOf(run('R3\n', { registers: [hmicfrs] })).references[0]?.register).toBe('hmicfrs-2023')
    const ambiguous = dataOf(run('R3\n', several))
    expect(ambiguous.register).toBeUndefined()
    expect(ambiguous.references[0]).toMatchObject({ id: 'R3', known: true })
    expect(ambiguous.references[0]?.register).toBeUndefined()
  })

  it('with no registers, takes the front matter register as given', () => {
    expect(dataOf(run(frontMatter('register: anything\n') + 'R3\n')).references[0]?.register).toBe('anything')
  })

  it('honours prefix and keywords', () => {
    const data = dataOf(run('Area for improvement 3 and AFI4 and R5\n', { prefix: 'AFI', keywords: ['Area for improvement'] }))
    expect(data.references.map((reference) => reference.id)).toEqual(['AFI3', 'AFI4'])
  })

  it('gives the same data and messages on a second run', () => {
    const text = frontMatter() + 'R3–R5, R99 and Recommendations 1, 2 and 3.\n\n- [ ] Council to act\n'
    const first = run(text, { registers: [iitcse] })
    const second = run(text, { registers: [iitcse] })
    expect(dataOf(second)).toEqual(dataOf(first))
    expect(messagesOf(second)).toEqual(messagesOf(first))
  })

  it('can be reused across files: one processor, many runs', () => {
    const pipeline = processor({ registers: [iitcse] })
    for (const text of ['R1\n', 'R99\n', 'Recommendation 2\n']) {
      const file = new VFile({ path: 'minutes.md', value: text })
      pipeline.runSync(pipeline.parse(file), file)
      expect(dataOf(file).references).toHaveLength(1)
    }
  })

  it('reads a file given as bytes', () => {
    const file = new VFile({ path: 'minutes.md', value: new TextEncoder().encode('Recommendation 12\n') })
    const pipeline = processor()
    pipeline.runSync(pipeline.parse(file), file)
    expect(dataOf(file).references[0]?.text).toBe('Recommendation 12')
  })

  it('never throws on odd options, registers or trees', () => {
    const odd = [null, 'R', 42, { prefix: '', keywords: 'Rec' }, { registers: [null, {}, { inquiry: { id: 'x' } }] }, { rules: null }]
    for (const options of odd) {
      const file = new VFile({ path: 'minutes.md', value: 'R12 and Recommendation 3\n' })
      // Deliberately ill-typed: a user's JavaScript can pass anything.
      const pipeline = unified()
        .use(() => (tree: Root) => tree)
        .use(remarkRecommendations, options as never)
      const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'R12' }] }] }
      expect(() => pipeline.runSync(tree, file)).not.toThrow()
      expect(() => run('R12 and Recommendation 3\n', options as never)).not.toThrow()
    }
  })

  it('skips nodes without positions instead of guessing', () => {
    const file = new VFile({ path: 'minutes.md', value: 'R12' })
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'R12' }] }] }
    unified().use(remarkRecommendations).runSync(tree, file)
    expect(dataOf(file).references).toEqual([])
  })

  it('keeps reading the other blocks when one block is broken', () => {
    const file = new VFile({ path: 'minutes.md', value: 'R1\n\nR2\n' })
    const tree = processor().parse(file)
    // A malformed node, as a buggy plugin earlier in the pipeline might leave.
    ;(tree.children[0] as unknown as { children: unknown }).children = [{ type: 'text', value: null, position: {} }]
    processor().runSync(tree, file)
    expect(dataOf(file).references.map((reference) => reference.id)).toEqual(['R2'])
    // The failure is shown where it happened, not swallowed.
    expect(messagesOf(file).filter((message) => !message.includes('front matter'))).toEqual([
      expect.stringMatching(/^minutes\.md:1:1-1:3: Unexpected failure while reading a paragraph \(.+\), expected none: please report it$/)
    ])
    expect(file.messages.find((message) => message.ruleId === 'internal-error')?.fatal).toBe(true)
  })

  it('reads every block after a block quote 10,000 levels deep', () => {
    // remark-parse without remark-gfm: remark-gfm's own transform overflows on such a tree.
    const pipeline = unified().use(remarkParse).use(remarkRecommendations)
    const file = new VFile({ path: 'minutes.md', value: '> '.repeat(10_000) + 'Recommendation 12\n\nR3\n' })
    pipeline.runSync(pipeline.parse(file), file)
    expect(dataOf(file).references.map((reference) => [reference.id, reference.position.start.column])).toEqual([
      ['R12', 20_001],
      ['R3', 1]
    ])
    expect(file.messages.map((message) => message.ruleId)).toEqual(['missing-front-matter'])
  })

  it('reads lists and emphasis nested 100,000 levels deep', () => {
    const depth = 100_000
    const value = '- '.repeat(depth) + '*'.repeat(depth) + 'R12' + '*'.repeat(depth) + '\n\nR3\n'
    const at = (offset: number) => ({ line: 1, column: offset + 1, offset })
    const span = (start: number, end: number) => ({ start: at(start), end: at(end) })
    const text = 2 * depth + depth
    let inline: PhrasingContent = { type: 'text', value: 'R12', position: span(text, text + 3) }
    for (let level = 1; level <= depth; level++) inline = { type: 'emphasis', children: [inline], position: span(text - level, text + 3 + level) }
    let block: BlockContent = { type: 'paragraph', children: [inline], position: span(2 * depth, value.indexOf('\n')) }
    for (let level = depth - 1; level >= 0; level--) {
      const position = span(2 * level, value.indexOf('\n'))
      const item: ListItem = { type: 'listItem', spread: false, checked: level === depth - 1 ? false : null, children: [block], position }
      block = { type: 'list', ordered: false, spread: false, children: [item], position }
    }
    const r3 = value.lastIndexOf('R3')
    const tree: Root = {
      type: 'root',
      children: [
        block,
        { type: 'paragraph', children: [{ type: 'text', value: 'R3', position: { start: { line: 3, column: 1, offset: r3 }, end: { line: 3, column: 3, offset: r3 + 2 } } }] }
      ]
    }
    const file = new VFile({ path: 'minutes.md', value })
    unified().use(remarkRecommendations).runSync(tree, file)
    const data = dataOf(file)
    expect(data.references.map((reference) => [reference.id, reference.text])).toEqual([
      ['R12', 'R12'],
      ['R3', 'R3']
    ])
    // The innermost item is an open task: its action is read too.
    expect(data.actions.map((action) => action.text)).toEqual(['R12'])
  })

  it('reports a block a parser read as plain text because it was too complex, and still reads it', () => {
    const file = new VFile({ path: 'minutes.md', value: 'R1\n\n*a R2 *a\n' })
    const tree = processor().parse(file)
    const paragraph = tree.children[1]
    assert.isDefined(paragraph)
    paragraph.data = { [tooComplexField]: 'Unexpected paragraph with 2 markers, expected at most 1' }
    processor().runSync(tree, file)
    expect(dataOf(file).references.map((reference) => reference.id)).toEqual(['R1', 'R2'])
    const message = file.messages.find((entry) => entry.ruleId === 'too-complex')
    expect(String(message)).toBe('minutes.md:3:1-3:9: Unexpected paragraph with 2 markers, expected at most 1')
    expect(message?.fatal).toBe(false)
    expect(message?.url).toBe(ruleUrl('too-complex'))
  })

  it('accepts a register that failed validation without throwing', () => {
    const broken = { inquiry: { id: 'b' }, recommendations: [{ id: 'R1' }, { title: 'no id' }, null] } as unknown as Register
    const file = run('R1 and R2\n', { registers: [broken] })
    expect(dataOf(file).references.map((reference) => reference.known)).toEqual([true, false])
  })
})
