import { describe, expect, it } from 'vitest'
import { responses } from './responses.js'
import { statusesOn } from './status-on.js'
import { accountabilityMinutes as minutes, accountabilityRegister as register } from './test-support.js'

const on = (asOf: string) => responses(register, minutes, asOf, statusesOn(register, minutes, asOf))

describe('responses', () => {
  it('counts decisions from the register and from minutes, leaving out superseded ones', () => {
    // R1 accepted (register), R4.2 partially accepted (minutes 2024-05-20), AFI2 accepted in principle,
    // AFI1 awaiting and past 2024-04-26, R5 superseded since 2024-06-01 (left out).
    expect(on('2024-10-01')).toEqual({ accepted: 1, 'accepted-in-principle': 1, 'partially-accepted': 1, 'not-accepted': 0, awaiting: 1, overdue: ['AFI1'] })
  })

  it('counts a response only from its date, and none overdue on the due day itself', () => {
    // 2024-04-26 = 2024-03-01 + 56: R1 has responded; R4.2, AFI1, AFI2 and R5 (not yet superseded) await, in time.
    expect(on('2024-04-26')).toEqual({ accepted: 1, 'accepted-in-principle': 0, 'partially-accepted': 0, 'not-accepted': 0, awaiting: 4, overdue: [] })
    expect(on('2024-04-27').overdue).toEqual(['R4.2', 'AFI1', 'AFI2', 'R5'])
  })

  it('never calls a response overdue without responseDays', () => {
    const plain = { ...register, inquiry: { id: 'nci24', title: 'Custody inspection', published: '2024-03-01' } }
    expect(responses(plain, minutes, '2030-01-01', statusesOn(plain, minutes, '2030-01-01')).overdue).toEqual([])
  })

  it('lets minutes win a same-day tie over the register', () => {
    const sameDay = [{ source: 'm.md', date: '2024-04-10', updates: [{ id: 'R1', response: 'not-accepted' as const, date: '2024-04-10' }] }]
    expect(responses(register, sameDay, '2024-04-10', []).accepted).toBe(0)
    expect(responses(register, sameDay, '2024-04-10', [])['not-accepted']).toBe(1)
  })
})
