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

describe('facts of the accountability cycle', () => {
  it('sees accountability cells, meeting kinds, next-meeting dates and next-meeting actions as new facts', async () => {
    const ctx = await context()
    const of = (body: string, extra = '') => analyzeMinutes(minutes('2024-01-01', body, extra), '/w/minutes/a.md', ctx)
    const row = (cells: string) => `| ID | Status | Response | Revised due | Reason |\n| --- | --- | --- | --- | --- |\n| R1 | ${cells} |`
    expect(factsChange(of(row(' | Accepted | | ')), of(row(' | Not accepted | | ')))).toBe('updates')
    expect(factsChange(of(row(' | | 2025-03-31 | late')), of(row(' | | 2025-06-30 | late')))).toBe('updates')
    expect(factsChange(of(row(' | | 2025-03-31 | late')), of(row(' | | 2025-03-31 | later')))).toBe('updates')
    const panel = analyzeMinutes(minutes('2024-01-01', 'R1.').replace('meeting: accountability', 'meeting: panel'), '/w/minutes/a.md', ctx)
    expect(panel.data.meeting?.meeting).toBe('panel')
    expect(factsChange(of('R1.'), panel)).toBe('updates')
    expect(factsChange(of('R1.'), of('R1.', 'next: 2024-02-01\n'))).toBe('updates')
    expect(factsChange(of('R1.\n\n## Next meeting\n\n1 February 2024'), of('R1.\n\n## Next meeting\n\n8 February 2024'))).toBe('updates')
    expect(factsChange(of('- [ ] Council to report by 2024-03-01'), of('- [ ] Council to report at the next meeting'))).toBe('updates')
    // A next-meeting action moved by an edit before it: positions only, and its finding moves with it.
    const lonely = of('- [ ] Council to report at the next meeting')
    const edited = of('Intro.\n\n- [ ] Council to report at the next meeting')
    expect(factsChange(lonely, edited)).toBe('none')
    const findings = workspaceFindings([lonely], ctx.registers)
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['action-without-due-date', 9]])
    expect(moveFindings(findings, lonely, edited)).toEqual(workspaceFindings([edited], ctx.registers))
  })
})
