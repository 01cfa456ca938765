import { assert, describe, expect, it } from 'vitest'
import { dataOf, messagesOf, run } from '../test/pipeline.js'
import { frontMatter } from '../test/registers.js'
import { isActionLine, nextMeetingHeading, readAction } from './actions.js'

describe('readAction', () => {
  it('takes the leading organisation or person before " to " as the owner', () => {
    expect(readAction('West Mercia Police to publish the report in June').owner).toBe('West Mercia Police')
    expect(readAction('Head of Public Protection to circulate the draft').owner).toBe('Head of Public Protection')
    expect(readAction('The council to lead on the joint report').owner).toBe('The council')
  })

  it('prefers an explicit owner', () => {
    expect(readAction('Publish the report (owner: Chief Constable) by June').owner).toBe('Chief Constable')
    expect(readAction('Publish the report. Owner: Office of the PCC; due 2023-06-30').owner).toBe('Office of the PCC')
    expect(readAction('Chief Constable to report, Owner: DCC').owner).toBe('DCC')
  })

  it('does not take an instruction for an owner', () => {
    expect(readAction('Write to the Home Office about flagging').owner).toBeUndefined()
    expect(readAction('agree to publish').owner).toBeUndefined()
    expect(readAction('Report to the board in June').owner).toBeUndefined()
    expect(readAction('Chief Constable will report').owner).toBeUndefined()
  })

  it('strips ACTION: and collapses whitespace', () => {
    expect(readAction('ACTION:  Chief Constable\nto report').text).toBe('Chief Constable to report')
    expect(isActionLine('Action: x')).toBe(true)
    expect(isActionLine('  ACTION : x')).toBe(true)
    expect(isActionLine('Actions were reviewed')).toBe(false)
  })

  it('resolves the due date against the meeting date', () => {
    expect(readAction('West Mercia Police to publish in June', '2023-04-17')).toMatchObject({ due: '2023-06-30', hasDuePhrase: true })
    expect(readAction('Council to report by March', '2023-10-18').due).toBe('2024-03-31')
    expect(readAction('Council to report in June')).toEqual({
      text: 'Council to report in June',
      owner: 'Council',
      nextMeeting: false,
      hasDuePhrase: true
    })
  })
})

describe('actions in minutes', () => {
  const minutes =
    frontMatter() +
    [
      '## Actions',
      '',
      '- [ ] Chief Constable to bring the audit results to the January meeting (R12)',
      '- [x] Head of Public Protection to circulate the draft standard by 2022-11-30 (R3)',
      '- [ ] West Mercia Police to publish the partnership report in June (Recommendations 7 and 8)',
      '- ACTION: Council to follow up R4',
      '- ACTION: Council to reply by 30 September 2023',
      '',
      'ACTION: Deputy Chief Constable to confirm the date of the system change (R5)',
      '',
      '**Action:** PCC to write to the Home Office by March',
      '',
      'Actions were reviewed.',
      ''
    ].join('\n')

  it('finds task items and ACTION: lines with owner, due date, references and done flag', () => {
    const file = run(minutes)
    const actions = dataOf(file).actions
    expect(
      actions.map((action) => ({
        text: action.text,
        owner: action.owner,
        due: action.due,
        done: action.done,
        date: action.date,
        references: action.references.map((reference) => reference.id)
      }))
    ).toEqual([
      {
        text: 'Chief Constable to bring the audit results to the January meeting (R12)',
        owner: 'Chief Constable',
        due: '2024-01-31',
        done: false,
        date: '2023-04-17',
        references: ['R12']
      },
      {
        text: 'Head of Public Protection to circulate the draft standard by 2022-11-30 (R3)',
        owner: 'Head of Public Protection',
        due: '2022-11-30',
        done: true,
        date: '2023-04-17',
        references: ['R3']
      },
      {
        text: 'West Mercia Police to publish the partnership report in June (Recommendations 7 and 8)',
        owner: 'West Mercia Police',
        due: '2023-06-30',
        done: false,
        date: '2023-04-17',
        references: ['R7', 'R8']
      },
      {
        text: 'Council to follow up R4',
        owner: 'Council',
        due: undefined,
        done: false,
        date: '2023-04-17',
        references: ['R4']
      },
      {
        text: 'Council to reply by 30 September 2023',
        owner: 'Council',
        due: '2023-09-30',
        done: false,
        date: '2023-04-17',
        references: []
      },
      {
        text: 'Deputy Chief Constable to confirm the date of the system change (R5)',
        owner: 'Deputy Chief Constable',
        due: undefined,
        done: false,
        date: '2023-04-17',
        references: ['R5']
      },
      {
        text: 'PCC to write to the Home Office by March',
        owner: 'PCC',
        due: '2024-03-31',
        done: false,
        date: '2023-04-17',
        references: []
      }
    ])
  })

  it('shares reference objects with data.references and positions the action at its paragraph', () => {
    const data = dataOf(run(minutes))
    const [first] = data.actions
    assert.isDefined(first)
    expect(data.references).toContain(first.references[0])
    expect(first.position.start).toEqual({ line: 11, column: 7, offset: minutes.indexOf('Chief Constable to bring') })
    expect(first.position.end.line).toBe(11)
  })

  it('reports open actions without a due date (info), not done ones', () => {
    const file = run(minutes)
    const infos = file.messages.filter((message) => message.ruleId === 'action-without-due-date')
    expect(infos.map(String)).toEqual([
      'minutes.md:14:3-14:34: Unexpected action without a due date, expected a date such as "by 2023-06-30" or "in June"',
      'minutes.md:17:1-17:77: Unexpected action without a due date, expected a date such as "by 2023-06-30" or "in June"'
    ])
    expect(infos.every((message) => message.fatal === undefined)).toBe(true)
  })

  it('does not take ordinary list items or paragraphs for actions', () => {
    expect(dataOf(run('- An ordinary item about R4\n\nActions were reviewed.\n\n1. [ ] ordered task\n')).actions.map((action) => action.text)).toEqual(['ordered task'])
  })

  it('does not report a month phrase that needs the missing meeting date', () => {
    const file = run('- [ ] Council to report in June\n')
    expect(dataOf(file).actions[0]?.due).toBeUndefined()
    expect(messagesOf(file).filter((message) => message.includes('due date'))).toEqual([])
  })
})

describe('next-meeting actions', () => {
  it('recognises "at / by / to / for the next meeting" when no date is written', () => {
    for (const text of ['Chief Constable to report at the next meeting', 'Report BY THE NEXT MEETING', 'Bring the plan to the next meeting', 'Papers for the next meeting']) {
      expect(readAction(text, '2024-11-20')).toMatchObject({ nextMeeting: true, hasDuePhrase: true })
      expect(readAction(text, '2024-11-20').due).toBeUndefined()
    }
    expect(readAction('Report at the next meeting, by 2025-01-31 at the latest').nextMeeting).toBe(false)
    expect(readAction('Discuss the next meetings schedule').nextMeeting).toBe(false)
    expect(readAction('Council to report by March 2025')).toMatchObject({ due: '2025-03-31', dueSource: 'month' })
    expect(readAction('Council to report by 3 March 2025')).toMatchObject({ due: '2025-03-03', dueSource: 'date' })
  })

  it('recognises the next meeting headings', () => {
    expect(nextMeetingHeading('Date of next meeting')).toBe('')
    expect(nextMeetingHeading('Date of the next meeting: 5 June 2025')).toBe(' 5 June 2025')
    expect(nextMeetingHeading('NEXT MEETING')).toBe('')
    expect(nextMeetingHeading('Next meetings')).toBeUndefined()
    expect(nextMeetingHeading('Actions for the next meeting')).toBeUndefined()
  })

  const minutes = (section: string) =>
    frontMatter() +
    ['## Actions', '', '- [ ] Chief Constable to bring the audit results to the next meeting (R12)', '- [x] PCC to circulate the paper for the next meeting', '', section, ''].join(
      '\n'
    )

  it('reads the date under a "Date of next meeting" heading, and does not report the action', () => {
    const file = run(minutes('## Date of next meeting\n\nTo be held at Hindlip.\n\nThursday 20 July 2023, 10am.\n\n## Any other business\n\n28 September 2023'))
    const data = dataOf(file)
    expect(data.nextMeeting).toBe('2023-07-20')
    expect(data.actions.map((action) => [action.nextMeeting, action.due, action.dueSource])).toEqual([
      [true, undefined, undefined],
      [true, undefined, undefined]
    ])
    expect(messagesOf(file)).toEqual([])
  })

  it('reads a date in the heading itself, and nothing from another section', () => {
    expect(dataOf(run(minutes('### Next meeting: 20/07/2023'))).nextMeeting).toBe('2023-07-20')
    expect(dataOf(run(minutes('## Next meeting\n\nTo be arranged.\n\n## Close\n\n28 September 2023'))).nextMeeting).toBeUndefined()
  })
})
