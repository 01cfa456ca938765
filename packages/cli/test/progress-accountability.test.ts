import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { accountabilityRegister, minutes, run, workspace } from './workspace.js'

/**
 * `followthrough progress` on a register that records responses, assurance and
 * moved due dates in its history; every figure below is computed by hand (see
 * `accountabilityRegister`).
 */

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function make(files: Record<string, string>): string {
  const { root, cleanup } = workspace(files)
  cleanups.push(cleanup)
  return root
}

const files = {
  'recommendations.yaml': accountabilityRegister,
  'minutes/2024-09-15.md': minutes('2024-09-15', 'The board discussed R1 and R2.\n')
}

describe('followthrough progress: the accountability cycle', () => {
  it('prints responses, assurance and slippage in JSON with core names', async () => {
    const result = await run(['progress', '--as-of', '2024-10-01', '--format', 'json'], make(files))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(report['responses']).toStrictEqual({ accepted: 1, 'accepted-in-principle': 1, 'partially-accepted': 1, 'not-accepted': 1, awaiting: 1, overdue: ['R3'] })
    const none = { claimed: 0, evidenced: 0, verified: 0, 'not-recorded': 0 }
    expect(report['assurance']).toStrictEqual({
      byStatus: {
        'not-started': { ...none, 'not-recorded': 1 },
        'in-progress': { ...none, 'not-recorded': 1 },
        'ready-for-assessment': { ...none, claimed: 1 },
        implemented: { ...none, evidenced: 1, verified: 1 },
        blocked: none,
        rejected: none,
        superseded: { ...none, 'not-recorded': 1 }
      }
    })
    expect(report['assuranceGap']).toStrictEqual(['R2', 'R3'])
    expect(report['slippage']).toStrictEqual({
      items: [
        { id: 'R2', owners: ['council', 'police'], originalDue: '2024-03-31', currentDue: '2024-12-31', revisions: 2, days: 275 },
        { id: 'R4', owners: ['police'], originalDue: '2024-12-31', currentDue: '2024-10-31', revisions: 1, days: -61 }
      ],
      totalDays: 214,
      byOwner: { council: { revised: 1, days: 275 }, police: { revised: 2, days: 214 } }
    })
    // Due soon uses the current due date: R4's moved forward to 2024-10-31.
    expect(report['dueSoon']).toStrictEqual(['R4'])
  })

  it('prints each section as a table', async () => {
    const result = await run(['progress', '--as-of', '2024-10-01'], make(files))
    expect(result.code).toBe(0)
    const text = result.stdout
    const section = (title: string) => text.slice(text.indexOf(`${title}\n`)).split('\n\n')[0]
    expect(section('Responses')).toBe(
      [
        'Responses',
        'response               count',
        'accepted               1',
        'accepted-in-principle  1',
        'partially-accepted     1',
        'not-accepted           1',
        'awaiting               1'
      ].join('\n')
    )
    expect(text).toContain('\nResponse overdue: R3\n')
    expect(section('Status by assurance')).toBe(
      [
        'Status by assurance',
        'status                claimed  evidenced  verified  not recorded',
        'not-started           0        0          0         1',
        'in-progress           0        0          0         1',
        'ready-for-assessment  1        0          0         0',
        'implemented           0        1          1         0',
        'superseded            0        0          0         1'
      ].join('\n')
    )
    expect(section('Assurance gap (implemented or ready for assessment, not verified)')).toBe(
      ['Assurance gap (implemented or ready for assessment, not verified)', 'owner            count  ids', 'Borough Council  1      R2', 'County Police    2      R2, R3'].join(
        '\n'
      )
    )
    expect(text).toContain('\nAssurance gap: R2, R3\n')
    expect(section('Slippage (due dates moved)')).toBe(
      [
        'Slippage (due dates moved)',
        'id  owners                          original due  current due  revisions  days',
        'R2  Borough Council; County Police  2024-03-31    2024-12-31   2          275',
        'R4  County Police                   2024-12-31    2024-10-31   1          -61'
      ].join('\n')
    )
    expect(text).toContain('\nTotal slipped: 214 days.\n')
    expect(section('Slippage by owner')).toBe(['Slippage by owner', 'owner            revised  days', 'Borough Council  1        275', 'County Police    2        214'].join('\n'))
  })

  it('prints the same in Markdown for a job summary', async () => {
    const result = await run(['progress', '--as-of', '2024-10-01', '--format', 'markdown'], make(files))
    expect(result.code).toBe(0)
    // Markdown escapes the punctuation of register text, hyphens included.
    expect(result.stdout).toContain('#### Responses\n\n| response | count |\n| --- | --- |\n| accepted | 1 |\n| accepted\\-in\\-principle | 1 |')
    expect(result.stdout).toContain('| awaiting | 1 |\n\nResponse overdue\\: R3\n')
    expect(result.stdout).toContain('| implemented | 0 | 1 | 1 | 0 |')
    expect(result.stdout).toContain('| County Police | 2 | R2, R3 |')
    expect(result.stdout).toContain('| R2 | Borough Council; County Police | 2024\\-03\\-31 | 2024\\-12\\-31 | 2 | 275 |')
    expect(result.stdout).toContain('\n\nTotal slipped\\: 214 days\\.\n')
    expect(result.stdout).toContain('| R4 | County Police | 2024\\-12\\-31 | 2024\\-10\\-31 | 1 | \\-61 |')
  })

  it('says in one line when nothing is overdue or unverified', async () => {
    const root = make(files)
    // Before responses were due (2024-02-26): R1 and R4 have responded, three await.
    const early = await run(['progress', '--as-of', '2024-02-15'], root)
    expect(early.code).toBe(0)
    expect(early.stdout).toContain('awaiting               3\n\nNo response overdue.\n')
    // R1's verified claim is in, R2's claim and R3's evidence are not yet.
    const result = await run(['progress', '--as-of', '2024-05-15'], root)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'Assurance gap (implemented or ready for assessment, not verified)\nNo assurance gap: every implemented or ready-for-assessment claim is verified.\n'
    )
  })

  it('leaves the sections out for a register that records none of it', async () => {
    const plain = accountabilityRegister
      .replace('  responseDays: 56\n', '')
      .replace(/ {4}response: .*\n/g, '')
      .replace(/assurance: \w+, /g, '')
      .replace(/ {8}assurance: evidenced\n/, '')
      .replace(/ {6}- \{ date: [\d-]+, due: .*\n/g, '')
      .replace('    history:\n  - id: R5', '  - id: R5')
    const result = await run(['progress', '--as-of', '2024-10-01'], make({ ...files, 'recommendations.yaml': plain }))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(/Responses|assurance|Slippage/i)
    expect(result.stdout).toContain('Open recommendations discussed longest ago')
  })
})

describe('followthrough report: the accountability cycle and open actions', () => {
  it('writes the responses, assurance and slippage sections and the open actions by owner, overdue first, linked to their lines', async () => {
    const actions = [
      'The board discussed R1 and R2.',
      '',
      '## Actions',
      '',
      '- [ ] County Police to report on training by 2024-12-31 (R3)',
      '- [ ] Borough Council to send the audit terms by 2024-09-20 (R2)',
      '- [x] Borough Council to circulate the agenda by 2024-09-01',
      ''
    ].join('\n')
    const root = make({ ...files, 'minutes/2024-09-15.md': minutes('2024-09-15', actions) })
    const result = await run(['report', '--as-of', '2024-10-01', '--out', 'out/report.html'], root)
    expect(result).toEqual({ code: 0, stdout: 'Wrote out/report.html\n', stderr: '' })
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8').replace(/\n/g, ' ')
    for (const heading of ['Responses', 'Status by assurance', 'Due dates that moved', 'Open actions']) expect(html).toContain(`>${heading}</h2>`)
    const section = /<section class="actions".*?<\/section>/.exec(html)?.[0] ?? ''
    expect(section.match(/<h3[^>]*>[^<]*<\/h3>/g)).toEqual(['<h3 id="actions-1">Borough Council (1)</h3>', '<h3 id="actions-2">County Police (1)</h3>'])
    expect(section).toContain('2 open actions, 1 overdue')
    // The front matter takes lines 1-7 and the body starts on line 9: the actions are on lines 13 and 14.
    expect(section).toContain(
      '<li data-overdue="true"><span class="action-text">Borough Council to send the audit terms by 2024-09-20 (R2)</span> <span class="meta">— due <time datetime="2024-09-20">2024-09-20</time> <span class="flag overdue">overdue</span>; <a href="#r1-rec-R2">R2</a>; <a href="../minutes/2024-09-15.md#L14">../minutes/2024-09-15.md:14</a></span></li>'
    )
    expect(section).toContain('<a href="../minutes/2024-09-15.md#L13">../minutes/2024-09-15.md:13</a>')
    expect(section).not.toContain('circulate the agenda')
  })
})
