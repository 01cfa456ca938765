import { describe, expect, it } from 'vitest'
import { actionDueDates, minutesActions, nextMeetingFindings, nextMeetings } from './actions.js'
import { defaultConfig } from './config.js'
import { analyzeMinutes } from './minutes.js'

const front = (date: string, extra = '', kind = 'board') => `---\nmeeting: ${kind}\ndate: ${date}\ntitle: Board\nchair: Chair\nattendees: [Chair]\n${extra}---\n`
const context = { registers: [], config: defaultConfig() }

describe('minutesActions', () => {
  it('lists the actions of every file in core’s ActionItem shape, oldest meeting first, with the meeting date', () => {
    const analyses = [
      analyzeMinutes(`${front('2023-09-01')}\nACTION: Council to publish the protocol (R2, R2 and R5).\n`, '/w/b.md', context),
      analyzeMinutes(`${front('2023-03-01')}\n- [ ] Police to report on R1 by 30 June 2023\n- [x] Council to share data by May 2023\n`, '/w/a.md', context)
    ]
    expect(minutesActions(analyses, '2023-10-01')).toStrictEqual([
      {
        file: '/w/a.md',
        line: 9,
        column: 7,
        text: 'Police to report on R1 by 30 June 2023',
        owner: 'Police',
        due: '2023-06-30',
        dueSource: 'date',
        done: false,
        references: ['R1'],
        overdue: true,
        date: '2023-03-01'
      },
      {
        file: '/w/a.md',
        line: 10,
        column: 7,
        text: 'Council to share data by May 2023',
        owner: 'Council',
        due: '2023-05-31',
        dueSource: 'month',
        done: true,
        references: [],
        overdue: false,
        date: '2023-03-01'
      },
      {
        file: '/w/b.md',
        line: 9,
        column: 1,
        text: 'Council to publish the protocol (R2, R2 and R5).',
        owner: 'Council',
        due: null,
        dueSource: null,
        done: false,
        references: ['R2', 'R5'],
        overdue: false,
        date: '2023-09-01'
      }
    ])
    expect(minutesActions(analyses, '2023-06-01', { name: (path) => path.slice(3) }).map((action) => [action.file, action.overdue])).toStrictEqual([
      ['a.md', false],
      ['a.md', false]
    ])
  })

  // Three boards and one audit committee: the next board after 2024-01-10 is 2024-03-06 (not the committee's 2024-02-01).
  const workspace = () => [
    analyzeMinutes(`${front('2024-01-10', 'next: 2024-02-28\n')}\n- [ ] Chief Constable to bring the plan to the next meeting\n`, '/w/board-1.md', context),
    analyzeMinutes(
      `${front('2024-02-01', '', 'audit')}\n- [ ] Auditor to report at the next meeting\n\n## Date of next meeting\n\nWednesday 24 April 2024\n`,
      '/w/audit-1.md',
      context
    ),
    analyzeMinutes(`${front('2024-03-06', 'next: 2024-05-01\n')}\n- [ ] PCC to write for the next meeting\n\n## Next meeting\n\n8 May 2024\n`, '/w/board-2.md', context),
    analyzeMinutes(
      `${front('2024-03-06', '', 'panel')}\n- [ ] Panel to consider the report by the next meeting\n- [x] Panel to agree terms at the next meeting\n`,
      '/w/panel-1.md',
      context
    )
  ]

  it('resolves "the next meeting": later minutes of the same kind, else the section, else front matter `next`', () => {
    const next = nextMeetings(workspace())
    expect(Object.fromEntries(next)).toStrictEqual({
      '/w/board-1.md': { date: '2024-03-06', from: 'minutes', file: '/w/board-2.md' },
      '/w/audit-1.md': { date: '2024-04-24', from: 'section' },
      '/w/board-2.md': { date: '2024-05-08', from: 'section' }
    })
    expect(minutesActions(workspace(), '2024-04-01').map((action) => [action.file, action.due, action.dueSource, action.overdue])).toStrictEqual([
      ['/w/board-1.md', '2024-03-06', 'next-meeting', true],
      ['/w/audit-1.md', '2024-04-24', 'next-meeting', false],
      ['/w/board-2.md', '2024-05-08', 'next-meeting', false],
      ['/w/panel-1.md', null, null, false],
      ['/w/panel-1.md', null, null, false]
    ])
  })

  it('takes front matter `next` when there is no later file and no section', () => {
    const only = [analyzeMinutes(`${front('2024-01-10', 'next: 2024-02-28\n')}\n- [ ] Chief Constable to bring the plan to the next meeting\n`, '/w/board-1.md', context)]
    expect(minutesActions(only, '2024-03-01')[0]).toMatchObject({ due: '2024-02-28', dueSource: 'next-meeting', overdue: true })
    expect(actionDueDates(only[0] as (typeof only)[number], [])).toStrictEqual([
      { due: '2024-02-28', dueSource: 'next-meeting', next: { date: '2024-02-28', from: 'front-matter' } }
    ])
  })

  it('reports open next-meeting actions only where no next meeting can be found', () => {
    const findings = nextMeetingFindings(workspace())
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`)).toStrictEqual([
      '/w/panel-1.md:9:7 info action-without-due-date: Unexpected action for the next meeting without its date, expected later minutes of the same meeting, a "Date of next meeting" heading with a date or `next` in the front matter'
    ])
    // The plugin itself reports none of them: the phrase is a due date.
    expect(workspace().flatMap((analysis) => analysis.findings)).toStrictEqual([])
  })
})
