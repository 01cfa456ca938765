import { describe, expect, it } from 'vitest'
import { accountabilityOn } from './accountability-on.js'
import { responsesOn } from './responses.js'
import { accountabilityMinutes as minutes, accountabilityRegister as register } from './test-support.js'

const byId = (asOf: string) => new Map(accountabilityOn(register, minutes, asOf).map((entry) => [entry.id, entry]))

describe('accountabilityOn', () => {
  it('gives the response, the assurance of the current status and the due date with its revisions', () => {
    const on = byId('2024-10-01')
    // R1: accepted in the register; implemented 2024-08-01, claimed by the force; due moved once (history 2024-05-01).
    // The other register's row (2024-06-01) does not count.
    expect(on.get('R1')).toEqual({
      id: 'R1',
      response: { decision: 'accepted', date: '2024-04-10' },
      status: 'implemented',
      statusDate: '2024-08-01',
      assurance: 'claimed',
      evidence: [],
      by: 'force',
      originalDue: '2024-06-30',
      currentDue: '2024-09-30',
      revisions: [{ date: '2024-05-01', due: '2024-09-30', reason: 'supplier delay' }]
    })
    // R4.2: partially accepted and in progress in the minutes of 2024-05-20 (no assurance); moved by a due-only row.
    expect(on.get('R4.2')).toEqual({
      id: 'R4.2',
      response: { decision: 'partially-accepted', date: '2024-05-20' },
      status: 'in-progress',
      statusDate: '2024-05-20',
      evidence: [],
      originalDue: '2024-12-31',
      currentDue: '2025-03-31',
      revisions: [{ date: '2024-09-10', due: '2025-03-31', reason: 'contract re-tendered' }]
    })
    // AFI2: verified with evidence by internal audit.
    expect(on.get('AFI2')).toMatchObject({
      assurance: 'verified',
      evidence: [{ title: 'Audit report', href: 'https://example.org/audit' }],
      by: 'Internal audit',
      currentDue: '2024-10-31',
      revisions: []
    })
    // AFI1: a baseline status, no event, no response, no due date.
    expect(on.get('AFI1')).toEqual({ id: 'AFI1', status: 'ready-for-assessment', evidence: [], revisions: [] })
  })

  it('only counts what happened on or before the as-of date', () => {
    const on = byId('2024-05-19')
    expect(on.get('R1')).toMatchObject({ status: 'not-started', currentDue: '2024-09-30', revisions: [{ date: '2024-05-01' }] })
    expect(on.get('R1')?.assurance).toBeUndefined()
    expect(on.get('R4.2')?.response).toBeUndefined()
    expect(byId('2024-04-30').get('R1')?.currentDue).toBe('2024-06-30')
  })

  it('agrees with the response counts', () => {
    expect([...responsesOn(register, minutes, '2024-10-01').keys()]).toEqual(['R1', 'AFI2', 'R4.2'])
  })

  it('rejects a date that is not ISO', () => {
    expect(() => accountabilityOn(register, minutes, '1 October 2024')).toThrow(TypeError)
  })
})
