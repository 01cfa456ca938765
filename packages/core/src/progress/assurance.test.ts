import { describe, expect, it } from 'vitest'
import { assurance, assuranceGapByOwner } from './assurance.js'
import { assuranceByStatusZeros, assuranceZeros, accountabilityMinutes as minutes, accountabilityRegister as register } from './test-support.js'

describe('assurance', () => {
  it('counts each status by the assurance of the event that set it, and names the gap', () => {
    // 2024-10-01: R1 implemented, claimed (2024-08-01); R4.2 in progress from minutes without assurance
    // (the due-only row of 2024-09-10 sets no status); AFI1 ready for assessment by baseline (no event);
    // AFI2 implemented, verified; R5 superseded without assurance.
    expect(assurance(register, minutes, '2024-10-01')).toEqual({
      assurance: {
        byStatus: {
          ...assuranceByStatusZeros,
          implemented: { ...assuranceZeros, claimed: 1, verified: 1 },
          'in-progress': { ...assuranceZeros, 'not-recorded': 1 },
          'ready-for-assessment': { ...assuranceZeros, 'not-recorded': 1 },
          superseded: { ...assuranceZeros, 'not-recorded': 1 }
        }
      },
      assuranceGap: ['R1', 'AFI1']
    })
  })

  it('closes the gap when a later event verifies the same status, and ignores other registers', () => {
    const verified = [
      ...minutes,
      { source: 'm.md', date: '2024-09-01', updates: [{ id: 'R1', status: 'implemented' as const, assurance: 'verified' as const, date: '2024-09-01' }] }
    ]
    expect(assurance(register, verified, '2024-10-01').assuranceGap).toEqual(['AFI1'])
    expect(assurance(register, verified, '2024-08-31').assuranceGap).toEqual(['R1', 'AFI1'])
  })
})

describe('assuranceGapByOwner', () => {
  it('lists each owner in the order the gap first names them, with its ids in gap order, a shared recommendation under each owner', () => {
    const owners = {
      recommendations: [
        { id: 'R1', title: 'One', owners: ['police'] },
        { id: 'R2', title: 'Two', owners: ['council', 'police'] },
        { id: 'R3', title: 'Three', owners: ['council', 'council'] },
        { id: 'R4', title: 'Four', owners: ['nhs'] }
      ]
    }
    expect([...assuranceGapByOwner(owners, ['R2', 'R3', 'R1'])]).toStrictEqual([
      ['council', ['R2', 'R3']],
      ['police', ['R2', 'R1']]
    ])
    expect([...assuranceGapByOwner(owners, [])]).toStrictEqual([])
    // An id the register does not have names no owner.
    expect([...assuranceGapByOwner(owners, ['R9'])]).toStrictEqual([])
  })
})
