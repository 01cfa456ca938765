import { afterEach, describe, expect, it } from 'vitest'
import { minutes, register, run, workspace } from './workspace.js'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

// Shapes micromark parses in quadratic time (30 KB took 74 s): the bin reports
// them and still checks the references inside (timings: the language service's
// `bench/complexity.mjs`).
describe('followthrough lint on minutes too complex to parse in linear time', () => {
  it('warns with too-complex and still checks the references inside, exit code from the findings', async () => {
    const files = {
      'recommendations.yaml': register,
      'minutes/a-emphasis.md': minutes('2023-04-17', `${'*a '.repeat(5000)}R1 and R9 ${' a*'.repeat(5000)}`),
      'minutes/b-brackets.md': minutes('2023-04-17', `${'['.repeat(10_000)} R2`),
      'minutes/c-table.md': minutes('2023-04-17', `${'| a '.repeat(10_000)}|\n${'| - '.repeat(10_000)}|\n| R9 ${'| x '.repeat(9_999)}|`),
      'minutes/d-quotes.md': minutes('2023-04-17', `${'> '.repeat(10_000)}R1`)
    }
    const { root, cleanup } = workspace(files)
    cleanups.push(cleanup)
    const result = await run(['lint', '--format', 'json'], root)
    expect(result.stderr).toBe('')
    const findings = JSON.parse(result.stdout) as Array<{ file: string; line: number; column: number; ruleId: string; severity: string; message: string }>
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`)).toEqual([
      'minutes/a-emphasis.md:9:1 warning too-complex',
      'minutes/a-emphasis.md:9:15008 error unknown-recommendation',
      'minutes/b-brackets.md:9:1 warning too-complex',
      'minutes/c-table.md:9:1 warning too-complex',
      'minutes/c-table.md:11:3 error unknown-recommendation',
      'minutes/d-quotes.md:9:65 warning too-complex'
    ])
    expect(findings[0]?.message).toBe(
      'Unexpected paragraph with 10000 emphasis, link, code and HTML markers, expected at most 1000: read as plain text (split it into smaller paragraphs)'
    )
    expect(result.code).toBe(1)
  }, 300_000)
})
