import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import type { Recommendation, Register } from '../schemas/register.js'
import { coverage } from './coverage.js'

function rec(id: string, extra: Partial<Recommendation> = {}): Recommendation {
  return { id, title: `Title of ${id}`, owners: ['police'], ...extra }
}

const register: Register = {
  inquiry: { id: 'iitcse', title: 'Telford inquiry', published: '2022-07-12' },
  owners: [{ id: 'police', name: 'West Mercia Police' }],
  recommendations: [rec('R1'), rec('R2'), rec('R3', { status: 'superseded', supersededBy: 'R2' })]
}

const minutes: MinutesRecord[] = [
  {
    source: 'b.md',
    date: '2024-02-01',
    title: 'Accountability meeting',
    // R9 is not in the register: no row.
    references: [{ id: 'R1' }, { id: 'R1' }, { id: 'R3' }, { id: 'R9' }]
  },
  { source: 'x.md', date: '2024-01-15', references: [{ id: 'R2' }, { id: 'R1', register: 'hmicfrs' }] },
  { source: 'a.md', date: '2024-02-01' },
  { source: 'later.md', date: '2024-03-01', references: [{ id: 'R1' }] },
  { source: 'other.md', date: '2024-01-20', references: [{ id: 'R2', register: 'hmicfrs' }] }
]

describe('coverage', () => {
  it('counts references per recommendation and meeting, meetings by date then source, superseded rows included', () => {
    expect(coverage(register, minutes, '2024-02-15')).toStrictEqual({
      meetings: [
        { source: 'x.md', date: '2024-01-15' },
        { source: 'a.md', date: '2024-02-01' },
        { source: 'b.md', date: '2024-02-01', title: 'Accountability meeting' }
      ],
      rows: [
        { id: 'R1', counts: [0, 0, 2], total: 2 },
        { id: 'R2', counts: [1, 0, 0], total: 1 },
        { id: 'R3', counts: [0, 0, 1], total: 1 }
      ]
    })
  })

  it('has rows without columns when there are no minutes, and nothing for an empty register', () => {
    expect(coverage(register, [], '2024-02-15')).toEqual({
      meetings: [],
      rows: [
        { id: 'R1', counts: [], total: 0 },
        { id: 'R2', counts: [], total: 0 },
        { id: 'R3', counts: [], total: 0 }
      ]
    })
    expect(coverage({ ...register, recommendations: [] }, [], '2024-02-15')).toEqual({ meetings: [], rows: [] })
  })

  it('throws a TypeError for a malformed asOf', () => {
    expect(() => coverage(register, minutes, '')).toThrow(TypeError)
  })
})
