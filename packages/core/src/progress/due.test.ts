import { describe, expect, it } from 'vitest'
import type { Recommendation } from '../schemas/register.js'
import type { Status } from '../schemas/status.js'
import { dueSoon, overdue } from './due.js'

function rec(id: string, due?: string): Recommendation {
  return due === undefined ? { id, title: `Title of ${id}`, owners: ['police'] } : { id, title: `Title of ${id}`, owners: ['police'], due }
}

// asOf 2024-06-01; asOf + 45 days = 2024-07-16 (30 days to 2024-07-01, then 15 more).
const asOf = '2024-06-01'
const register = {
  recommendations: [
    rec('R2', '2024-05-31'), // open, 1 day overdue
    rec('R1', '2024-05-01'), // open, 31 days overdue (May has 31 days)
    rec('R3', '2024-06-01'), // due on asOf: due soon in 0 days, not overdue
    rec('R4', '2024-07-16'), // asOf + 45: due soon
    rec('R5', '2024-07-17'), // asOf + 46: neither
    rec('R6', '2024-04-01'), // implemented: neither
    rec('R7', '2024-04-01'), // rejected: neither
    rec('R8', '2024-04-01'), // superseded: neither
    rec('R9'), // no due date
    rec('R10', '2024-05-01'), // blocked, same due as R1: after R1 in register order
    rec('R11', '2024-05-20'), // ready for assessment: still open, 12 days overdue
    rec('R12', '2024-06-10') // no status entry: left out
  ]
}
const statuses: { id: string; status: Status }[] = [
  { id: 'R1', status: 'in-progress' },
  { id: 'R2', status: 'not-started' },
  { id: 'R3', status: 'in-progress' },
  { id: 'R4', status: 'not-started' },
  { id: 'R5', status: 'not-started' },
  { id: 'R6', status: 'implemented' },
  { id: 'R7', status: 'rejected' },
  { id: 'R8', status: 'superseded' },
  { id: 'R9', status: 'not-started' },
  { id: 'R10', status: 'blocked' },
  { id: 'R11', status: 'ready-for-assessment' }
]

describe('overdue', () => {
  it('lists open recommendations due before asOf, by due date then register order', () => {
    expect(overdue(register, statuses, asOf)).toEqual([
      { id: 'R1', due: '2024-05-01', daysOverdue: 31 },
      { id: 'R10', due: '2024-05-01', daysOverdue: 31 },
      { id: 'R11', due: '2024-05-20', daysOverdue: 12 },
      { id: 'R2', due: '2024-05-31', daysOverdue: 1 }
    ])
  })

  it('is empty for an empty register and throws on a malformed asOf', () => {
    expect(overdue({ recommendations: [] }, [], asOf)).toEqual([])
    expect(() => overdue(register, statuses, '2024/06/01')).toThrow(TypeError)
  })
})

describe('dueSoon', () => {
  it('lists open recommendations due from asOf to asOf + 45 days inclusive', () => {
    // R12 (due 2024-06-10) has no status entry, so it is left out.
    expect(dueSoon(register, statuses, asOf)).toEqual([
      { id: 'R3', due: '2024-06-01', daysUntilDue: 0 },
      { id: 'R4', due: '2024-07-16', daysUntilDue: 45 }
    ])
  })

  it('takes another window', () => {
    expect(dueSoon(register, statuses, asOf, 46)).toEqual([
      { id: 'R3', due: '2024-06-01', daysUntilDue: 0 },
      { id: 'R4', due: '2024-07-16', daysUntilDue: 45 },
      { id: 'R5', due: '2024-07-17', daysUntilDue: 46 }
    ])
    expect(dueSoon(register, statuses, asOf, 0)).toEqual([{ id: 'R3', due: '2024-06-01', daysUntilDue: 0 }])
  })

  it('throws a RangeError for a negative or fractional window', () => {
    expect(() => dueSoon(register, statuses, asOf, -1)).toThrow(RangeError)
    expect(() => dueSoon(register, statuses, asOf, 4.5)).toThrow(RangeError)
  })
})
