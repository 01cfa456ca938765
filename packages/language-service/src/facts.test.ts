import { analyzeMinutes, loadWorkspace, MemoryFileSystem, workspaceFindings } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { minutes, smallRegister } from '../test/helpers.js'
import { factsChange, moveFindings, sameFacts } from './facts.js'

async function context() {
  const workspace = await loadWorkspace(new MemoryFileSystem({ '/w/recommendations.yaml': smallRegister() }), '/w')
  return workspace.context
}

describe('sameFacts and moveFindings', () => {
  it('treat an edit in prose as positions only, and move workspace findings with it', async () => {
    const ctx = await context()
    const table = '| ID | Status |\n| --- | --- |\n| R1 | implemented |'
    const before = analyzeMinutes(minutes('2024-01-01', `R1 was discussed.\n\n${table}`), '/w/minutes/a.md', ctx)
    const later = analyzeMinutes(minutes('2024-06-01', 'R1 came up again.'), '/w/minutes/b.md', ctx)
    const edited = analyzeMinutes(minutes('2024-06-01', 'Then R1 came up again.'), '/w/minutes/b.md', ctx)
    expect(sameFacts(later, edited)).toBe(true)
    const findings = workspaceFindings([before, later], ctx.registers).filter((finding) => finding.file === later.path)
    expect(findings.map((finding) => finding.ruleId)).toEqual(['discussed-after-closure'])
    const moved = moveFindings(findings, later, edited)
    expect(moved).toEqual(workspaceFindings([before, edited], ctx.registers).filter((finding) => finding.file === edited.path))
  })

  it('sees changed ids, statuses, dates and rows as new facts', async () => {
    const ctx = await context()
    const of = (body: string, date = '2024-01-01') => analyzeMinutes(minutes(date, body), '/w/minutes/a.md', ctx)
    expect(sameFacts(of('R1.'), of('R2.'))).toBe(false)
    expect(factsChange(of('R1.'), of('R2.'))).toBe('references')
    expect(factsChange(of('R1.'), of('R1.', '2024-01-02'))).toBe('updates')
    expect(sameFacts(of('R1.'), of('R1.', '2024-01-02'))).toBe(false)
    const row = (status: string, note = '') => `| ID | Status | Note |\n| --- | --- | --- |\n| R1 | ${status} | ${note} |`
    expect(factsChange(of(row('implemented')), of(row('blocked')))).toBe('updates')
    expect(sameFacts(of(row('implemented')), of(row('implemented', 'why')))).toBe(false)
    // The same reference, moved from a paragraph into a table row's note.
    expect(sameFacts(of(`R2\n\n${row('implemented')}`), of(row('implemented', 'R2')))).toBe(false)
    expect(
      moveFindings([{ file: 'x', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 999, endOffset: 1000, severity: 'info', ruleId: 'x', message: 'x' }], of('R1.'), of('R1 .'))
    ).toBeUndefined()
  })
})
