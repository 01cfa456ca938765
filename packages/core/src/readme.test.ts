import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, assert, describe, expect, it } from 'vitest'

// The README's examples are the API's documentation: each ```js block followed
// by a ```text block is run against the built package and must print exactly that.
const root = join(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const examples = [...readme.matchAll(/```js\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/g)].map(([, code, output]) => {
  assert.isDefined(code)
  assert.isDefined(output)
  return { code, output }
})
// Inside the package, so `@followthrough/core` resolves to this package's build.
const folder = mkdtempSync(join(root, '.readme-'))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe('README examples', () => {
  it('has examples with their output', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3)
  })

  it.each(examples.map((example, index) => [index + 1, example] as const))('example %i prints what the README shows', (index, example) => {
    const file = join(folder, `example-${index}.mjs`)
    writeFileSync(file, example.code)
    const stdout = execFileSync(process.execPath, [file], { encoding: 'utf8' })
    expect(stdout).toBe(example.output)
  })
})
