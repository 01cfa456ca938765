import type { Finding } from '@followthrough/engine'
import fc from 'fast-check'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import { describe, expect, it } from 'vitest'
import { formatStylish } from './stylish.js'
import { visible } from './text.js'

const cwd = '/work/repo'

/** The layout the formatter keeps: vfile-reporter's, fed as the CLI fed it before laying out on its own. */
function byVfileReporter(findings: readonly Finding[], color: boolean): string {
  const byFile = new Map<string, VFile>()
  for (const finding of findings) {
    let file = byFile.get(finding.file)
    if (!file) {
      file = new VFile({ path: visible(finding.file.slice(cwd.length + 1)) })
      byFile.set(finding.file, file)
    }
    const message = new VFileMessage(visible(finding.message), {
      place: { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
      ruleId: visible(finding.ruleId),
      source: 'followthrough'
    })
    message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined
    file.messages.push(message)
  }
  return reporter([...byFile.values()], { color }) + '\n'
}

function finding(overrides: Partial<Finding>): Finding {
  return {
    file: `${cwd}/minutes/2024-01-17.md`,
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 8,
    severity: 'error',
    ruleId: 'unknown-recommendation',
    message: 'Unexpected unknown recommendation R99',
    ...overrides
  }
}

const severities = ['error', 'warning', 'info'] as const

/** Sized by runs (`PROPERTY_RUNS`), with a fixed seed unless `SEED` asks for another (`SEED=random`). */
const runs = Number(process.env['PROPERTY_RUNS'] ?? 200)
const seed = process.env['SEED'] === 'random' ? Date.now() % 2 ** 31 : Number(process.env['SEED'] ?? 20261129)

describe('formatStylish', () => {
  it('lays findings out as vfile-reporter does: grouped by file, aligned, with a summary', async () => {
    const findings = [
      finding({}),
      finding({ line: 12, column: 1, endLine: 12, endColumn: 40, severity: 'warning', ruleId: 'status-regression', message: 'Unexpected R3 going back' }),
      finding({
        file: `${cwd}/minutes/2023-10-18.md`,
        line: 100,
        column: 17,
        endLine: 101,
        endColumn: 2,
        severity: 'info',
        ruleId: 'discussed-after-closure',
        message: 'Unexpected `R4` discussion'
      })
    ]
    const output = await formatStylish(findings, { cwd, color: false, files: [] })
    expect(output).toBe(
      [
        'minutes/2023-10-18.md',
        '100:17-101:2 info    Unexpected `R4` discussion            discussed-after-closure followthrough',
        '',
        'minutes/2024-01-17.md',
        '3:5-3:8      error   Unexpected unknown recommendation R99 unknown-recommendation  followthrough',
        '12:1-12:40   warning Unexpected R3 going back              status-regression       followthrough',
        '',
        '3 messages (✖ 1 error, ⚠ 1 warning)',
        ''
      ].join('\n')
    )
    expect(output).toBe(byVfileReporter(findings, false))
    expect(await formatStylish(findings, { cwd, color: true, files: [] })).toBe(byVfileReporter(findings, true))
  })

  it('says how many files were checked when there is nothing to report', async () => {
    expect(await formatStylish([], { cwd, color: false, files: ['a', 'b'] })).toBe('2 files checked: no problems\n')
  })

  it('matches vfile-reporter on any findings: wide and combining characters, emoji, controls, backticks, ties', async () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'R', '1', ' ', '`', '``', 'é', 'e\u0301', '漢', '🎉', '👍🏽', '\u001b', '\u202e', '\t', 'ｱ', '-', '–'),
      maxLength: 12
    })
    const arbitrary = fc.record({
      file: fc.constantFrom('a.md', 'B.md', 'b.md', 'été.md', 'z/漢.md').map((name) => `${cwd}/${name}`),
      line: fc.integer({ min: 1, max: 3 }),
      column: fc.integer({ min: 1, max: 3 }),
      endLine: fc.integer({ min: 1, max: 300 }),
      endColumn: fc.integer({ min: 1, max: 300 }),
      severity: fc.constantFrom(...severities),
      ruleId: fc.constantFrom('unknown-recommendation', 'reference-style', 'rule-😀'),
      message: text
    })
    await fc.assert(
      fc.asyncProperty(fc.array(arbitrary, { minLength: 1, maxLength: 12 }), fc.boolean(), async (findings, color) => {
        expect(await formatStylish(findings, { cwd, color, files: [] })).toBe(byVfileReporter(findings, color))
      }),
      { numRuns: runs, seed }
    )
  })
})
