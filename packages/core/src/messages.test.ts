import { assert, describe, expect, it } from 'vitest'
import { parseConfig, parseMeeting, parseRegister } from './parse-files.js'
import type { Problem } from './problem.js'
import { locateRegister } from './register-locations.js'

/** Issue 9, "Messages": each message names what is there, one line, positioned. */
function show(problems: Problem[]): string[] {
  return problems.map((p) => `${p.path ?? ''}:${p.line}:${p.column}-${p.endLine}:${p.endColumn}: ${p.severity}: ${p.message} [${p.ruleId}]`)
}

const register = `inquiry:
  id: iitcse
  title: Telford
  published: 2022-07-12
owners:
  - id: council
    name: Council
recommendations:
  - id: R1
    title: First
    owners: [council]
  - id: R2
    title: Second
    owners: [council]
  - id: R3
    title: Third
    owners: [council]
`

describe('kinds of value', () => {
  it('calls a list a list, not a mapping', () => {
    const text = register.replace('inquiry:\n  id: iitcse\n  title: Telford\n  published: 2022-07-12\n', 'inquiry:\n  - iitcse\n')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual(['r.yaml:1:1-1:8: error: Unexpected list, expected a mapping [invalid-register]'])
  })

  it('names lists and mappings inside lists and in flow style', () => {
    const text = '{"inquiry": [1], "owners": {}, "recommendations": [[1], {"a": 1}, "x"]}'
    const problems = show(parseRegister(text, { path: 'r.json' }).problems)
    // A collection value is pointed at by its key, so the span stays on one line.
    expect(problems).toContain('r.json:1:2-1:11: error: Unexpected list, expected a mapping [invalid-register]')
    expect(problems).toContain('r.json:1:18-1:26: error: Unexpected mapping, expected a list [invalid-register]')
    expect(problems).toContain('r.json:1:52-1:55: error: Unexpected list, expected a mapping [invalid-register]')
    expect(problems).toContain('r.json:1:67-1:70: error: Unexpected string "x", expected a mapping [invalid-register]')
  })

  it('names a list where text is expected', () => {
    const text = register.replace('title: First', 'title: [First]')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual(['r.yaml:10:5-10:10: error: Unexpected list, expected text [invalid-register]'])
  })

  it('says the same in front matter and config', () => {
    expect(show(parseMeeting('meeting: [a]\ndate: 2023-01-01\ntitle: T\nchair: C\nattendees: {a: 1}\n', { path: 'm.md' }).problems)).toEqual([
      'm.md:1:1-1:8: error: Unexpected list, expected text [invalid-front-matter]',
      'm.md:5:1-5:10: error: Unexpected mapping, expected a list [invalid-front-matter]'
    ])
    expect(show(parseConfig('[]', { path: 'c.json' }).problems)).toEqual(['c.json:1:1-1:3: error: Unexpected list, expected a mapping [invalid-config]'])
  })
})

describe('deep nesting', () => {
  const cases: Array<[string, string, string]> = [
    ['10,000 flow lists', 'r.json', '['.repeat(10_000)],
    ['10,000 flow lists closed', 'r.json', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['10,000 compact block lists', 'r.yaml', '- '.repeat(10_000) + 'x\n'],
    ['3,000 indented block lists', 'r.yaml', Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}-`).join('\n') + '\n'],
    ['10,000 flow mappings', 'r.yaml', 'a: ' + '{a: '.repeat(10_000)],
    ['3,000 indented mappings', 'r.yaml', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + '\n']
  ]
  for (const [name, path, text] of cases) {
    it(`reports one positioned problem for ${name}, not a stack overflow`, () => {
      const result = parseRegister(text, { path })
      expect(result.ok).toBe(false)
      expect(result.problems).toHaveLength(1)
      const [problem] = result.problems
      assert.isDefined(problem)
      expect(problem.message).toBe('Unexpected nesting deeper than 100 levels, expected at most 100')
      expect(problem.ruleId).toBe(path.endsWith('.json') ? 'json-syntax' : 'yaml-syntax')
      // It points at the collection that opens level 101.
      expect(problem.offset).toBeGreaterThan(0)
      expect(['[', '-', '{', 'a']).toContain(text.charAt(problem.offset))
      expect(problem.endOffset).toBe(problem.offset + 1)
      expect(JSON.stringify(result.problems)).not.toMatch(/call stack/)
    })
  }

  it('positions the problem by line and column', () => {
    const text = 'a:\n  b: ' + '['.repeat(150) + ']'.repeat(150) + '\n'
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      'r.yaml:2:104-2:105: error: Unexpected nesting deeper than 100 levels, expected at most 100 [yaml-syntax]'
    ])
  })

  it('still reads nesting up to the limit', () => {
    const text = 'a: ' + '['.repeat(99) + ']'.repeat(99) + '\n'
    const problems = parseConfig(text, { path: 'c.yaml', format: 'yaml' }).problems
    expect(problems.map((p) => p.message)).toEqual(['Unexpected key "a", expected one of $schema, registers, minutes, prefix, keywords, referenceStyle, rules'])
  })

  it('shifts the position into the minutes for front matter', () => {
    const problems = parseMeeting('x: ' + '['.repeat(200), { path: 'm.md', origin: { line: 2, offset: 4 } }).problems
    expect(show(problems)).toEqual(['m.md:2:103-2:104: error: Unexpected nesting deeper than 100 levels, expected at most 100 [yaml-syntax]'])
    expect(problems[0]?.offset).toBe(4 + 3 + 99)
  })

  it('lets the editor locate nothing rather than overflow', () => {
    expect(locateRegister('recommendations: ' + '['.repeat(10_000))).toEqual({ owners: [], recommendations: [] })
  })
})

describe('duplicate keys', () => {
  it('names the key and the line of its first occurrence', () => {
    const text = register.replace('    name: Council', '    name: Council\n    name: WMP')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      'r.yaml:8:5-8:9: error: Unexpected duplicate key "name", expected each key once in a mapping (first on line 7) [duplicate-key]'
    ])
  })

  it('does so in JSON and in front matter, with the origin applied', () => {
    expect(show(parseConfig('{\n  "prefix": "R",\n  "prefix": "S"\n}', { path: 'c.json' }).problems)).toEqual([
      'c.json:3:3-3:11: error: Unexpected duplicate key "prefix", expected each key once in a mapping (first on line 2) [duplicate-key]'
    ])
    const meeting = 'meeting: a\ndate: 2023-01-01\ntitle: T\nchair: C\nattendees: []\ntitle: U\n'
    expect(show(parseMeeting(meeting, { path: 'm.md', origin: { line: 2, offset: 4 } }).problems)).toEqual([
      'm.md:7:1-7:6: error: Unexpected duplicate key "title", expected each key once in a mapping (first on line 4) [duplicate-key]'
    ])
  })
})

describe('supersededBy cycles', () => {
  it('reports each entry of a two-step cycle at its supersededBy value', () => {
    const text = register
      .replace('    title: First\n    owners: [council]', '    title: First\n    owners: [council]\n    supersededBy: R2')
      .replace('    title: Second\n    owners: [council]', '    title: Second\n    owners: [council]\n    supersededBy: R1')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      'r.yaml:12:19-12:21: error: Unexpected cycle in supersededBy (R1 → R2 → R1), expected a chain that ends at a recommendation nothing supersedes [invalid-register]',
      'r.yaml:16:19-16:21: error: Unexpected cycle in supersededBy (R2 → R1 → R2), expected a chain that ends at a recommendation nothing supersedes [invalid-register]'
    ])
  })

  it('reports a three-step cycle but not the entry that leads into it', () => {
    const text = register
      .replace('    title: First\n    owners: [council]', '    title: First\n    owners: [council]\n    supersededBy: R2')
      .replace('    title: Second\n    owners: [council]', '    title: Second\n    owners: [council]\n    supersededBy: R3')
      .replace('    title: Third\n    owners: [council]', '    title: Third\n    owners: [council]\n    supersededBy: R2')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      'r.yaml:16:19-16:21: error: Unexpected cycle in supersededBy (R2 → R3 → R2), expected a chain that ends at a recommendation nothing supersedes [invalid-register]',
      'r.yaml:20:19-20:21: error: Unexpected cycle in supersededBy (R3 → R2 → R3), expected a chain that ends at a recommendation nothing supersedes [invalid-register]'
    ])
  })

  it('still reports self-reference at the value', () => {
    const text = register.replace('    title: First\n    owners: [council]', '    title: First\n    owners: [council]\n    supersededBy: R1')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      'r.yaml:12:19-12:21: error: Unexpected "R1" superseding itself, expected another recommendation\'s id [invalid-register]'
    ])
  })

  it('accepts a chain that ends', () => {
    const text = register
      .replace('    title: First\n    owners: [council]', '    title: First\n    owners: [council]\n    supersededBy: R2')
      .replace('    title: Second\n    owners: [council]', '    title: Second\n    owners: [council]\n    supersededBy: R3')
    expect(parseRegister(text).problems).toEqual([])
  })
})

describe('more than one document', () => {
  it('says so in words, not as an API hint', () => {
    expect(show(parseConfig('{}\n---\n{}\n', { path: 'c.yaml', format: 'yaml' }).problems)).toEqual([
      'c.yaml:2:1-2:4: error: Unexpected second document, expected one document per file [yaml-syntax]'
    ])
  })
})
