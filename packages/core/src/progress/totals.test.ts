import { describe, expect, it } from 'vitest'
import { statuses } from '../schemas/status.js'
import { countByStatus, totals } from './totals.js'
import { zeros } from './test-support.js'

describe('countByStatus', () => {
  it('has all seven statuses, zeros included, in vocabulary order', () => {
    const counts = countByStatus([])
    expect(counts).toEqual(zeros)
    expect(Object.keys(counts)).toEqual([...statuses])
  })

  it('counts each status', () => {
    expect(countByStatus([{ status: 'blocked' }, { status: 'blocked' }, { status: 'rejected' }])).toEqual({
      ...zeros,
      blocked: 2,
      rejected: 1
    })
  })
})

describe('totals', () => {
  it('is all zeros, ratio 0, for no recommendations', () => {
    expect(totals([])).toEqual({ total: 0, byStatus: zeros, implemented: 0, implementedRatio: 0 })
  })

  it('leaves superseded out of the total but not out of byStatus', () => {
    expect(totals([{ status: 'implemented' }, { status: 'implemented' }, { status: 'in-progress' }, { status: 'superseded' }, { status: 'rejected' }])).toEqual({
      total: 4,
      byStatus: { ...zeros, implemented: 2, 'in-progress': 1, superseded: 1, rejected: 1 },
      implemented: 2,
      implementedRatio: 0.5
    })
  })

  it('gives ratio 0 when everything is superseded', () => {
    expect(totals([{ status: 'superseded' }])).toEqual({
      total: 0,
      byStatus: { ...zeros, superseded: 1 },
      implemented: 0,
      implementedRatio: 0
    })
  })
})
