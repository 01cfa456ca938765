import type { Progress } from '@followthrough/core'
import { describe, expect, it } from 'vitest'
import { codeLensTitle, statusBarText, statusBarTooltip, treeDescription, treeTooltip, type RecommendationFacts } from './view-text.js'

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
  it('says implemented out of total, after the prefix', () => {
    expect(statusBarText(progress)).toBe('R 37/46 implemented')
    expect(statusBarText(progress, 'Rec')).toBe('Rec 37/46 implemented')
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
    expect(codeLensTitle({ ...facts, discussedTimes: 2 })).toContain('discussed twice')
    expect(codeLensTitle({ ...facts, discussedTimes: 0, since: undefined, due: undefined })).toBe('In progress · never discussed')
  })
})
