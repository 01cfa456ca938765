import { afterEach, describe, expect, it } from 'vitest'
import { minutes, register, run, workspace } from './workspace.js'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('followthrough lint with worker threads', () => {
  it('gives every file its findings when one file is too big for a worker, with the exit code they call for', async () => {
    // 450 files start workers (400 or more); the 4 MB file, last in order, falls
    // to a worker, whose 128 MB heap it exhausts: this thread analyses it instead.
    const files: Record<string, string> = { 'recommendations.yaml': register }
    for (let index = 0; index < 450; index++) files[`minutes/${String(index).padStart(3, '0')}.md`] = minutes('2023-04-17', `Item ${index}: R1 and R99.\n`)
    const paragraph = 'The board reviewed progress on Recommendation 1 and agreed that further work is needed before the next meeting.\n\n'
    const repeats = Math.ceil(4_000_000 / paragraph.length)
    files['minutes/zzz-large.md'] = minutes('2023-04-18', `${paragraph.repeat(repeats)}Finally R99.\n`)
    const { root, cleanup } = workspace(files)
    cleanups.push(cleanup)

    const result = await run(['lint', '--format', 'json'], root)
    expect(result.stderr).toBe('')
    const findings = JSON.parse(result.stdout) as Array<{ file: string; line: number; column: number; ruleId: string; severity: string }>
    const expected = Object.keys(files)
      .filter((path) => path.startsWith('minutes/'))
      .map((file) => ({ file, line: file.endsWith('large.md') ? 9 + 2 * repeats : 9, ruleId: 'unknown-recommendation', severity: 'error' }))
    expect(findings.map(({ file, line, ruleId, severity }) => ({ file, line, ruleId, severity }))).toEqual(expected)
    // Errors: exit 1 (not 2, "the run failed").
    expect(result.code).toBe(1)
  }, 600_000)
})
