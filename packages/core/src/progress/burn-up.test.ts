import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import type { Recommendation, Register } from '../schemas/register.js'
import { burnUp } from './burn-up.js'

function rec(id: string, extra: Partial<Recommendation> = {}): Recommendation {
  return { id, title: `Title of ${id}`, owners: ['police'], ...extra }
}

const register: Register = {
  inquiry: { id: 'iitcse', title: 'Telford inquiry', published: '2022-07-12' },
  owners: [{ id: 'police', name: 'West Mercia Police' }],
  recommendations: [
    rec('R1', { history: [{ date: '2024-01-20', status: 'implemented' }] }),
    rec('R2'),
    rec('R3'),
    rec('R4', { status: 'in-progress', history: [{ date: '2024-02-01', status: 'superseded' }], supersededBy: 'R3' })
  ]
}

const minutes: MinutesRecord[] = [
  { source: 'm1.md', date: '2024-01-10', references: [{ id: 'R1' }] },
  { source: 'b.md', date: '2024-02-01', updates: [{ id: 'R2', status: 'implemented', date: '2024-02-01' }] },
  { source: 'a.md', date: '2024-02-01', references: [{ id: 'R3' }] },
  { source: 'm4.md', date: '2024-03-01' },
  // Another register's meeting: no point.
  { source: 'other.md', date: '2024-01-25', references: [{ id: 'R1', register: 'hmicfrs' }] },
  // After asOf: no point, and its update does not count.
  { source: 'later.md', date: '2024-05-01', updates: [{ id: 'R3', status: 'implemented', date: '2024-05-01' }] }
]

describe('burnUp', () => {
  it('gives implemented and total at each distinct meeting date up to asOf', () => {
    expect(burnUp(register, minutes, '2024-04-01')).toEqual([
      // Nothing implemented yet; R4 in progress, so all four count.
      { date: '2024-01-10', implemented: 0, total: 4 },
      // R1 (history 01-20) and R2 (minutes, that day) implemented; R4 superseded that day.
      { date: '2024-02-01', implemented: 2, total: 3 },
      { date: '2024-03-01', implemented: 2, total: 3 }
    ])
  })

  it('has no points without meetings up to asOf', () => {
    expect(burnUp(register, [], '2024-04-01')).toEqual([])
    expect(burnUp(register, minutes, '2024-01-09')).toEqual([])
  })

  it('throws a TypeError for a malformed asOf', () => {
    expect(() => burnUp(register, minutes, '2024-02-30')).toThrow(TypeError)
  })
})
