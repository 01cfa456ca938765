import { describe, expect, it } from 'vitest'
import { MemoryFileSystem } from './memory-file-system.js'
import { allFindings, listMinutes, loadWorkspace, readMinutes, workspaceProgress } from './workspace.js'
import { telfordRegister } from '../test/registers.js'

const register = telfordRegister(`  - id: R1
    title: Publish a partnership report
    owners: [council]
    history:
      - date: 2023-01-18
        status: implemented
  - id: R2
    title: Train licensing staff
    owners: [council]`)

function minutes(date: string, body: string): string {
  return `---\nmeeting: accountability\ndate: ${date}\ntitle: Meeting\nchair: John Campion\nattendees: [Pippa Mills]\n---\n\n${body}\n`
}

function show(findings: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; message: string; ruleId: string }>): string[] {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}: ${f.severity}: ${f.message} [${f.ruleId}]`)
}

async function lint(files: Record<string, string>) {
  const fs = new MemoryFileSystem(files)
  const workspace = await loadWorkspace(fs, '/w')
  const paths = await listMinutes(fs, workspace)
  const analyses = await Promise.all(paths.map((path) => readMinutes(fs, path, workspace)))
  return { workspace, analyses, findings: allFindings(workspace, analyses) }
}

describe('loadWorkspace', () => {
  it('uses the defaults without a config and loads the register', async () => {
    const { workspace } = await lint({ '/w/recommendations.yaml': register })
    expect(workspace.config.path).toBeUndefined()
    expect(workspace.config.root).toBe('/w')
    expect(workspace.broken).toBe(false)
    expect(workspace.context.registers.map((r) => r.inquiry.id)).toEqual(['iitcse'])
  })

  it('finds the config in a parent folder and resolves paths against it', async () => {
    const fs = new MemoryFileSystem({
      '/w/followthrough.config.json': '{ "registers": ["data/r.yaml"], "minutes": ["notes/*.md"] }',
      '/w/data/r.yaml': register,
      '/w/notes/a.md': minutes('2023-04-17', 'R1'),
      '/w/notes/deep/b.md': minutes('2023-04-17', 'R1')
    })
    const workspace = await loadWorkspace(fs, '/w/notes/deep')
    expect(workspace.config.path).toBe('/w/followthrough.config.json')
    expect(workspace.registers.map((r) => r.path)).toEqual(['/w/data/r.yaml'])
    expect(await listMinutes(fs, workspace)).toEqual(['/w/notes/a.md'])
  })

  it('reports a missing register and a duplicate register id', async () => {
    const missing = await loadWorkspace(new MemoryFileSystem({}), '/w')
    expect(missing.broken).toBe(true)
    expect(show(missing.findings)).toEqual(['/w/recommendations.yaml:1:1-1:1: error: Cannot read /w/recommendations.yaml: no such file [register-not-found]'])
    const twice = await loadWorkspace(
      new MemoryFileSystem({ '/w/followthrough.config.json': '{"registers": ["a.yaml", "b.yaml"]}', '/w/a.yaml': register, '/w/b.yaml': register }),
      '/w'
    )
    expect(twice.findings.map((f) => f.ruleId)).toEqual(['duplicate-register'])
  })

  it('reports a register that is not UTF-8', async () => {
    const fs = new MemoryFileSystem({ '/w/recommendations.yaml': new Uint8Array([0xff, 0xfe, 0x00, 0x41]) })
    const workspace = await loadWorkspace(fs, '/w')
    expect(workspace.findings.map((f) => f.ruleId)).toEqual(['invalid-encoding'])
  })
})

describe('workspace rules', () => {
  it('flags a status that goes backwards without a note, not one with a note', async () => {
    const table = (status: string, note: string) => `| Recommendation | Status | Note |\n| --- | --- | --- |\n| R1 | ${status} | ${note} |`
    const { findings } = await lint({
      '/w/recommendations.yaml': register,
      '/w/minutes/2023-04-17.md': minutes('2023-04-17', table('In progress', '')),
      '/w/minutes/2023-07-19.md': minutes('2023-07-19', table('Implemented', 'Confirmed')),
      '/w/minutes/2023-10-18.md': minutes('2023-10-18', table('In progress', 'Audit found gaps'))
    })
    expect(show(findings.filter((f) => f.ruleId === 'status-regression'))).toEqual([
      '/w/minutes/2023-04-17.md:11:8-11:19: warning: Unexpected R1 going back from implemented to in-progress without a note, expected a note saying why [status-regression]'
    ])
  })

  it('notes discussion of a recommendation closed before the meeting, outside update tables', async () => {
    const { findings } = await lint({
      '/w/recommendations.yaml': register,
      '/w/minutes/2023-04-17.md': minutes('2023-04-17', 'R1 was mentioned again, and R2.\n\n| ID | Status |\n| --- | --- |\n| R1 | implemented |')
    })
    expect(show(findings.filter((f) => f.ruleId === 'discussed-after-closure'))).toEqual([
      '/w/minutes/2023-04-17.md:9:1-9:3: info: Unexpected discussion of R1, implemented since 2023-01-18, expected an open recommendation (add a status update to reopen it) [discussed-after-closure]'
    ])
  })

  it('notes a closed recommendation once per file, at its first mention outside update tables', async () => {
    const { findings } = await lint({
      '/w/recommendations.yaml': register,
      '/w/minutes/2023-04-17.md': minutes(
        '2023-04-17',
        '| ID | Status |\n| --- | --- |\n| R1 | implemented |\n\nR2 came up, then R1.\n\nR1 again, and Recommendation 1 once more.'
      ),
      '/w/minutes/2023-07-19.md': minutes('2023-07-19', 'R1, R1 and R1.')
    })
    expect(show(findings.filter((f) => f.ruleId === 'discussed-after-closure'))).toEqual([
      '/w/minutes/2023-04-17.md:13:18-13:20: info: Unexpected discussion of R1, implemented since 2023-01-18, expected an open recommendation (add a status update to reopen it) [discussed-after-closure]',
      '/w/minutes/2023-07-19.md:9:1-9:3: info: Unexpected discussion of R1, implemented since 2023-01-18, expected an open recommendation (add a status update to reopen it) [discussed-after-closure]'
    ])
  })

  it('applies configured severities to every finding, workspace rules included', async () => {
    const { findings } = await lint({
      '/w/followthrough.config.json': '{"rules": {"discussed-after-closure": "off", "unknown-recommendation": "warning"}}',
      '/w/recommendations.yaml': register,
      '/w/minutes/2023-04-17.md': minutes('2023-04-17', 'R1 and R9.')
    })
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['unknown-recommendation warning'])
  })
})

describe('workspaceProgress', () => {
  it('computes progress from the register and the dated minutes', async () => {
    const { workspace, analyses } = await lint({
      '/w/recommendations.yaml': register,
      '/w/minutes/2023-04-17.md': minutes('2023-04-17', '| Rec | Status |\n| --- | --- |\n| R2 | implemented |'),
      '/w/minutes/undated.md': 'R2 without front matter'
    })
    const [progress] = workspaceProgress(workspace, analyses, '2023-05-01')
    expect(progress).toMatchObject({ total: 2, implemented: 2, implementedRatio: 1, neverDiscussed: ['R1'] })
    expect(progress?.coverage.meetings.map((m) => m.source)).toEqual(['/w/minutes/2023-04-17.md'])
  })
})

describe('the accountability cycle through the workspace', () => {
  const revised = telfordRegister(`  - id: R1
    title: Publish a partnership report
    owners: [council]
    due: 2023-06-30
    history:
      - date: 2023-05-01
        due: 2023-09-30
        reason: Data-sharing agreement late
      - date: 2023-08-01
        due: 2023-12-31
  - id: R2
    title: Train licensing staff
    owners: [council]
    due: 2023-12-31`)

  it('reports a register history entry that moves the due date without a reason, at its due value, configurable', async () => {
    const { findings } = await lint({ '/w/recommendations.yaml': revised })
    expect(show(findings)).toEqual([
      '/w/recommendations.yaml:18:14-18:24: warning: Unexpected due date of R1 moved to 2023-12-31 without a reason, expected a reason in its history entry [due-date-moved-without-reason]'
    ])
    const quiet = await lint({ '/w/followthrough.config.json': '{"rules": {"due-date-moved-without-reason": "off"}}', '/w/recommendations.yaml': revised })
    expect(quiet.findings).toEqual([])
    expect(quiet.workspace.broken).toBe(false)
  })

  it('gives progress the minutes’ responses, assurance and due-date revisions (a due-only row is no status change)', async () => {
    const table = [
      '| ID | Status | Response | Assurance | Revised due | Reason |',
      '| --- | --- | --- | --- | --- | --- |',
      '| R1 | | Accepted | | 31 March 2024 | Contract re-tendered |',
      '| R2 | Implemented | Partially accepted | Claimed | | |'
    ].join('\n')
    const { workspace, analyses, findings } = await lint({
      '/w/followthrough.config.json': '{"rules": {"due-date-moved-without-reason": "off"}}',
      '/w/recommendations.yaml': revised,
      '/w/minutes/2023-10-18.md': minutes('2023-10-18', table)
    })
    expect(show(findings)).toEqual([])
    const [progress] = workspaceProgress(workspace, analyses, '2024-01-01')
    expect(progress?.responses).toMatchObject({ accepted: 1, 'partially-accepted': 1, awaiting: 0 })
    expect(progress?.assuranceGap).toEqual(['R2'])
    // R1: 2023-06-30 → 2023-09-30 → 2023-12-31 → 2024-03-31, three revisions, 275 days.
    expect(progress?.slippage.items).toEqual([{ id: 'R1', owners: ['council'], originalDue: '2023-06-30', currentDue: '2024-03-31', revisions: 3, days: 275 }])
    expect(progress?.byStatus).toMatchObject({ 'not-started': 1, implemented: 1 })
  })
})
