import { afterEach, describe, expect, it } from 'vitest'
import { minutes, register, run, workspace } from './workspace.js'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function make(files: Record<string, string>): string {
  const { root, cleanup } = workspace(files)
  cleanups.push(cleanup)
  return root
}

// Two accountability meetings and a panel meeting. Hand-computed, as of 2024-05-01:
// - 2024-01-10 "at the next meeting": the next accountability minutes, 2024-03-06 (overdue);
// - "by March 2024": a month, its last day 2024-03-31 (overdue); the ticked item is done;
// - the panel's "by the next meeting": no later panel minutes, no section: front matter `next`, 2024-04-10 (overdue);
// - 2024-03-06 "for the next meeting": no later accountability minutes: its "Date of next meeting" section, 2024-06-06;
// - the ACTION: line names no date.
const files = {
  'recommendations.yaml': register,
  'minutes/2024-01-10.md': minutes(
    '2024-01-10',
    '- [ ] West Mercia Police to report on R2 at the next meeting\n- [ ] Council to publish the annual report by March 2024 (R1)\n- [x] Council to share data by 31 January 2024'
  ),
  'minutes/2024-03-06.md': minutes(
    '2024-03-06',
    '- [ ] PCC to write to the Home Office for the next meeting\n\nACTION: Council to review training on R1\n\n## Date of next meeting\n\nThursday 6 June 2024'
  ),
  'minutes/panel/2024-02-01.md':
    '---\nmeeting: panel\ndate: 2024-02-01\ntitle: Police and Crime Panel\nchair: Panel chair\nattendees: [PCC]\nnext: 2024-04-10\n---\n\n- [ ] Panel to consider the report by the next meeting\n'
}

describe('followthrough actions', () => {
  it('prints every action as core’s ActionItem in JSON, files relative to the working folder', async () => {
    const root = make(files)
    const result = await run(['actions', '--as-of', '2024-05-01', '--format', 'json'], root)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toStrictEqual([
      {
        file: 'minutes/2024-01-10.md',
        line: 9,
        column: 7,
        text: 'West Mercia Police to report on R2 at the next meeting',
        owner: 'West Mercia Police',
        due: '2024-03-06',
        dueSource: 'next-meeting',
        done: false,
        references: ['R2'],
        overdue: true
      },
      {
        file: 'minutes/2024-01-10.md',
        line: 10,
        column: 7,
        text: 'Council to publish the annual report by March 2024 (R1)',
        owner: 'Council',
        due: '2024-03-31',
        dueSource: 'month',
        done: false,
        references: ['R1'],
        overdue: true
      },
      {
        file: 'minutes/2024-01-10.md',
        line: 11,
        column: 7,
        text: 'Council to share data by 31 January 2024',
        owner: 'Council',
        due: '2024-01-31',
        dueSource: 'date',
        done: true,
        references: [],
        overdue: false
      },
      {
        file: 'minutes/panel/2024-02-01.md',
        line: 10,
        column: 7,
        text: 'Panel to consider the report by the next meeting',
        owner: 'Panel',
        due: '2024-04-10',
        dueSource: 'next-meeting',
        done: false,
        references: [],
        overdue: true
      },
      {
        file: 'minutes/2024-03-06.md',
        line: 9,
        column: 7,
        text: 'PCC to write to the Home Office for the next meeting',
        owner: 'PCC',
        due: '2024-06-06',
        dueSource: 'next-meeting',
        done: false,
        references: [],
        overdue: false
      },
      {
        file: 'minutes/2024-03-06.md',
        line: 11,
        column: 1,
        text: 'Council to review training on R1',
        owner: 'Council',
        due: null,
        dueSource: null,
        done: false,
        references: ['R1'],
        overdue: false
      }
    ])
  })

  it('groups open actions by owner in a table, overdue first, then the done ones', async () => {
    const root = make(files)
    const result = await run(['actions', '--as-of', '2024-05-01'], root)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      [
        'Actions as of 2024-05-01: 5 open (3 overdue), 1 done',
        '',
        'Council',
        '  OVERDUE  2024-03-31  month         minutes/2024-01-10.md:10:7        Council to publish the annual report by March 2024 (R1)',
        '  open     -                         minutes/2024-03-06.md:11:1        Council to review training on R1',
        '',
        'Panel',
        '  OVERDUE  2024-04-10  next meeting  minutes/panel/2024-02-01.md:10:7  Panel to consider the report by the next meeting',
        '',
        'PCC',
        '  open     2024-06-06  next meeting  minutes/2024-03-06.md:9:7         PCC to write to the Home Office for the next meeting',
        '',
        'West Mercia Police',
        '  OVERDUE  2024-03-06  next meeting  minutes/2024-01-10.md:9:7         West Mercia Police to report on R2 at the next meeting',
        '',
        'Done',
        '  done     2024-01-31  date          minutes/2024-01-10.md:11:7        Council to share data by 31 January 2024',
        ''
      ].join('\n')
    )
  })

  it('leaves done actions out with --open, and moves overdue with --as-of', async () => {
    const root = make(files)
    const open = await run(['actions', '--open', '--as-of', '2024-03-01', '--format', 'json'], root)
    expect(open.code).toBe(0)
    // As of 2024-03-01 the 2024-03-06 minutes are not yet written: the January action still falls due on them.
    const listed = JSON.parse(open.stdout) as Array<{ text: string; due: string | null; overdue: boolean; done: boolean }>
    expect(listed.map((action) => [action.due, action.overdue, action.done])).toStrictEqual([
      ['2024-03-06', false, false],
      ['2024-03-31', false, false],
      ['2024-04-10', false, false]
    ])
    const table = await run(['actions', '--open', '--as-of', '2024-03-01'], root)
    expect(table.stdout.split('\n')[0]).toBe('Actions as of 2024-03-01: 3 open (0 overdue)')
    expect(table.stdout).not.toContain('Done')
  })

  it('resolves "the next meeting" from the same later minutes the lint uses, and lint reports one it cannot resolve', async () => {
    const root = make({
      'recommendations.yaml': register,
      'minutes/2024-01-10.md': minutes('2024-01-10', '- [ ] Council to bring the plan to the next meeting (R1)')
    })
    const alone = await run(['actions', '--as-of', '2024-05-01', '--format', 'json'], root)
    expect((JSON.parse(alone.stdout) as Array<{ due: string | null; dueSource: string | null }>).map((action) => [action.due, action.dueSource])).toStrictEqual([[null, null]])
    const lint = await run(['lint', '--format', 'json'], root)
    expect(lint.code).toBe(0)
    expect(
      (JSON.parse(lint.stdout) as Array<{ ruleId: string; line: number; column: number; severity: string }>).map((finding) => [
        finding.ruleId,
        finding.line,
        finding.column,
        finding.severity
      ])
    ).toStrictEqual([['action-without-due-date', 9, 7, 'info']])
  })

  it('rejects a bad --as-of, a bad format and files with one line and exit code 2', async () => {
    const root = make(files)
    for (const [args, message] of [
      [['actions', '--as-of', '2024-02-30'], 'followthrough: Unexpected --as-of "2024-02-30", expected a date as YYYY-MM-DD\n'],
      [['actions', '--format', 'csv'], 'followthrough: Unexpected format "csv" for actions, expected one of table, json\n'],
      [['actions', 'minutes/2024-01-10.md'], 'followthrough: Unexpected files for actions, expected none: it lists the actions of the configured minutes\n']
    ] as const) {
      const result = await run([...args], root)
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toBe(message)
    }
  })
})
