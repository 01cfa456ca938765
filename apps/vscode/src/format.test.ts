import { describe, expect, it } from 'vitest'
import type { Progress } from '@followthrough/core'
import {
  codeLensTitle,
  compareIds,
  localToday,
  minutesFileName,
  minutesFolder,
  minutesTemplate,
  statusBarText,
  statusBarTooltip,
  statusUpdateTable,
  treeDescription,
  treeTooltip,
  uniqueIds,
  type RecommendationFacts
} from './format.js'

const progress = {
  register: { id: 'iitcse', title: 'Independent Inquiry into Telford Child Sexual Exploitation' },
  asOf: '2024-10-20',
  total: 46,
  implemented: 37,
  byStatus: { 'not-started': 0, 'in-progress': 4, 'ready-for-assessment': 0, implemented: 37, blocked: 5, rejected: 0, superseded: 1 },
  overdue: [{ id: 'R14', due: '2024-03-31', daysOverdue: 203 }]
} as unknown as Progress

const facts: RecommendationFacts = {
  id: 'R14',
  title: 'Check training [with] *care*',
  status: 'in-progress',
  since: '2023-10-18',
  due: '2024-03-31',
  overdue: true,
  daysOverdue: 203,
  discussedTimes: 5,
  lastDiscussed: '2024-10-16',
  ownerNames: ['West Mercia Police']
}

describe('status bar', () => {
  it('says implemented out of total', () => {
    expect(statusBarText(progress)).toBe('R 37/46 implemented')
  })

  it('lists the counts by status in order, without zeros', () => {
    expect(statusBarTooltip(progress)).toBe(
      [
        'Independent Inquiry into Telford Child Sexual Exploitation (iitcse), 2024-10-20',
        '',
        'In progress: 4',
        'Implemented: 37',
        'Blocked: 5',
        'Superseded: 1',
        '',
        '37 of 46 implemented, 1 overdue'
      ].join('\n')
    )
  })
})

describe('tree and code lens text', () => {
  it('marks overdue and says when last discussed', () => {
    expect(treeDescription(facts)).toBe('due 2024-03-31 (overdue) · last discussed 2024-10-16')
    expect(treeDescription({ ...facts, due: undefined, lastDiscussed: undefined, discussedTimes: 0, overdue: false })).toBe('never discussed')
  })

  it('escapes Markdown in the tooltip', () => {
    const tooltip = treeTooltip(facts)
    expect(tooltip).toContain('**R14** Check training \\[with\\] \\*care\\*')
    expect(tooltip).toContain('Due: 2024-03-31 (**overdue** by 203 days)')
    expect(tooltip).toContain('Discussed 5 times, last on 2024-10-16')
  })

  it('code lens: status, due, discussions', () => {
    expect(codeLensTitle(facts)).toBe('In progress since 2023-10-18 · due 2024-03-31 (overdue) · discussed 5 times, last on 2024-10-16')
    expect(codeLensTitle({ ...facts, discussedTimes: 1 })).toContain('discussed once')
    expect(codeLensTitle({ ...facts, discussedTimes: 0, since: undefined, due: undefined })).toBe('In progress · never discussed')
  })
})

describe('status update table', () => {
  it('writes a table the minutes parser reads, escaping pipes', () => {
    expect(statusUpdateTable([{ id: 'R3', status: 'implemented' }, { id: 'R8', status: 'in-progress', note: 'a | b' }, { id: 'R9' }])).toBe(
      ['## Status updates', '', '| Recommendation | Status | Note |', '| --- | --- | --- |', '| R3 | Implemented |  |', '| R8 | In progress | a \\| b |', '| R9 |  |  |', ''].join('\n')
    )
  })

  it('keeps the document line ending and can leave the heading out', () => {
    expect(statusUpdateTable([{ id: 'R1' }], { heading: false, eol: '\r\n' })).toBe('| Recommendation | Status | Note |\r\n| --- | --- | --- |\r\n| R1 |  |  |\r\n')
  })

  it('ids once each, in first-mention order, sorted as people count', () => {
    expect(uniqueIds(['R3', 'R1', 'R3', 'R2'])).toEqual(['R3', 'R1', 'R2'])
    expect(['R10', 'R2', 'R12a', 'R12', 'R1'].sort(compareIds)).toEqual(['R1', 'R2', 'R10', 'R12', 'R12a'])
  })
})

describe('new minutes', () => {
  it('fills the front matter and quotes what YAML would misread', () => {
    const text = minutesTemplate({
      meeting: 'accountability',
      date: '2025-01-15',
      title: 'Accountability meeting, 15 January 2025',
      chair: 'John Campion, Police and Crime Commissioner',
      attendees: ['Chief Constable', 'Head of Assurance: PCC'],
      register: 'iitcse'
    })
    expect(text.startsWith('---\nmeeting: accountability\ndate: 2025-01-15\ntitle: Accountability meeting, 15 January 2025\n')).toBe(true)
    expect(text).toContain('chair: John Campion, Police and Crime Commissioner\n')
    expect(text).toContain('attendees:\n  - Chief Constable\n  - "Head of Assurance: PCC"\n')
    expect(text).toContain('register: iitcse\n---\n')
    expect(text).toContain('| Recommendation | Status | Note |')
  })

  it('names the file by date and kind, in the minutes folder of the config', () => {
    expect(minutesFileName('2025-01-15', 'Joint Partnership')).toBe('2025-01-15-joint-partnership.md')
    expect(minutesFolder(['minutes/**/*.md'])).toBe('minutes')
    expect(minutesFolder(['docs/minutes/*.md'])).toBe('docs/minutes')
    expect(minutesFolder(['**/*.md'])).toBe('')
    expect(minutesFolder(['notes/2024.md'])).toBe('notes')
  })

  it('today in local time', () => {
    expect(localToday(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05')
  })
})
