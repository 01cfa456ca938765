import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import type { Recommendation, Register } from '../schemas/register.js'
import { neverDiscussed, staleness } from './staleness.js'

function rec(id: string, extra: Partial<Recommendation> = {}): Recommendation {
  return { id, title: `Title of ${id}`, owners: ['police'], ...extra }
}

const register: Register = {
  inquiry: { id: 'iitcse', title: 'Telford inquiry', published: '2022-07-12' },
  owners: [{ id: 'police', name: 'West Mercia Police' }],
  recommendations: [rec('R1'), rec('R2'), rec('R3'), rec('R4', { history: [{ date: '2023-01-01', status: 'superseded' }], supersededBy: 'R1' })]
}

const minutes: MinutesRecord[] = [
  { source: 'minutes/2024-01-10.md', date: '2024-01-10', references: [{ id: 'R1' }, { id: 'R2' }, { id: 'R4' }] },
  { source: 'b.md', date: '2024-02-01', references: [{ id: 'R1', register: 'iitcse' }] },
  { source: 'a.md', date: '2024-02-01', references: [{ id: 'R2' }, { id: 'R1' }] },
  // A status row without a reference: a meeting, but not a discussion of R3.
  { source: 'c.md', date: '2024-02-10', updates: [{ id: 'R3', status: 'in-progress', date: '2024-02-10' }] },
  // A meeting that names nothing still counts as a meeting.
  { source: 'd.md', date: '2024-02-20' },
  // Another register's meeting: neither a meeting nor a discussion of this R3.
  { source: 'other.md', date: '2024-02-25', references: [{ id: 'R3', register: 'hmicfrs' }] },
  // After asOf: ignored.
  { source: 'later.md', date: '2024-04-01', references: [{ id: 'R3' }] }
]

// asOf 2024-03-01; 2024 is a leap year, so 2024-02-01 is 29 days before.
// Meetings of the register up to asOf, sorted: 2024-01-10, a.md 02-01, b.md 02-01, c.md 02-10, d.md 02-20 (5).
describe('staleness', () => {
  it('gives when, where and how many meetings ago each non-superseded recommendation was discussed', () => {
    expect(staleness(register, minutes, '2024-03-01')).toStrictEqual([
      // Last named on 02-01 in a.md and b.md: b.md sorts last. Since then: c.md, d.md.
      { id: 'R1', lastDiscussed: '2024-02-01', lastDiscussedIn: 'b.md', daysSince: 29, meetingsSince: 2 },
      { id: 'R2', lastDiscussed: '2024-02-01', lastDiscussedIn: 'a.md', daysSince: 29, meetingsSince: 2 },
      // Only a status row and another register's reference: never discussed; every meeting since.
      { id: 'R3', meetingsSince: 5 }
      // R4 is superseded: left out although discussed.
    ])
  })

  it('gives zero days and meetings for a discussion on asOf itself', () => {
    expect(staleness(register, minutes, '2024-02-01')[0]).toStrictEqual({
      id: 'R1',
      lastDiscussed: '2024-02-01',
      lastDiscussedIn: 'b.md',
      daysSince: 0,
      meetingsSince: 0
    })
  })

  it('treats everything as never discussed without minutes', () => {
    expect(staleness(register, [], '2024-03-01')).toStrictEqual([
      { id: 'R1', meetingsSince: 0 },
      { id: 'R2', meetingsSince: 0 },
      { id: 'R3', meetingsSince: 0 }
    ])
  })

  it('uses the statuses it is given to leave out superseded recommendations', () => {
    const result = staleness(register, [], '2024-03-01', [
      { id: 'R1', status: 'superseded' },
      { id: 'R2', status: 'in-progress' },
      { id: 'R3', status: 'in-progress' },
      { id: 'R4', status: 'in-progress' }
    ])
    expect(result.map((entry) => entry.id)).toEqual(['R2', 'R3', 'R4'])
  })

  it('throws a TypeError for a malformed asOf', () => {
    expect(() => staleness(register, minutes, 'yesterday')).toThrow(TypeError)
  })
})

describe('neverDiscussed', () => {
  it('lists the ids without a last discussion, in order', () => {
    expect(neverDiscussed(staleness(register, minutes, '2024-03-01'))).toEqual(['R3'])
    expect(neverDiscussed(staleness(register, minutes, '2024-01-09'))).toEqual(['R1', 'R2', 'R3'])
    expect(neverDiscussed([])).toEqual([])
  })
})
