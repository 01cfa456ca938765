/// <reference types="node" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataOf, fixtureReferences, messagesOf, run, type FixtureReference } from './pipeline.js'
import { inspection, inspectionSchemes } from './registers.js'

/**
 * The schemes corpus: each `test/fixtures/schemes/<name>.md` is read by the real
 * pipeline with two schemes (R and AFI, `inspectionSchemes`) against a register
 * of dotted, lettered and AFI ids (`inspection`), and its references and
 * messages compared with `<name>.json`. Write missing `.json` files with
 *
 *     FIXTURES_WRITE=1 npx vitest run test/schemes-corpus.test.ts
 *
 * and review them before committing.
 */
const folder = join(import.meta.dirname, 'fixtures', 'schemes')
const write = process.env['FIXTURES_WRITE']
const names = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .sort()

interface Expected {
  references: FixtureReference[]
  messages: string[]
}

describe('schemes corpus', () => {
  it('has the cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(30)
  })

  for (const name of names) {
    it(name, () => {
      const markdown = readFileSync(join(folder, `${name}.md`), 'utf8')
      // Fixtures have no front matter: that warning would be on every one of them.
      const file = run(markdown, { registers: [inspection], schemes: inspectionSchemes, rules: { 'missing-front-matter': 'off' } }, `${name}.md`)
      const actual: Expected = { references: fixtureReferences(dataOf(file)), messages: messagesOf(file) }
      const expectedPath = join(folder, `${name}.json`)
      if (write === 'all' || (write !== undefined && !existsSync(expectedPath))) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n')
      if (!existsSync(expectedPath))
        throw new Error(`Missing ${name}.json; the plugin finds:\n${JSON.stringify(actual, null, 2)}\nRun with FIXTURES_WRITE=1 to write it, then review it.`)
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected
      expect(actual).toEqual(expected)
      for (const reference of dataOf(file).references) {
        expect(markdown.slice(reference.position.start.offset, reference.position.end.offset)).toBe(reference.text)
      }
    })
  }
})
