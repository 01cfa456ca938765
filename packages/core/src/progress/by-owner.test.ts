import { describe, expect, it } from 'vitest'
import type { Recommendation } from '../schemas/register.js'
import type { Status } from '../schemas/status.js'
import { byOwner } from './by-owner.js'
import { zeros } from './test-support.js'

function rec(id: string, owners: string[]): Recommendation {
  return { id, title: `Title of ${id}`, owners }
}

const owners = [
  { id: 'police', name: 'West Mercia Police' },
  { id: 'council', name: 'Telford & Wrekin Council' },
  { id: 'health', name: 'NHS Shropshire, Telford and Wrekin' }
]

describe('byOwner', () => {
  const register = {
    owners,
    recommendations: [rec('R1', ['police']), rec('R2', ['police']), rec('R3', ['police', 'council']), rec('R4', ['council'])]
  }
  const statuses: { id: string; status: Status }[] = [
    { id: 'R1', status: 'implemented' },
    { id: 'R2', status: 'in-progress' },
    { id: 'R3', status: 'implemented' },
    { id: 'R4', status: 'superseded' }
  ]

  it("counts an owner's recommendations, a shared one for each owner, and lists owners without any", () => {
    const result = byOwner(register, statuses)
    expect(result).toEqual({
      // R1, R2, R3: 2 of 3 implemented.
      police: {
        name: 'West Mercia Police',
        total: 3,
        byStatus: { ...zeros, implemented: 2, 'in-progress': 1 },
        implemented: 2,
        implementedRatio: 2 / 3
      },
      // R3 implemented; R4 superseded, so out of the total.
      council: {
        name: 'Telford & Wrekin Council',
        total: 1,
        byStatus: { ...zeros, implemented: 1, superseded: 1 },
        implemented: 1,
        implementedRatio: 1
      },
      health: { name: 'NHS Shropshire, Telford and Wrekin', total: 0, byStatus: zeros, implemented: 0, implementedRatio: 0 }
    })
    expect(Object.keys(result)).toEqual(['police', 'council', 'health'])
  })

  it('counts a duplicated owner once, skips recommendations without a status and keeps unknown owners', () => {
    const result = byOwner({ owners: owners.slice(0, 1), recommendations: [rec('R1', ['police', 'police']), rec('R2', ['police']), rec('R3', ['nobody'])] }, [
      { id: 'R1', status: 'blocked' },
      { id: 'R3', status: 'rejected' }
    ])
    expect(result).toEqual({
      police: { name: 'West Mercia Police', total: 1, byStatus: { ...zeros, blocked: 1 }, implemented: 0, implementedRatio: 0 },
      nobody: { name: 'nobody', total: 1, byStatus: { ...zeros, rejected: 1 }, implemented: 0, implementedRatio: 0 }
    })
  })

  it('is empty for a register without owners or recommendations', () => {
    expect(byOwner({ owners: [], recommendations: [] }, [])).toEqual({})
  })
})
