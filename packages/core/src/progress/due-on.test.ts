import { describe, expect, it } from 'vitest'
import { computeProgress } from './compute-progress.js'
import { dueOn, dueRevisions, duesOn } from './due-on.js'
import { accountabilityMinutes as minutes, accountabilityRegister as register } from './test-support.js'

describe('dueOn', () => {
  it('is the register due date until a history entry moves it, from that day on', () => {
    expect(dueOn(register, minutes, 'R1', '2024-04-30')).toBe('2024-06-30')
    expect(dueOn(register, minutes, 'R1', '2024-05-01')).toBe('2024-09-30')
  })

  it('follows a due-only row of minutes, from the meeting on, ignoring another register', () => {
    expect(dueOn(register, minutes, 'R4.2', '2024-09-09')).toBe('2024-12-31')
    expect(dueOn(register, minutes, 'R4.2', '2024-09-10')).toBe('2025-03-31')
    // The other register's row would move R1 to 2026.
    expect(dueOn(register, minutes, 'R1', '2024-12-31')).toBe('2024-09-30')
  })

  it('is undefined without a due date or for an unknown id, and refuses a bad date', () => {
    expect(dueOn(register, minutes, 'AFI1', '2024-10-01')).toBeUndefined()
    expect(dueOn(register, minutes, 'R99', '2024-10-01')).toBeUndefined()
    expect(() => dueOn(register, minutes, 'R1', '2024-13-01')).toThrow(TypeError)
  })

  it('lists every due date on a date, leaving out those without', () => {
    expect(Object.fromEntries(duesOn(register, minutes, '2024-10-01'))).toEqual({ R1: '2024-09-30', 'R4.2': '2025-03-31', AFI2: '2024-10-31' })
  })
})

describe('dueRevisions', () => {
  it('orders by date; on the same day minutes come after history, so they win', () => {
    const recommendation = {
      id: 'R2',
      due: '2024-01-31',
      history: [
        { date: '2024-03-01', due: '2024-06-30', reason: 'second' },
        { date: '2024-02-01', due: '2024-03-31' }
      ]
    }
    const updates = [{ id: 'R2', date: '2024-03-01', due: '2024-07-31', reason: 'meeting', source: 'm.md' }]
    expect(dueRevisions(recommendation, updates)).toEqual([
      { date: '2024-02-01', due: '2024-03-31' },
      { date: '2024-03-01', due: '2024-06-30', reason: 'second' },
      { date: '2024-03-01', due: '2024-07-31', reason: 'meeting', source: 'm.md' }
    ])
    expect(dueRevisions(recommendation, updates, '2024-02-29')).toEqual([{ date: '2024-02-01', due: '2024-03-31' }])
  })
})

describe('overdue and due soon by the current due date', () => {
  it('does not count R1 overdue once its date has moved, and counts it due soon against the new date', () => {
    // 2024-07-15: R1 is not started (its status event is in August); its original due date 2024-06-30 has passed,
    // its current one 2024-09-30 is 77 days away (16 + 31 + 30).
    const progress = computeProgress({ register, minutes, asOf: '2024-07-15', dueSoonDays: 90 })
    expect(progress.overdue).toEqual([])
    expect(progress.dueSoon).toEqual([{ id: 'R1', due: '2024-09-30', daysUntilDue: 77 }])
  })

  it('counts R4.2 overdue against its moved date only after that date', () => {
    // 2025-04-02: R4.2 in progress, due 2025-03-31 since 2024-09-10: 2 days overdue (not 92 from 2024-12-31).
    expect(computeProgress({ register, minutes, asOf: '2025-04-02' }).overdue).toEqual([{ id: 'R4.2', due: '2025-03-31', daysOverdue: 2 }])
  })
})
