import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import { countsForRegister, isRegisterRecord, registerMeetings, registerUpdates } from './register-minutes.js'

const register = { inquiry: { id: 'iitcse', title: 'Telford inquiry', published: '2022-07-12' } }

describe('countsForRegister', () => {
  it('counts items naming no register or this register, not another', () => {
    expect(countsForRegister('iitcse', {})).toBe(true)
    expect(countsForRegister('iitcse', { register: 'iitcse' })).toBe(true)
    expect(countsForRegister('iitcse', { register: 'hmicfrs' })).toBe(false)
  })
})

describe('isRegisterRecord', () => {
  it('counts a record that names nothing as a meeting of every register', () => {
    expect(isRegisterRecord('iitcse', { source: 'a.md', date: '2024-01-01' })).toBe(true)
    expect(isRegisterRecord('iitcse', { source: 'a.md', date: '2024-01-01', references: [], updates: [] })).toBe(true)
  })

  it('ignores a record that names only another register', () => {
    const record: MinutesRecord = {
      source: 'a.md',
      date: '2024-01-01',
      references: [{ id: 'R1', register: 'hmicfrs' }],
      updates: [{ id: 'R1', register: 'hmicfrs', status: 'implemented', date: '2024-01-01' }]
    }
    expect(isRegisterRecord('iitcse', record)).toBe(false)
    expect(isRegisterRecord('hmicfrs', record)).toBe(true)
  })

  it('counts a record with at least one reference or update of the register', () => {
    expect(
      isRegisterRecord('iitcse', {
        source: 'a.md',
        date: '2024-01-01',
        references: [{ id: 'R1', register: 'hmicfrs' }, { id: 'R2' }]
      })
    ).toBe(true)
    expect(
      isRegisterRecord('iitcse', {
        source: 'a.md',
        date: '2024-01-01',
        references: [{ id: 'R1', register: 'hmicfrs' }],
        updates: [{ id: 'R2', register: 'iitcse', status: 'blocked', date: '2024-01-01' }]
      })
    ).toBe(true)
  })
})

describe('registerMeetings', () => {
  const minutes: MinutesRecord[] = [
    { source: 'z.md', date: '2024-02-01', title: 'Accountability meeting', references: [{ id: 'R1' }, { id: 'R9', register: 'hmicfrs' }] },
    { source: 'later.md', date: '2024-03-02', references: [{ id: 'R1' }] },
    { source: 'other.md', date: '2024-01-15', references: [{ id: 'R1', register: 'hmicfrs' }] },
    { source: 'a.md', date: '2024-02-01', updates: [{ id: 'R2', status: 'in-progress', date: '2024-02-01' }] },
    { source: 'm.md', date: '2024-01-10' }
  ]

  it('keeps records of the register up to asOf, with only their own references and updates, by date then source', () => {
    expect(registerMeetings(register, minutes, '2024-03-01')).toStrictEqual([
      { source: 'm.md', date: '2024-01-10', references: [], updates: [] },
      {
        source: 'a.md',
        date: '2024-02-01',
        references: [],
        updates: [{ id: 'R2', status: 'in-progress', date: '2024-02-01' }]
      },
      { source: 'z.md', date: '2024-02-01', title: 'Accountability meeting', references: [{ id: 'R1' }], updates: [] }
    ])
  })

  it('includes a record dated on asOf itself', () => {
    expect(registerMeetings(register, minutes, '2024-03-02').map((meeting) => meeting.source)).toEqual(['m.md', 'a.md', 'z.md', 'later.md'])
  })

  it('returns nothing without minutes and throws on a malformed asOf', () => {
    expect(registerMeetings(register, [], '2024-03-01')).toEqual([])
    expect(() => registerMeetings(register, minutes, '1 March 2024')).toThrow(TypeError)
  })
})

describe('registerUpdates', () => {
  it("returns the register's updates up to asOf in input order, not date order", () => {
    const minutes: MinutesRecord[] = [
      { source: 'b.md', date: '2024-02-01', updates: [{ id: 'R1', status: 'implemented', date: '2024-02-01' }] },
      {
        source: 'a.md',
        date: '2024-01-01',
        updates: [
          { id: 'R1', status: 'in-progress', date: '2024-01-01' },
          { id: 'R2', register: 'hmicfrs', status: 'blocked', date: '2024-01-01' },
          { id: 'R3', register: 'iitcse', status: 'blocked', date: '2024-01-01' }
        ]
      },
      { source: 'c.md', date: '2024-05-01', updates: [{ id: 'R1', status: 'rejected', date: '2024-05-01' }] }
    ]
    expect(registerUpdates(register, minutes, '2024-03-01')).toEqual([
      { id: 'R1', status: 'implemented', date: '2024-02-01' },
      { id: 'R1', status: 'in-progress', date: '2024-01-01' },
      { id: 'R3', register: 'iitcse', status: 'blocked', date: '2024-01-01' }
    ])
  })
})
