/// <reference types="node" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataOf, fixtureReferences, run, type FixtureReference } from './pipeline.js'

/**
 * The reference corpus: each `test/fixtures/references/<name>.md` is read by the
 * real pipeline and its references compared with `<name>.json`. To add a case,
 * write the `.md` file and run
 *
 *     FIXTURES_WRITE=1 npx vitest run test/references-corpus.test.ts
 *
 * which writes the missing `.json` files from what the plugin finds now;
 * review them before committing (`git diff`). Existing `.json` files are never
 * overwritten unless FIXTURES_WRITE=all.
 */
const folder = join(import.meta.dirname, 'fixtures', 'references')
const write = process.env['FIXTURES_WRITE']
const names = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .sort()

function show(references: readonly FixtureReference[]): string {
  return references.map((reference) => `  ${reference.start}-${reference.end} ${reference.id} ${JSON.stringify(reference.text)}`).join('\n')
}

describe('reference corpus', () => {
  it('has at least 80 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(80)
  })

  for (const name of names) {
    it(name, () => {
      const markdown = readFileSync(join(folder, `${name}.md`), 'utf8')
      const actual = fixtureReferences(dataOf(run(markdown)))
      const expectedPath = join(folder, `${name}.json`)
      if (write === 'all' || (write !== undefined && !existsSync(expectedPath))) {
        writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n')
      }
      if (!existsSync(expectedPath)) {
        throw new Error(`Missing ${name}.json; the plugin finds:\n${show(actual)}\nRun with FIXTURES_WRITE=1 to write it, then review it.`)
      }
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as FixtureReference[]
      expect(actual, `${name}.md found:\n${show(actual)}\nexpected:\n${show(expected)}`).toEqual(expected)
      // Every span slices the source to exactly its text.
      for (const reference of dataOf(run(markdown)).references) {
        expect(markdown.slice(reference.position.start.offset, reference.position.end.offset)).toBe(reference.text)
      }
    })
  }
})
